/*
 * crowdhex viewer, flows: for each shown window, reads the window's flows document (flows.geojson
 * beside its tiles, named by the manifest) and draws each flow between zones as an arrow from the
 * origin zone's centre to the destination's, its width proportional to the distinct authors who
 * moved; the side panel lists each venue's inflow and outflow in the window. A checkbox shows or
 * hides the arrows.
 *
 * Loaded after app.js, whose window.crowdhex.onWindow() calls it with every window shown, so the
 * arrows follow the time slider. A window without a flows document (tiles made before flows)
 * shows "No flows" and asks for nothing. Only flows of at least the run's minimum crowd are in
 * the documents; an inflow or outflow held back by it is null and shows as "–".
 */
'use strict';

(() => {
  const api = window.crowdhex;
  if (!api || typeof api.onWindow !== 'function') return;

  const SOURCE = 'flows';
  const HEAD_SOURCE = 'flow-heads';
  const CASING = 'flow-casing';
  const LINE = 'flow-line';
  const HEAD = 'flow-head';
  const ICON = 'flow-arrow';
  const BLUE = '#1565c0';
  const MAX_WIDTH = 14; // px, the window's strongest flow
  const MIN_WIDTH = 1.5; // px, so that the weakest flow stays visible
  const HEAD_AT = 0.8; // how far along its line an arrow's head sits
  const ICON_PX = 24; // the arrow icon's size at icon-size 1, CSS pixels
  const EMPTY = {type: 'FeatureCollection', features: []};

  const list = document.getElementById('flow-list');
  const note = document.getElementById('flow-note');
  const legend = document.getElementById('flow-legend');
  const toggle = document.getElementById('flow-toggle');

  const state = {
    seq: 0,
    shown: null, // id of the window whose flows are shown
    features: [],
    zones: [],
    visible: !toggle || toggle.checked,
    hoverPopup: null,
    hoverInstalled: false,
  };

  const numberFmt = new Intl.NumberFormat(undefined, {maximumFractionDigits: 0});
  const figure = (v) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? '–' : numberFmt.format(Number(v)));

  // ------------------------------------------------------------------ geometry

  // A triangle pointing up (north), white-edged so it reads over the heat.
  function arrowImage() {
    const ratio = 2;
    const size = ICON_PX * ratio;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext('2d');
    g.beginPath();
    g.moveTo(size / 2, size * 0.08);
    g.lineTo(size * 0.9, size * 0.92);
    g.lineTo(size / 2, size * 0.74);
    g.lineTo(size * 0.1, size * 0.92);
    g.closePath();
    g.fillStyle = BLUE;
    g.strokeStyle = '#ffffff';
    g.lineWidth = size * 0.06;
    g.lineJoin = 'round';
    g.fill();
    g.stroke();
    const data = g.getImageData(0, 0, size, size);
    return {image: {width: size, height: size, data: new Uint8Array(data.data.buffer)}, pixelRatio: ratio};
  }

  // Web Mercator y of a latitude, in degrees, so that bearings match the map.
  function mercY(lat) {
    const r = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
    return (Math.log(Math.tan(Math.PI / 4 + r / 2)) * 180) / Math.PI;
  }

  /** Line width and arrow head of a flow, in CSS pixels, from its authors and the window's most. */
  function widthOf(authors, most) {
    return Math.max(MIN_WIDTH, (MAX_WIDTH * authors) / Math.max(1, most));
  }

  // Each flow line with its drawing figures, and an arrow head near its destination.
  function drawable(features) {
    const most = features.reduce((m, f) => Math.max(m, Number(f.properties.authors) || 0), 0);
    const lines = [];
    const heads = [];
    for (const f of features) {
      const c = f.geometry.coordinates;
      if (!Array.isArray(c) || c.length < 2) continue;
      const [x0, y0] = c[0];
      const [x1, y1] = c[c.length - 1];
      const authors = Number(f.properties.authors) || 0;
      const width = widthOf(authors, most);
      const shift = width / 2 + 1; // to the right of its direction: A→B and B→A lie side by side
      const props = {...f.properties, width, shift};
      lines.push({type: 'Feature', geometry: f.geometry, properties: props});
      const bearing = (Math.atan2(x1 - x0, mercY(y1) - mercY(y0)) * 180) / Math.PI;
      const size = Math.max(0.7, (width * 3) / ICON_PX);
      heads.push({
        type: 'Feature',
        geometry: {type: 'Point', coordinates: [x0 + (x1 - x0) * HEAD_AT, y0 + (y1 - y0) * HEAD_AT]},
        properties: {...props, bearing, size, offset: [shift / size, 0]},
      });
    }
    return {lines, heads, most};
  }

  // ------------------------------------------------------------------ map layers

  function ensureLayers(map) {
    if (!map.hasImage(ICON)) {
      const {image, pixelRatio} = arrowImage();
      map.addImage(ICON, image, {pixelRatio});
    }
    if (!map.getSource(SOURCE)) map.addSource(SOURCE, {type: 'geojson', data: EMPTY});
    if (!map.getSource(HEAD_SOURCE)) map.addSource(HEAD_SOURCE, {type: 'geojson', data: EMPTY});
    const visibility = state.visible ? 'visible' : 'none';
    if (!map.getLayer(CASING)) {
      map.addLayer({
        id: CASING, type: 'line', source: SOURCE,
        layout: {'line-cap': 'round', visibility},
        paint: {
          'line-color': '#ffffff',
          'line-opacity': 0.85,
          'line-width': ['+', ['get', 'width'], 2],
          'line-offset': ['get', 'shift'],
        },
      });
    }
    if (!map.getLayer(LINE)) {
      map.addLayer({
        id: LINE, type: 'line', source: SOURCE,
        layout: {'line-cap': 'round', visibility},
        paint: {
          'line-color': BLUE,
          'line-opacity': 0.9,
          'line-width': ['get', 'width'],
          'line-offset': ['get', 'shift'],
        },
      });
    }
    if (!map.getLayer(HEAD)) {
      map.addLayer({
        id: HEAD, type: 'symbol', source: HEAD_SOURCE,
        layout: {
          visibility,
          'icon-image': ICON,
          'icon-size': ['get', 'size'],
          'icon-rotate': ['get', 'bearing'],
          'icon-offset': ['array', 'number', 2, ['get', 'offset']],
          'icon-rotation-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      });
    }
    if (!state.hoverInstalled) {
      state.hoverInstalled = true;
      installHover(map);
    }
  }

  function installHover(map) {
    map.on('mousemove', LINE, (e) => {
      const f = (e.features || [])[0];
      if (!f) return;
      const p = f.properties || {};
      if (!state.hoverPopup) {
        state.hoverPopup = new maplibregl.Popup({closeButton: false, closeOnClick: false, className: 'flow-tip', offset: 8, maxWidth: 'none'});
      }
      state.hoverPopup.setLngLat(e.lngLat)
        .setText(`${p.origin_name || p.origin} → ${p.destination_name || p.destination}: ${figure(p.authors)} authors`);
      if (!state.hoverPopup.isOpen()) state.hoverPopup.addTo(map);
    });
    map.on('mouseleave', LINE, () => {
      if (state.hoverPopup) state.hoverPopup.remove();
    });
  }

  function setVisible(visible) {
    state.visible = visible;
    const map = api.map();
    if (!map) return;
    for (const id of [CASING, LINE, HEAD]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
    if (!visible && state.hoverPopup) state.hoverPopup.remove();
  }

  // ------------------------------------------------------------------ panel

  function render(zones, most, hasDocument, count) {
    list.textContent = '';
    const shown = zones
      .filter((z) => z && z.zone)
      .sort((a, b) => ((Number(b.inflow) || 0) + (Number(b.outflow) || 0)) - ((Number(a.inflow) || 0) + (Number(a.outflow) || 0))
        || String(a.zone).localeCompare(String(b.zone)));
    if (!shown.length) {
      const li = document.createElement('li');
      li.className = 'flow-empty';
      li.textContent = hasDocument ? 'No flows in this window' : 'No flows';
      list.appendChild(li);
    }
    for (const z of shown) {
      const li = document.createElement('li');
      li.className = 'flow-zone';
      li.dataset.zone = z.zone;
      const name = document.createElement('span');
      name.className = 'flow-name';
      name.textContent = z.name || z.zone;
      const inflow = document.createElement('span');
      inflow.className = 'flow-in';
      inflow.textContent = `in ${figure(z.inflow)}`;
      inflow.title = 'distinct authors who came in during the window';
      const outflow = document.createElement('span');
      outflow.className = 'flow-out';
      outflow.textContent = `out ${figure(z.outflow)}`;
      outflow.title = 'distinct authors who left during the window';
      li.append(name, inflow, outflow);
      list.appendChild(li);
    }
    legend.textContent = count
      ? `Arrow width ∝ distinct authors who moved; widest ${numberFmt.format(most)}.`
      : '';
    legend.hidden = !count;
    note.hidden = hasDocument;
  }

  // ------------------------------------------------------------------ windows

  async function onWindow(w) {
    const map = api.map();
    if (!map) return;
    ensureLayers(map);
    if (w.id === state.shown) return; // a window's files never change
    const seq = ++state.seq;
    const hasDocument = typeof w.flows === 'string' && w.flows.length > 0;
    let features = [];
    let zones = [];
    if (hasDocument) {
      try {
        const doc = await api.fetchJson(api.resolve(w.flows));
        features = Array.isArray(doc && doc.features)
          ? doc.features.filter((f) => f && f.geometry && f.geometry.type === 'LineString' && f.properties)
          : [];
        zones = Array.isArray(doc && doc.zones) ? doc.zones : [];
      } catch (e) {
        // A missing or unreadable document shows as no flows; the map itself is unaffected.
        console.warn('flows:', e.message);
      }
    }
    if (seq !== state.seq) return; // another window was shown meanwhile
    state.shown = w.id;
    state.features = features;
    state.zones = zones;
    const {lines, heads, most} = drawable(features);
    map.getSource(SOURCE).setData({type: 'FeatureCollection', features: lines});
    map.getSource(HEAD_SOURCE).setData({type: 'FeatureCollection', features: heads});
    render(zones, most, hasDocument, lines.length);
  }

  if (toggle) toggle.addEventListener('change', () => setVisible(toggle.checked));
  api.onWindow(onWindow);

  /**
   * For tests: the shown window's flows as the map renders them (origin, destination, authors of
   * each rendered line; how many arrow heads), the zones' inflow and outflow and the panel's items.
   */
  api.flows = () => {
    const map = api.map();
    const rendered = (layer) => (map && map.getLayer(layer) ? map.queryRenderedFeatures({layers: [layer]}) : []);
    const seen = new Map();
    for (const f of rendered(LINE)) {
      const p = f.properties || {};
      seen.set(`${p.origin}>${p.destination}`, {origin: p.origin, destination: p.destination, authors: Number(p.authors)});
    }
    return {
      window: state.shown,
      visible: state.visible,
      flows: state.features.length,
      lines: [...seen.values()],
      heads: rendered(HEAD).length,
      zones: state.zones.map((z) => ({zone: z.zone, inflow: z.inflow, outflow: z.outflow})),
      items: [...list.querySelectorAll('li')].map((li) => li.innerText.replace(/\s+/g, ' ').trim()),
      legend: legend.textContent,
    };
  };
  /** For tests: shows or hides the arrows as the checkbox does. */
  api.showFlows = (visible) => {
    if (toggle) toggle.checked = Boolean(visible);
    setVisible(Boolean(visible));
  };
})();
