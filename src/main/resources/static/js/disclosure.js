// Disclosures marked data-open-wide="<media query>" (the catalogue's filters) open by themselves on a screen that
// matches, so a wide screen shows them beside the results; on a phone they stay closed behind their button. Without
// this script they are plain <details>: closed, opened by their button.
(function () {
  'use strict';
  document.querySelectorAll('details[data-open-wide]').forEach(function (details) {
    if (window.matchMedia(details.getAttribute('data-open-wide')).matches) {
      details.open = true;
    }
  });
}());
