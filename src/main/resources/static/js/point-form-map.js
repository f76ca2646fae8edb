// The staff's display-point form: a map to pick the coordinates. It only enhances the two typed fields (which stay
// the accessible way, and the only one without JavaScript): a click or a marker drag fills them in, typing in them
// moves the marker, and on the focused map Enter puts the marker at the map's centre (the arrow keys pan it).
(function () {
  'use strict';

  // Vietnam as a whole, when the form has no coordinates yet.
  var COUNTRY = { at: [16.0, 106.0], zoom: 5 };
  var NUMBER = /^-?\d{1,3}(\.\d{1,8})?$/;

  function read(input) {
    var text = input.value.trim().replace(',', '.');
    return NUMBER.test(text) ? parseFloat(text) : null;
  }

  function place(latitudeInput, longitudeInput) {
    var lat = read(latitudeInput);
    var lon = read(longitudeInput);
    if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return null;
    }
    return [lat, lon];
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('point-form-map');
    var canvas = document.getElementById('point-form-map-canvas');
    var latitudeInput = document.getElementById('point-latitude');
    var longitudeInput = document.getElementById('point-longitude');
    var status = document.getElementById('point-form-map-status');
    if (!box || !canvas || !latitudeInput || !longitudeInput || !window.L) {
      return;
    }
    var L = window.L;
    box.hidden = false;
    var start = place(latitudeInput, longitudeInput);
    var map = L.map(canvas, { scrollWheelZoom: false, keyboard: true });
    map.attributionControl.setPrefix(false);
    L.tileLayer(canvas.getAttribute('data-tiles'), {
      maxZoom: 19,
      attribution: canvas.getAttribute('data-attribution')
    }).addTo(map);
    map.setView(start || COUNTRY.at, start ? 16 : COUNTRY.zoom);
    // The marker is not a keyboard stop of its own: the map (focusable) and the fields are.
    var marker = L.marker(start || COUNTRY.at, {
      draggable: true,
      keyboard: false,
      alt: canvas.getAttribute('data-marker') || ''
    });
    if (start) {
      marker.addTo(map);
    }

    function set(latlng) {
      var lat = latlng.lat.toFixed(6);
      var lon = L.Util.wrapNum(latlng.lng, [-180, 180], true).toFixed(6);
      latitudeInput.value = lat;
      longitudeInput.value = lon;
      marker.setLatLng([parseFloat(lat), parseFloat(lon)]);
      if (!map.hasLayer(marker)) {
        marker.addTo(map);
      }
      status.textContent = (status.getAttribute('data-set') || '') + ' ' + lat + ', ' + lon;
    }

    map.on('click', function (event) {
      set(event.latlng);
    });
    marker.on('dragend', function () {
      set(marker.getLatLng());
    });
    canvas.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && event.target === canvas) {
        event.preventDefault();
        set(map.getCenter());
      }
    });
    function typed() {
      var at = place(latitudeInput, longitudeInput);
      if (at) {
        marker.setLatLng(at);
        if (!map.hasLayer(marker)) {
          marker.addTo(map);
        }
        // From the whole country, typed coordinates zoom in to where they are.
        map.setView(at, Math.max(map.getZoom(), 14));
      }
    }
    latitudeInput.addEventListener('input', typed);
    longitudeInput.addEventListener('input', typed);
  });
})();
