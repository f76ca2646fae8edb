// The desks' pickers ([data-picker], views/admin/traceability/picker.html): the search box becomes a combobox with a
// list of suggestions (the WAI-ARIA Authoring Practices pattern "list autocomplete"): typing asks the desk's JSON
// endpoint (?q=words, the caller's scope only) after a pause; Down and Up move through the suggestions, Enter or a
// click picks one, Escape closes the list (a second Escape clears the box). The record picked becomes the picker's
// one radio button, checked: the form sends it as it sends a match found without this script. Without the script the
// box and its button search by GET.
(function () {
  'use strict';
  document.querySelectorAll('[data-picker]').forEach(function (picker) {
    var endpoint = picker.getAttribute('data-picker');
    var field = picker.getAttribute('data-picker-field');
    var input = picker.querySelector('.picker-search input');
    var box = picker.querySelector('.picker-search');
    var status = picker.querySelector('.picker-status');
    var options = picker.querySelector('.picker-options');
    var label = picker.querySelector('label[for="' + input.id + '"]');
    var listId = picker.id + '-suggestions';
    var list = document.createElement('ul');
    var timer = null;
    var latest = 0;
    var active = -1;
    var shown = [];

    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    if (label) {
      list.setAttribute('aria-label', label.textContent);
    }
    list.hidden = true;
    box.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    function say(text) {
      status.textContent = text;
    }

    function close() {
      clearTimeout(timer);
      latest++; // an answer still on its way must not reopen the list
      list.hidden = true;
      list.textContent = '';
      shown = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function show(found) {
      list.textContent = '';
      shown = found;
      active = -1;
      input.removeAttribute('aria-activedescendant');
      found.forEach(function (choice, i) {
        var item = document.createElement('li');
        var name = document.createElement('span');
        var detail = document.createElement('span');
        item.id = listId + '-' + i;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        name.textContent = choice.label;
        detail.className = 'help';
        detail.textContent = choice.detail;
        item.appendChild(name);
        item.appendChild(detail);
        // mousedown, not click: the box keeps the focus (a blur would close the list first).
        item.addEventListener('mousedown', function (event) {
          event.preventDefault();
          pick(choice);
        });
        list.appendChild(item);
      });
      list.hidden = found.length === 0;
      input.setAttribute('aria-expanded', String(found.length > 0));
      say(found.length === 0 ? picker.getAttribute('data-picker-none')
        : picker.getAttribute('data-picker-count').replace('{n}', String(found.length)));
    }

    function highlight(next) {
      var items = list.querySelectorAll('[role=option]');
      if (items.length === 0) { return; }
      active = (next + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute('aria-selected', String(i === active));
      });
      input.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    }

    // The record picked: the picker's one radio button, checked (its label says which it is).
    function pick(choice) {
      var id = picker.id + '-' + choice.id;
      var row = document.createElement('div');
      var radio = document.createElement('input');
      var text = document.createElement('label');
      var name = document.createElement('span');
      var detail = document.createElement('span');
      row.className = 'picker-option';
      row.setAttribute('data-choice', String(choice.id));
      radio.type = 'radio';
      radio.name = field;
      radio.id = id;
      radio.value = String(choice.id);
      radio.checked = true;
      text.htmlFor = id;
      name.className = 'wrap';
      name.textContent = choice.label;
      detail.className = 'help';
      detail.textContent = choice.detail;
      text.appendChild(name);
      text.appendChild(document.createTextNode(' '));
      text.appendChild(detail);
      row.appendChild(radio);
      row.appendChild(text);
      options.querySelectorAll('.picker-option').forEach(function (old) { old.remove(); });
      options.appendChild(row);
      options.hidden = false;
      input.value = choice.label;
      close();
      say(choice.label);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var request = ++latest;
        fetch(endpoint + '?q=' + encodeURIComponent(text),
          { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) { if (request === latest) { show(found); } })
          .catch(function () { if (request === latest) { close(); } });
      }, 250);
    });

    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (list.hidden) { return; }
        event.preventDefault();
        highlight(event.key === 'ArrowDown' ? active + 1 : (active < 0 ? -1 : active - 1));
      } else if (event.key === 'Enter') {
        // With a suggestion highlighted Enter picks it; otherwise the box's form searches as without the script.
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          pick(shown[active]);
        }
      } else if (event.key === 'Escape') {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener('blur', function () { close(); });
  });
}());
