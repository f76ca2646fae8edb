// The evaluation form: shows the total and the stars while the part scores are typed. The server computes them
// again on submission (and shows them when the form comes back); without this script nothing is lost.
(function () {
  'use strict';
  var form = document.getElementById('evaluation-form');
  var live = document.getElementById('score-live');
  var output = document.getElementById('score-total');
  if (!form || !live || !output) {
    return;
  }
  var parts = form.querySelectorAll('[data-score-part]');

  function stars(total) {
    if (total >= 90) { return 5; }
    if (total >= 70) { return 4; }
    if (total >= 50) { return 3; }
    if (total >= 30) { return 2; }
    return 1;
  }

  function fill(template, total, count) {
    return template.replace('{0}', String(total)).replace('{1}', String(count));
  }

  function update() {
    var total = 0;
    for (var i = 0; i < parts.length; i++) {
      var text = parts[i].value.trim();
      if (text === '') {
        output.textContent = '';
        return;
      }
      var points = Number(text);
      var max = Number(parts[i].getAttribute('max'));
      if (!Number.isInteger(points) || points < 0 || points > max) {
        output.textContent = fill(live.getAttribute('data-out-template'), max, 0)
          .replace('{2}', parts[i].labels && parts[i].labels[0] ? parts[i].labels[0].textContent : '');
        return;
      }
      total += points;
    }
    var count = stars(total);
    output.textContent = fill(live.getAttribute(count >= 3 ? 'data-total-template' : 'data-none-template'), total, count);
  }

  for (var j = 0; j < parts.length; j++) {
    parts[j].addEventListener('input', update);
  }
  update();
})();
