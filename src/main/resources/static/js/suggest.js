// As-you-type suggestions for search boxes marked data-suggest="<endpoint>". Progressive enhancement: without
// this script the form still submits a normal search. Each suggestion is a link to the search that finds it, or
// with data-suggest-link="url" to the product's page. data-suggest-label names the list for screen readers.
// Several boxes on one page (the header's and the catalogue's) each get their own list and keys.
(function () {
  'use strict';
  document.querySelectorAll('input[data-suggest]').forEach(function (input, index) {
    var endpoint = input.getAttribute('data-suggest');
    var linkField = input.getAttribute('data-suggest-link') || 'search';
    var list = document.createElement('ul');
    var listId = (input.id || 'suggest-' + index) + '-suggestions';
    var timer = null;
    var active = -1;
    var latest = 0;
    list.className = 'suggestions';
    list.id = listId;
    list.setAttribute('role', 'listbox');
    if (input.hasAttribute('data-suggest-label')) {
      list.setAttribute('aria-label', input.getAttribute('data-suggest-label'));
    }
    list.hidden = true;
    input.parentNode.classList.add('suggest-box');
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    function close() {
      clearTimeout(timer);
      latest++; // an answer still on its way must not reopen the list
      list.hidden = true;
      list.innerHTML = '';
      list.removeAttribute('data-query');
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    // The list says which words it answers (data-query), so that a script or a test can tell the last answer from
    // one for the words typed so far.
    function show(suggestions, text) {
      list.innerHTML = '';
      list.setAttribute('data-query', text);
      active = -1;
      input.removeAttribute('aria-activedescendant');
      suggestions.forEach(function (suggestion, i) {
        // The link itself is the option (an interactive element inside an option would be nested): the list item
        // only holds it.
        var item = document.createElement('li');
        var link = document.createElement('a');
        item.setAttribute('role', 'none');
        link.setAttribute('role', 'option');
        link.setAttribute('aria-selected', 'false');
        link.id = listId + '-' + i;
        link.tabIndex = -1;
        link.href = suggestion[linkField] || suggestion.search;
        link.textContent = suggestion.name;
        link.setAttribute('data-suggestion', suggestion.id);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = suggestions.length === 0;
      input.setAttribute('aria-expanded', String(suggestions.length > 0));
    }

    function highlight(next) {
      var links = list.querySelectorAll('a');
      if (links.length === 0) { return; }
      active = (next + links.length) % links.length;
      links.forEach(function (link, i) {
        link.classList.toggle('active', i === active);
        link.setAttribute('aria-selected', String(i === active));
      });
      input.setAttribute('aria-activedescendant', listId + '-' + active);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var request = ++latest;
        fetch(endpoint + '?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) { if (request === latest) { show(suggestions, text); } })
          .catch(function () { if (request === latest) { close(); } });
      }, 150);
    });

    input.addEventListener('keydown', function (event) {
      if (list.hidden) { return; }
      if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
      // Escape closes an open list only; a search input would also clear itself (the next Escape does).
      else if (event.key === 'Escape') { event.preventDefault(); close(); }
      else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll('a')[active].href;
      }
    });

    // A click or the keyboard's focus anywhere else (the other search box too) closes this list, and keeps an
    // answer still on its way from opening it.
    function closeUnlessInside(event) {
      if (event.target !== input && !list.contains(event.target)) { close(); }
    }
    document.addEventListener('click', closeUnlessInside);
    document.addEventListener('focusin', closeUnlessInside);
  });
}());
