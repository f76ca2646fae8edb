// Display points: "near me" from the browser's location (asked only on a click), and the map over the list.
// Everything here enhances a page that works without it: the list, the filters and the GET form with lat/lon.
(function () {
  'use strict';

  function locate(button, status, done) {
    if (!navigator.geolocation) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function (event) {
      event.preventDefault();
      status.textContent = button.getAttribute('data-locating') || '';
      navigator.geolocation.getCurrentPosition(function (position) {
        done(position.coords.latitude.toFixed(5), position.coords.longitude.toFixed(5));
      }, function () {
        status.textContent = button.getAttribute('data-denied') || '';
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
    });
  }

  function nearMe() {
    var button = document.getElementById('near-me');
    var form = document.getElementById('point-filters');
    if (button && form) {
      locate(button, document.getElementById('near-me-status'), function (lat, lon) {
        document.getElementById('filter-lat').value = lat;
        document.getElementById('filter-lon').value = lon;
        form.submit();
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll('.near-form'), function (nearForm) {
      var nearButton = nearForm.querySelector('.near-me-button');
      locate(nearButton, nearForm.querySelector('[role=status]'), function (lat, lon) {
        nearForm.querySelector('input[name=lat]').value = lat;
        nearForm.querySelector('input[name=lon]').value = lon;
        nearForm.submit();
      });
    });
  }

  function map() {
    var element = document.getElementById('point-map');
    if (!element || !window.L) {
      return;
    }
    var cards = Array.prototype.filter.call(document.querySelectorAll('.point-card'), function (card) {
      return card.getAttribute('data-lat');
    });
    if (cards.length === 0) {
      return;
    }
    element.hidden = false;
    var L = window.L;
    var leafletMap = L.map(element, { scrollWheelZoom: false });
    // The attribution is the configured text alone (no link squeezed into it).
    leafletMap.attributionControl.setPrefix(false);
    L.tileLayer(element.getAttribute('data-tiles'), {
      maxZoom: 19,
      attribution: element.getAttribute('data-attribution')
    }).addTo(leafletMap);
    var markers = L.layerGroup();
    var bounds = [];
    cards.forEach(function (card) {
      var at = [parseFloat(card.getAttribute('data-lat')), parseFloat(card.getAttribute('data-lon'))];
      bounds.push(at);
      // Markers show where; the list below is where to click (markers close together would be targets too
      // small to tell apart).
      L.marker(at, { alt: card.getAttribute('data-name'), interactive: false, keyboard: false }).addTo(markers);
    });
    // Many points: one marker per grid cell (grouped by the server) until the map is zoomed in.
    var groups = L.layerGroup();
    var groupItems = document.querySelectorAll('#point-groups li');
    Array.prototype.forEach.call(groupItems, function (item) {
      var count = parseInt(item.getAttribute('data-count'), 10);
      var at = [parseFloat(item.getAttribute('data-lat')), parseFloat(item.getAttribute('data-lon'))];
      var icon = L.divIcon({ className: 'point-group', html: String(count), iconSize: [36, 36] });
      L.marker(at, { icon: icon, interactive: false, keyboard: false }).addTo(groups);
    });
    var grouped = cards.length > 1 && groupItems.length > 0;
    function choose() {
      var zoomedOut = leafletMap.getZoom() < 9;
      if (grouped && zoomedOut) {
        leafletMap.removeLayer(markers);
        groups.addTo(leafletMap);
      } else {
        leafletMap.removeLayer(groups);
        markers.addTo(leafletMap);
      }
    }
    if (element.getAttribute('data-single')) {
      leafletMap.setView(bounds[0], 16);
    } else {
      leafletMap.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
    }
    leafletMap.on('zoomend', choose);
    choose();
  }

  document.addEventListener('DOMContentLoaded', function () {
    nearMe();
    map();
  });
})();
