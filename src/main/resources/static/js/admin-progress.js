// Staff pages that show a running job's progress (main[data-running="true"]). When the page names a JSON status
// (data-status-url: {status, percent, issued, quantity}), follow it every second and move the bar, then reload once
// the job has ended; otherwise reload every 2 seconds. Without this script the page's own link does the same.
(function () {
  'use strict';
  var main = document.querySelector('main[data-running="true"]');
  if (!main) {
    return;
  }
  var url = main.getAttribute('data-status-url');
  if (!url || !window.fetch) {
    window.setTimeout(function () { window.location.reload(); }, 2000);
    return;
  }
  var bar = main.querySelector('progress');
  function poll() {
    window.fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) {
          window.setTimeout(poll, 2000);
          return;
        }
        if (bar) {
          bar.value = state.percent;
          bar.textContent = state.percent + ' %';
        }
        main.setAttribute('data-percent', String(state.percent));
        if (state.status !== 'RUNNING') {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
