// As-you-type suggestions for search boxes marked data-suggest="<endpoint>". Progressive enhancement: without
// this script the form still submits a normal search. Each suggestion is a link to the search that finds it.
(function () {
  'use strict';
  document.querySelectorAll('input[data-suggest]').forEach(function (input, index) {
    var endpoint = input.getAttribute('data-suggest');
    var list = document.createElement('ul');
    var listId = 'suggestions-' + index;
    var timer = null;
    var active = -1;
    var latest = 0;
    list.className = 'suggestions';
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.parentNode.classList.add('suggest-box');
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    function close() {
      list.hidden = true;
      list.innerHTML = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
    }

    function show(suggestions) {
      list.innerHTML = '';
      active = -1;
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        item.setAttribute('role', 'option');
        item.id = listId + '-' + i;
        link.href = suggestion.search;
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
      links.forEach(function (link, i) { link.classList.toggle('active', i === active); });
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
          .then(function (suggestions) { if (request === latest) { show(suggestions); } })
          .catch(close);
      }, 150);
    });

    input.addEventListener('keydown', function (event) {
      if (list.hidden) { return; }
      if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
      else if (event.key === 'Escape') { close(); }
      else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll('a')[active].href;
      }
    });

    document.addEventListener('click', function (event) {
      if (event.target !== input && !list.contains(event.target)) { close(); }
    });
  });
}());
