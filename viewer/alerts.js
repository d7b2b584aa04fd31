/*
 * crowdhex viewer, open alerts: for each shown window, reads the window's alerts document
 * (alerts.geojson beside its tiles, named by the manifest), outlines each alert's cells on the map
 * and lists the alerts in the side panel; a click on an item flies to the alert. Cells of the hex
 * tiles that are in an alert (property `alert`) get a red outline too.
 *
 * Loaded after app.js, whose window.crowdhex.onWindow() calls it with every window shown. A window
 * without an alerts document (a run without detection, or tiles made before alerts existed) shows
 * "No open alerts" and asks for nothing.
 */
'use strict';

(() => {
  const api = window.crowdhex;
  if (!api || typeof api.onWindow !== 'function') return;

  const SOURCE = 'alerts';
  const FILL = 'alert-fill';
  const LINE = 'alert-line';
  const CELL_LINE = 'hex-alert-line';
  const RED = '#d32f2f';
  const EMPTY = {type: 'FeatureCollection', features: []};

  const list = document.getElementById('alert-list');
  const note = document.getElementById('alert-note');
  const count = document.getElementById('alert-count');

  const state = {
    seq: 0,
    features: [],
    venueNames: null,
    hoverPopup: null,
    layersAdded: false,
    shown: null, // id of the window whose alerts are shown
  };

  // ------------------------------------------------------------------ formatting

  const numberFmt = new Intl.NumberFormat(undefined, {maximumFractionDigits: 0});
  const decimalFmt = new Intl.NumberFormat(undefined, {maximumFractionDigits: 1});
  const scoreFmt = new Intl.NumberFormat(undefined, {maximumFractionDigits: 2});

  let timeFmt = null;
  function timeFormat() {
    if (timeFmt) return timeFmt;
    const tz = (api.manifest() || {}).time_zone || 'UTC';
    const opts = {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'};
    try {
      timeFmt = new Intl.DateTimeFormat(undefined, {...opts, timeZone: tz});
    } catch (e) {
      timeFmt = new Intl.DateTimeFormat(undefined, {...opts, timeZone: 'UTC'});
    }
    return timeFmt;
  }

  function duration(ms) {
    const minutes = Math.max(0, Math.round(ms / 60000));
    if (minutes < 60) return `${minutes} min`;
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }

  function venueName(id) {
    const names = state.venueNames;
    return (names && names.get(id)) || id || 'Venue';
  }

  // ------------------------------------------------------------------ map layers

  function ensureLayers(map) {
    if (!map.getSource(SOURCE)) {
      map.addSource(SOURCE, {type: 'geojson', data: EMPTY});
    }
    // Above everything else, so an alert is never hidden by the heat or the hexagons.
    if (!map.getLayer(FILL)) {
      map.addLayer({id: FILL, type: 'fill', source: SOURCE, paint: {'fill-color': RED, 'fill-opacity': 0.08}});
    }
    if (!map.getLayer(LINE)) {
      map.addLayer({
        id: LINE, type: 'line', source: SOURCE,
        layout: {'line-join': 'round'},
        paint: {'line-color': RED, 'line-width': 3, 'line-opacity': 0.95},
      });
    }
    // Each hexagon in an alert, from the hex tiles' own `alert` property.
    if (map.getSource('hex') && !map.getLayer(CELL_LINE)) {
      map.addLayer({
        id: CELL_LINE, type: 'line', source: 'hex', 'source-layer': 'cells',
        filter: ['has', 'alert'],
        paint: {'line-color': RED, 'line-width': 1, 'line-opacity': 0.8},
      }, FILL);
    }
    if (!state.layersAdded && map.getLayer(CELL_LINE)) {
      state.layersAdded = true;
      installHover(map);
    }
  }

  // A tooltip over hexagons with a score or an alert (a click shows all the cell's figures).
  function installHover(map) {
    map.on('mousemove', 'hex-fill', (e) => {
      const f = (e.features || []).find((x) => x.properties && (Number(x.properties.score) > 0 || x.properties.alert));
      if (!f) {
        if (state.hoverPopup) state.hoverPopup.remove();
        return;
      }
      const p = f.properties;
      const parts = [`score ${scoreFmt.format(Number(p.score) || 0)}`];
      if (p.alert) parts.push(`alert ${p.alert}`);
      if (!state.hoverPopup) {
        state.hoverPopup = new maplibregl.Popup({closeButton: false, closeOnClick: false, className: 'alert-tip', offset: 8, maxWidth: 'none'});
      }
      state.hoverPopup.setLngLat(e.lngLat).setText(parts.join(' · '));
      if (!state.hoverPopup.isOpen()) state.hoverPopup.addTo(map);
    });
    map.on('mouseleave', 'hex-fill', () => {
      if (state.hoverPopup) state.hoverPopup.remove();
    });
  }

  function setFeatures(map, features) {
    state.features = features;
    const source = map.getSource(SOURCE);
    if (source) source.setData({type: 'FeatureCollection', features});
  }

  // ------------------------------------------------------------------ panel

  function bounds(feature) {
    let w = 180, s = 90, e = -180, n = -90;
    const polygons = feature.geometry && feature.geometry.type === 'MultiPolygon'
      ? feature.geometry.coordinates
      : [feature.geometry ? feature.geometry.coordinates : []];
    for (const polygon of polygons) {
      for (const ring of polygon || []) {
        for (const [x, y] of ring || []) {
          w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
        }
      }
    }
    return w <= e && s <= n ? [[w, s], [e, n]] : null;
  }

  function flyTo(feature) {
    const map = api.map();
    const b = bounds(feature);
    if (!map || !b) return;
    map.fitBounds(b, {padding: 120, maxZoom: 15, duration: 800});
  }

  function item(feature, windowEnd) {
    const p = feature.properties || {};
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `alert-item severity-${p.severity || 'low'}`;
    button.dataset.alert = p.id || '';
    button.title = 'Show this alert on the map';

    const head = document.createElement('span');
    head.className = 'alert-head';
    const venue = document.createElement('span');
    venue.className = 'alert-venue';
    venue.textContent = venueName(p.venue);
    const severity = document.createElement('span');
    severity.className = 'alert-severity';
    severity.textContent = p.severity || '';
    head.append(venue, severity);

    const when = document.createElement('span');
    when.className = 'alert-when';
    const since = Date.parse(p.since);
    if (Number.isFinite(since)) {
      const open = Number.isFinite(windowEnd) ? ` (${duration(windowEnd - since)})` : '';
      when.textContent = `since ${timeFormat().format(new Date(since))}${open}`;
    }
    if (p.phase) when.textContent += ` · ${p.phase}`;

    const figures = document.createElement('span');
    figures.className = 'alert-figures';
    const ratio = Number(p.ratio);
    // present: how many are in the alert's cells (null when below the minimum crowd); observed and
    // expected are the scan's, added up over its windows, so one person may count more than once.
    const present = typeof p.present === 'number'
      ? `${numberFmt.format(p.present)} present · ` : '';
    figures.title = 'present: distinct authors in the alert\'s cells in its last window;'
      + ' observed / expected: the scan\'s counts over up to three overlapping windows';
    figures.textContent = `${present}${numberFmt.format(Number(p.observed) || 0)} observed / `
      + `${decimalFmt.format(Number(p.expected) || 0)} expected`
      + (Number.isFinite(ratio) ? ` · ×${decimalFmt.format(ratio)}` : '');

    button.append(head, when, figures);
    // Without a baseline file the expectation is the stream's own first hour: say how far to trust it.
    if (p.baseline === 'no baseline yet' || p.baseline === 'online') {
      const basis = document.createElement('span');
      basis.className = 'alert-basis';
      basis.textContent = p.baseline === 'online'
        ? 'expected: learned from the stream itself (no baseline file)'
        : 'no baseline yet: still learning what is normal';
      button.append(basis);
    }
    button.addEventListener('click', () => flyTo(feature));
    li.appendChild(button);
    return li;
  }

  function render(features, windowEnd, hasDocument) {
    list.textContent = '';
    count.textContent = features.length ? String(features.length) : '';
    count.hidden = !features.length;
    if (!features.length) {
      const li = document.createElement('li');
      li.className = 'alert-empty';
      li.textContent = 'No open alerts';
      list.appendChild(li);
    } else {
      for (const f of features) list.appendChild(item(f, windowEnd));
    }
    note.hidden = hasDocument;
  }

  // ------------------------------------------------------------------ windows

  async function loadVenueNames() {
    if (state.venueNames) return;
    state.venueNames = new Map();
    const rel = (api.manifest() || {}).venues;
    if (!rel) return;
    try {
      const data = await api.fetchJson(api.resolve(rel));
      for (const f of (data && data.features) || []) {
        const p = f.properties || {};
        if (p.id) state.venueNames.set(p.id, p.name || p.id);
      }
    } catch (e) {
      // Venue ids then stand for their names.
    }
  }

  async function onWindow(w) {
    const map = api.map();
    if (!map) return;
    ensureLayers(map);
    if (w.id === state.shown) return; // a window's files never change
    const seq = ++state.seq;
    const end = Date.parse(w.end);
    const hasDocument = typeof w.alerts === 'string' && w.alerts.length > 0;
    let features = [];
    if (hasDocument && Number(w.open_alerts) !== 0) {
      try {
        const [doc] = await Promise.all([api.fetchJson(api.resolve(w.alerts)), loadVenueNames()]);
        features = Array.isArray(doc && doc.features) ? doc.features.filter((f) => f && f.geometry) : [];
      } catch (e) {
        // A missing or unreadable document shows as no alerts; the map itself is unaffected.
        console.warn('alerts:', e.message);
      }
    }
    if (seq !== state.seq) return; // another window was shown meanwhile
    state.shown = w.id;
    setFeatures(map, features);
    render(features, end, hasDocument);
  }

  api.onWindow(onWindow);

  /**
   * For tests: the alerts of the shown window as listed, and how many features the map renders in
   * the alert outline and in the outlines of hexagons in an alert.
   */
  api.alerts = () => {
    const map = api.map();
    const rendered = (layer) => (map && map.getLayer(layer) ? map.queryRenderedFeatures({layers: [layer]}).length : 0);
    return {
      ids: state.features.map((f) => (f.properties || {}).id),
      items: [...list.querySelectorAll('li')].map((li) => li.innerText.replace(/\s+/g, ' ').trim()),
      outline: rendered(LINE),
      cellOutline: rendered(CELL_LINE),
    };
  };
})();
