// Staff pages that show a running job's progress: reload every 2 seconds while the page says it runs
// (main[data-running="true"]). Without this script the page's own link does the same.
(function () {
  'use strict';
  var main = document.querySelector('main[data-running="true"]');
  if (main) {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
