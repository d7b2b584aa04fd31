/*
 * crowdhex viewer: shows the crowd per H3 hexagon, window by window, from the tiles that the
 * crowdhex tile writer publishes (a manifest of windows, PNG heat tiles and MVT hex tiles).
 *
 * Plain ES2020, no framework, loaded after vendor/maplibre-gl.js. Works with no network at all:
 * the style is built here (no glyphs, no sprites, no remote style); the OpenStreetMap basemap is
 * added only when one probe tile loads.
 */
'use strict';

(() => {
  const POLL_MS = 5000;
  const PROBE_MS = 2500;
  const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  const OSM_PROBE = 'https://tile.openstreetmap.org/0/0/0.png';
  const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
  const DEFAULT_STOPS = [
    {value: 0, color: '#00000000'},
    {value: 10, color: '#1b0c41'},
    {value: 100, color: '#bc3754'},
    {value: 3000, color: '#fcffa4'},
  ];
  // Layers that a click can hit, top first.
  const HEX_FILL = 'hex-fill';
  const VENUE_FILL = 'venue-fill';

  // ---------------------------------------------------------------- parameters

  const params = new URLSearchParams(window.location.search);
  const manifestUrl = new URL(params.get('manifest') || 'tiles/manifest.json', window.location.href).href;
  const dataOrigin = new URL(manifestUrl).origin;
  const token = params.get('token') || '';
  const forceOffline = (params.get('basemap') || '').toLowerCase() === 'none';
  const wantedWindow = params.get('window');

  // ---------------------------------------------------------------- state

  const state = {
    manifest: null,
    windows: [], // highest revision per start, in time order
    index: -1,
    layer: params.get('layer') === 'hex' ? 'hex' : 'heat',
    playing: false,
    playRun: 0,
    speed: 1,
    map: null,
    basemap: false,
    shown: {mvt: null},
    scaleKey: '',
    pollOk: true,
    ready: false,
  };

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // a failure is shown on the page; callers that await still see it

  // ---------------------------------------------------------------- DOM

  const $ = (id) => document.getElementById(id);
  const el = {
    name: $('event-name'),
    time: $('window-time'),
    date: $('window-date'),
    live: $('live-badge'),
    cells: $('stat-cells'),
    max: $('stat-max'),
    revWrap: $('stat-rev-wrap'),
    rev: $('stat-rev'),
    slider: $('slider'),
    first: $('slider-first'),
    pos: $('slider-pos'),
    last: $('slider-last'),
    play: $('play'),
    back: $('step-back'),
    fwd: $('step-fwd'),
    speed: $('speed'),
    legendBar: $('legend-bar'),
    legendTicks: $('legend-ticks'),
    units: $('legend-units'),
    status: $('status'),
    collapse: $('collapse'),
    panel: $('panel'),
  };

  function setStatus(text, kind) {
    el.status.textContent = text || '';
    el.status.dataset.kind = kind || '';
  }

  // ---------------------------------------------------------------- helpers

  class HttpError extends Error {
    constructor(status, url) {
      super(`HTTP ${status} for ${url}`);
      this.status = status;
    }
  }

  function isDataUrl(url) {
    try {
      return new URL(url, window.location.href).origin === dataOrigin;
    } catch (e) {
      return false;
    }
  }

  function authHeaders(url) {
    return token && isDataUrl(url) ? {Authorization: `Bearer ${token}`} : {};
  }

  async function fetchJson(url) {
    const res = await fetch(url, {cache: 'no-cache', headers: authHeaders(url)});
    if (!res.ok) throw new HttpError(res.status, url);
    return res.json();
  }

  // Resolves a tile URL template against the manifest's URL, keeping {z}/{x}/{y} intact
  // (new URL() would percent-encode the braces).
  function resolveTemplate(template, base) {
    const brace = template.indexOf('{');
    if (brace < 0) return new URL(template, base).href;
    const prefix = template.slice(0, brace);
    return new URL(prefix || './', base).href + template.slice(brace);
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  // Keeps, per window start, the highest revision; returns them in time order.
  function pickWindows(list) {
    const byStart = new Map();
    for (const w of Array.isArray(list) ? list : []) {
      if (!w || typeof w.id !== 'string' || !w.start) continue;
      const start = Date.parse(w.start);
      if (Number.isNaN(start)) continue;
      const prev = byStart.get(start);
      if (!prev || (Number(w.revision) || 0) >= (Number(prev.revision) || 0)) byStart.set(start, w);
    }
    return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }

  function baseId(id) {
    return String(id).replace(/-r\d+$/, '');
  }

  function findWindowIndex(id) {
    if (id == null) return -1;
    let i = state.windows.findIndex((w) => w.id === id);
    if (i < 0) i = state.windows.findIndex((w) => baseId(w.id) === baseId(id));
    return i;
  }

  const numberFmt = new Intl.NumberFormat(undefined, {maximumFractionDigits: 0});
  const scoreFmt = new Intl.NumberFormat(undefined, {maximumFractionDigits: 2});
  function fmtNumber(v) {
    const n = Number(v);
    return Number.isFinite(n) ? numberFmt.format(n) : '–';
  }
  function fmtCompact(v) {
    if (v >= 10000) return `${numberFmt.format(v / 1000)}k`;
    return numberFmt.format(v);
  }

  // ---------------------------------------------------------------- time labels

  let timeFmts = null;
  function makeTimeFormats(timeZone) {
    const build = (tz) => ({
      tz,
      time: new Intl.DateTimeFormat(undefined, {timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}),
      day: new Intl.DateTimeFormat(undefined, {timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit'}),
      date: new Intl.DateTimeFormat(undefined, {timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric'}),
      zone: new Intl.DateTimeFormat(undefined, {timeZone: tz, timeZoneName: 'short'}),
    });
    try {
      return build(timeZone || 'UTC');
    } catch (e) {
      setStatus(`Unknown time zone "${timeZone}"; times are shown in UTC.`, 'warn');
      return build('UTC');
    }
  }

  function zoneName(date) {
    const part = timeFmts.zone.formatToParts(date).find((p) => p.type === 'timeZoneName');
    return part ? part.value : timeFmts.tz;
  }

  function windowLabel(w) {
    const start = new Date(w.start);
    const end = new Date(w.end || w.start);
    const sameDay = timeFmts.day.format(start) === timeFmts.day.format(end);
    return {
      time: `${timeFmts.time.format(start)}–${timeFmts.time.format(end)}${sameDay ? '' : ' (+1 day)'}`,
      date: `${timeFmts.date.format(start)} · ${zoneName(start)}`,
      short: timeFmts.time.format(start),
    };
  }

  // ---------------------------------------------------------------- colour scale

  function scaleOf(manifest) {
    const scale = (manifest && manifest.scale) || {};
    const stops = (Array.isArray(scale.stops) ? scale.stops : [])
      .filter((s) => s && Number.isFinite(Number(s.value)) && typeof s.color === 'string')
      .map((s) => ({value: Number(s.value), color: s.color}))
      .sort((a, b) => a.value - b.value);
    return {kind: scale.kind === 'linear' ? 'linear' : 'log', stops: stops.length ? stops : DEFAULT_STOPS};
  }

  // Position of a value on the ramp: log10 for a log scale, with zero and below placed one
  // decade under the smallest positive stop.
  function scalePositioner(scale) {
    if (scale.kind !== 'log') return {floor: null, pos: (v) => v};
    const positive = scale.stops.map((s) => s.value).filter((v) => v > 0);
    const floor = positive.length ? Math.min(...positive) / 10 : 0.1;
    return {floor, pos: (v) => Math.log10(Math.max(v, floor))};
  }

  // Stops as [position, colour] with strictly increasing positions (later stops win ties).
  function rampStops(scale) {
    const {pos} = scalePositioner(scale);
    const out = [];
    for (const s of scale.stops) {
      const p = pos(s.value);
      if (out.length && p <= out[out.length - 1].p) out.pop();
      out.push({p, color: s.color, value: s.value});
    }
    return out;
  }

  function colorExpression(scale) {
    const ramp = rampStops(scale);
    if (ramp.length === 1) return ramp[0].color;
    const density = ['to-number', ['get', 'density'], 0];
    const {floor} = scalePositioner(scale);
    const input = floor === null ? density : ['log10', ['max', density, floor]];
    const expr = ['interpolate', ['linear'], input];
    for (const s of ramp) expr.push(s.p, s.color);
    return expr;
  }

  function renderLegend(manifest) {
    const scale = scaleOf(manifest);
    const ramp = rampStops(scale);
    const lo = ramp[0].p;
    const span = ramp[ramp.length - 1].p - lo || 1;
    const pct = (p) => ((p - lo) / span) * 100;
    el.legendBar.style.background = ramp.length === 1
      ? ramp[0].color
      : `linear-gradient(to right, ${ramp.map((s) => `${s.color} ${pct(s.p).toFixed(2)}%`).join(', ')})`;
    el.legendTicks.textContent = '';
    let lastPct = -100;
    ramp.forEach((s, i) => {
      const at = pct(s.p);
      const isLast = i === ramp.length - 1;
      if (!isLast && at - lastPct < 14) return; // keep labels from overlapping
      const tick = document.createElement('span');
      tick.className = 'tick';
      tick.style.left = `${at}%`;
      tick.textContent = fmtCompact(s.value);
      if (i === 0) tick.classList.add('first');
      if (isLast) tick.classList.add('last');
      el.legendTicks.appendChild(tick);
      lastPct = at;
    });
    const scaleNote = scale.kind === 'log' ? 'log scale' : 'linear scale';
    el.units.textContent = `${manifest.units || 'distinct authors per km²'} (${scaleNote})`;
  }

  // ---------------------------------------------------------------- basemap probe

  function probeOsm() {
    if (forceOffline || navigator.onLine === false) return Promise.resolve(false);
    return new Promise((resolve) => {
      const img = new Image();
      let done = false;
      const finish = (ok) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        img.onload = null;
        img.onerror = null;
        if (!ok) img.removeAttribute('src');
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), PROBE_MS);
      img.onload = () => finish(img.naturalWidth > 0);
      img.onerror = () => finish(false);
      img.src = OSM_PROBE;
    });
  }

  // ---------------------------------------------------------------- map

  function baseStyle(withBasemap) {
    const style = {
      version: 8,
      sources: {
        venues: {type: 'geojson', data: {type: 'FeatureCollection', features: []}},
      },
      layers: [{id: 'background', type: 'background', paint: {'background-color': '#e6e6e3'}}],
    };
    if (withBasemap) {
      style.sources.osm = {type: 'raster', tiles: [OSM_TILES], tileSize: 256, maxzoom: 19, attribution: OSM_ATTRIBUTION};
      style.layers.push({id: 'osm', type: 'raster', source: 'osm', paint: {'raster-saturation': -0.6, 'raster-opacity': 0.9}});
    }
    style.layers.push(
      {id: VENUE_FILL, type: 'fill', source: 'venues', paint: {'fill-color': '#1d2733', 'fill-opacity': 0.04}},
      {id: 'venue-line', type: 'line', source: 'venues', paint: {'line-color': '#1d2733', 'line-width': 1.5, 'line-opacity': 0.9}},
      // Wide, invisible: makes the thin outline easy to hover.
      {id: 'venue-hit', type: 'line', source: 'venues', paint: {'line-color': '#000000', 'line-width': 12, 'line-opacity': 0}},
    );
    return style;
  }

  function tileSourceOptions(manifest) {
    const opts = {
      minzoom: Number.isFinite(manifest.minzoom) ? manifest.minzoom : 0,
      maxzoom: Number.isFinite(manifest.maxzoom) ? manifest.maxzoom : 22,
    };
    if (Array.isArray(manifest.bounds) && manifest.bounds.length === 4) opts.bounds = manifest.bounds;
    return opts;
  }

  function tileUrls(w) {
    return {
      png: w.png ? resolveTemplate(w.png, manifestUrl) : null,
      mvt: w.mvt ? resolveTemplate(w.mvt, manifestUrl) : null,
    };
  }

  // Heat: one raster source per shown window, double-buffered. The next window's layer loads
  // invisibly on top of the current one and replaces it in one step once all its tiles have
  // settled, so switching never flickers nor shows two windows half and half. (Swapping the
  // tiles of one raster source with setTiles() is not used: in MapLibre GL JS 5.x it makes tiles
  // that answered 404 renderable without a texture, and the renderer then throws.)
  const HEAT_OPACITY = 0.8;
  const heat = {current: null, pending: null, seq: 0, commits: 0, timer: null};

  function heatVisibility() {
    return state.layer === 'hex' ? 'none' : 'visible';
  }

  function addHeat(url, opacity) {
    const map = state.map;
    const entry = {url, id: `heat-${++heat.seq}`};
    map.addSource(entry.id, {type: 'raster', tiles: [url], tileSize: 256, ...tileSourceOptions(state.manifest)});
    map.addLayer({
      id: entry.id, type: 'raster', source: entry.id,
      layout: {visibility: heatVisibility()},
      paint: {'raster-opacity': opacity, 'raster-opacity-transition': {duration: 0, delay: 0}, 'raster-fade-duration': 0},
    }, map.getLayer(HEX_FILL) ? HEX_FILL : VENUE_FILL);
    return entry;
  }

  function dropHeat(entry) {
    const map = state.map;
    if (!entry) return;
    if (map.getLayer(entry.id)) map.removeLayer(entry.id);
    if (map.getSource(entry.id)) map.removeSource(entry.id);
  }

  // Makes the pending heat layer the shown one once its source has loaded; true if it did.
  function commitHeat() {
    const map = state.map;
    const next = heat.pending;
    if (!next && heat.timer) {
      clearInterval(heat.timer);
      heat.timer = null;
    }
    if (!next || !map.getSource(next.id) || !map.isSourceLoaded(next.id)) return false;
    map.setPaintProperty(next.id, 'raster-opacity', HEAT_OPACITY);
    dropHeat(heat.current);
    heat.current = next;
    heat.pending = null;
    heat.commits += 1;
    clearInterval(heat.timer);
    heat.timer = null;
    return true;
  }

  function showHeat(url) {
    if (heat.pending && heat.pending.url === url) return;
    if (heat.pending) {
      dropHeat(heat.pending); // superseded before it finished loading
      heat.pending = null;
    }
    if (heat.current && heat.current.url === url) return;
    if (!heat.current) {
      heat.current = addHeat(url, HEAT_OPACITY);
      return;
    }
    heat.pending = addHeat(url, 0);
    // A tile that answers 404 fires no event, so also look now and then.
    if (!heat.timer) heat.timer = setInterval(commitHeat, 100);
  }

  function layerPaint() {
    const map = state.map;
    if (!map) return;
    const hex = state.layer === 'hex';
    for (const entry of [heat.current, heat.pending]) {
      if (entry && map.getLayer(entry.id)) map.setLayoutProperty(entry.id, 'visibility', heatVisibility());
    }
    if (!map.getLayer(HEX_FILL)) return;
    // In heat mode the hexagons stay loaded but transparent, so a click still finds the cell.
    map.setPaintProperty(HEX_FILL, 'fill-opacity', hex ? 0.6 : 0);
    map.setPaintProperty('hex-line', 'line-opacity', hex ? 0.45 : 0);
  }

  // Adds the data sources for the first window, or points them at another window's tiles.
  function pointSourcesAt(w) {
    const map = state.map;
    const urls = tileUrls(w);
    if (urls.png) showHeat(urls.png);
    if (urls.mvt) {
      if (!map.getSource('hex')) {
        map.addSource('hex', {type: 'vector', tiles: [urls.mvt], ...tileSourceOptions(state.manifest)});
        map.addLayer({
          id: HEX_FILL, type: 'fill', source: 'hex', 'source-layer': 'cells',
          paint: {'fill-color': colorExpression(scaleOf(state.manifest)), 'fill-opacity': 0},
        }, VENUE_FILL);
        map.addLayer({
          id: 'hex-line', type: 'line', source: 'hex', 'source-layer': 'cells',
          paint: {'line-color': '#3a3a3a', 'line-width': 0.6, 'line-opacity': 0},
        }, VENUE_FILL);
        layerPaint();
      } else if (urls.mvt !== state.shown.mvt) {
        // Vector tiles: 404s load as empty tiles, so swapping the URLs in place is safe.
        map.getSource('hex').setTiles([urls.mvt]);
      }
      state.shown.mvt = urls.mvt;
    }
  }

  // Resolves on the map's next `event`, or once `quiet()` has held for a second without it. Now and
  // then a headless browser on a busy machine never delivers the event although the map has loaded
  // and paints its frames; a viewer waiting for it would never start following the live windows.
  function whenMap(map, event, quiet) {
    return new Promise((resolve) => {
      let held = 0;
      const timer = setInterval(() => {
        held = quiet() ? held + 1 : 0;
        if (held >= 4) finish();
      }, 250);
      function finish() {
        clearInterval(timer);
        map.off(event, finish);
        resolve();
      }
      map.once(event, finish);
    });
  }

  // Resolves on the next 'idle' event: every visible source has its tiles loaded.
  function waitIdle() {
    const map = state.map;
    const idle = whenMap(map, 'idle', () => map.loaded() && !map.isMoving());
    map.triggerRepaint();
    return idle;
  }

  // Resolves when the map is idle with the shown window's tiles loaded and painted.
  async function settle() {
    for (let i = 0; i < 20; i++) {
      const commits = heat.commits;
      await waitIdle();
      commitHeat();
      if (!heat.pending && heat.commits === commits) return;
    }
  }

  function onMapError(e) {
    const err = e && e.error;
    const status = err && err.status;
    if (status === 404) return; // a missing tile is an empty area
    if (e.sourceId === 'osm') return; // the basemap is decoration
    if (status === 401 || status === 403) {
      setStatus(`Not authorised to read the tiles (HTTP ${status}). Check the token.`, 'error');
    } else if (status) {
      setStatus(`Some tiles did not load (HTTP ${status}).`, 'warn');
    }
    console.warn('map:', err && err.message ? err.message : err);
  }

  // ---------------------------------------------------------------- popups

  let clickPopup = null;
  let hoverPopup = null;

  function row(table, label, value) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    const td = document.createElement('td');
    th.scope = 'row';
    th.textContent = label;
    td.textContent = value;
    tr.append(th, td);
    table.appendChild(tr);
  }

  function cellContent(hex, venue) {
    const box = document.createElement('div');
    box.className = 'cell-popup';
    if (hex) {
      const p = hex.properties || {};
      const table = document.createElement('table');
      row(table, 'Cell', String(p.cell ?? '–'));
      row(table, 'Posts', fmtNumber(p.posts));
      row(table, 'Authors', fmtNumber(p.authors));
      row(table, 'Density', `${fmtNumber(p.density)} /km²`);
      if (p.score !== undefined && p.score !== null) {
        const n = Number(p.score);
        row(table, 'Score', Number.isFinite(n) ? scoreFmt.format(n) : String(p.score));
      }
      if (p.alert !== undefined && p.alert !== null && p.alert !== false && p.alert !== '') {
        row(table, 'Alert', p.alert === true ? 'yes' : String(p.alert));
        table.classList.add('has-alert');
      }
      box.appendChild(table);
    }
    if (venue) {
      const v = venue.properties || {};
      const p = document.createElement('p');
      p.className = 'venue-line';
      p.textContent = venueText(v);
      box.appendChild(p);
    }
    return box;
  }

  function venueText(v) {
    const name = v.name || v.id || 'Venue';
    return v.kind ? `${name} (${v.kind})` : String(name);
  }

  function onMapClick(e) {
    const map = state.map;
    const layers = [HEX_FILL, VENUE_FILL].filter((id) => map.getLayer(id));
    const features = map.queryRenderedFeatures(e.point, {layers});
    const hex = features.find((f) => f.layer.id === HEX_FILL);
    const venue = features.find((f) => f.layer.id === VENUE_FILL);
    if (!hex && !venue) {
      if (clickPopup) clickPopup.remove();
      return;
    }
    if (hoverPopup) hoverPopup.remove();
    if (clickPopup) clickPopup.remove();
    clickPopup = new maplibregl.Popup({closeButton: true, maxWidth: '280px'})
      .setLngLat(e.lngLat)
      .setDOMContent(cellContent(hex, venue))
      .addTo(map);
  }

  function installInteraction(map) {
    map.on('click', onMapClick);
    map.on('mousemove', HEX_FILL, () => { map.getCanvas().style.cursor = 'pointer'; });
    map.on('mouseleave', HEX_FILL, () => { map.getCanvas().style.cursor = ''; });
    map.on('mousemove', 'venue-hit', (e) => {
      const f = e.features && e.features[0];
      if (!f) return;
      if (!hoverPopup) {
        hoverPopup = new maplibregl.Popup({closeButton: false, closeOnClick: false, className: 'venue-tip', offset: 8, maxWidth: 'none'});
      }
      hoverPopup.setLngLat(e.lngLat).setText(venueText(f.properties || {}));
      if (!hoverPopup.isOpen()) hoverPopup.addTo(map);
    });
    map.on('mouseleave', 'venue-hit', () => {
      if (hoverPopup) hoverPopup.remove();
    });
  }

  // ---------------------------------------------------------------- venues

  async function loadVenues() {
    const rel = state.manifest.venues;
    if (!rel) return;
    try {
      const data = await fetchJson(new URL(rel, manifestUrl).href);
      state.map.getSource('venues').setData(data);
    } catch (e) {
      setStatus('Venue zones could not be loaded.', 'warn');
      console.warn('venues:', e.message);
    }
  }

  // ---------------------------------------------------------------- panel

  function isFollowing() {
    return state.windows.length > 0 && state.index === state.windows.length - 1 && !state.playing;
  }

  function updatePanel() {
    const m = state.manifest;
    el.name.textContent = m.name || 'crowdhex';
    document.title = m.name ? `${m.name} · crowdhex` : 'crowdhex viewer';
    const n = state.windows.length;
    const w = state.windows[state.index];
    el.slider.max = String(Math.max(0, n - 1));
    el.slider.value = String(Math.max(0, state.index));
    el.slider.disabled = n < 2;
    el.play.disabled = n < 2;
    el.back.disabled = state.index <= 0;
    el.fwd.disabled = state.index >= n - 1;
    if (!w) {
      el.time.textContent = 'No windows yet';
      el.date.textContent = 'Waiting for the first window…';
      el.cells.textContent = '–';
      el.max.textContent = '–';
      el.revWrap.hidden = true;
      el.first.textContent = '';
      el.last.textContent = '';
      el.pos.textContent = '';
      el.slider.removeAttribute('aria-valuetext');
    } else {
      const label = windowLabel(w);
      el.time.textContent = label.time;
      el.date.textContent = label.date;
      el.cells.textContent = fmtNumber(w.cells);
      el.max.textContent = Number.isFinite(Number(w.max_density)) ? `${fmtNumber(w.max_density)} /km²` : '–';
      el.revWrap.hidden = !(Number(w.revision) > 0);
      el.rev.textContent = String(w.revision || 0);
      el.first.textContent = windowLabel(state.windows[0]).short;
      el.last.textContent = windowLabel(state.windows[n - 1]).short;
      el.pos.textContent = `${state.index + 1} / ${n}`;
      el.slider.setAttribute('aria-valuetext', `${label.time}, ${label.date}`);
    }
    el.live.hidden = !isFollowing();
    el.live.classList.toggle('stale', !state.pollOk);
    el.play.textContent = state.playing ? '❚❚ Pause' : '▶ Play';
    el.play.setAttribute('aria-label', state.playing ? 'Pause' : 'Play');
    el.play.setAttribute('aria-pressed', state.playing ? 'true' : 'false');
  }

  function updateUrl() {
    const w = state.windows[state.index];
    const p = new URLSearchParams(window.location.search);
    if (w) p.set('window', w.id);
    p.set('layer', state.layer);
    const next = `${window.location.pathname}?${p.toString()}${window.location.hash}`;
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      try {
        window.history.replaceState(null, '', next);
      } catch (e) {
        // e.g. a file: URL; the address bar is only a convenience
      }
    }
  }

  // ---------------------------------------------------------------- window switching

  // Add-ons (alerts.js) called with every window shown; showIndex waits for their promises.
  const windowListeners = [];

  function showIndex(i) {
    if (!state.windows.length) return Promise.resolve(null);
    state.index = Math.max(0, Math.min(state.windows.length - 1, i));
    const w = state.windows[state.index];
    pointSourcesAt(w);
    updatePanel();
    updateUrl();
    const extras = windowListeners.map((fn) => Promise.resolve()
      .then(() => fn(w))
      .catch((e) => console.warn('window listener:', e && e.message ? e.message : e)));
    return Promise.all(extras).then(() => settle()).then(() => w.id);
  }

  function stopPlaying() {
    if (!state.playing) return;
    state.playing = false;
    state.playRun += 1;
    updatePanel();
  }

  async function startPlaying() {
    if (state.playing || state.windows.length < 2) return;
    state.playing = true;
    const run = ++state.playRun;
    updatePanel();
    if (state.index >= state.windows.length - 1) {
      await showIndex(0);
      await sleep(1000 / state.speed);
    }
    while (state.playing && run === state.playRun) {
      if (state.index >= state.windows.length - 1) {
        stopPlaying();
        break;
      }
      const interval = 1000 / state.speed;
      const loaded = showIndex(state.index + 1);
      await sleep(interval);
      // Let slow tiles catch up, but never stall the replay for long.
      await Promise.race([loaded, sleep(2 * interval)]);
    }
  }

  function setLayer(layer) {
    if (layer !== 'heat' && layer !== 'hex') throw new Error(`unknown layer "${layer}" (heat or hex)`);
    state.layer = layer;
    for (const r of document.querySelectorAll('input[name="layer"]')) r.checked = r.value === layer;
    if (!state.map) return Promise.resolve(layer);
    layerPaint();
    updateUrl();
    return settle().then(() => layer);
  }

  // ---------------------------------------------------------------- live updates

  function applyScale() {
    const key = JSON.stringify(scaleOf(state.manifest));
    if (key === state.scaleKey) return;
    state.scaleKey = key;
    renderLegend(state.manifest);
    if (state.map && state.map.getLayer(HEX_FILL)) {
      state.map.setPaintProperty(HEX_FILL, 'fill-color', colorExpression(scaleOf(state.manifest)));
    }
  }

  function applyManifest(manifest) {
    const following = isFollowing() || state.index < 0;
    const current = state.windows[state.index];
    const currentStart = current ? Date.parse(current.start) : null;
    state.manifest = manifest;
    state.windows = pickWindows(manifest.windows);
    applyScale();
    if (!state.windows.length) {
      state.index = -1;
      updatePanel();
      return;
    }
    let idx;
    if (following) {
      idx = state.windows.length - 1;
    } else {
      idx = state.windows.findIndex((w) => Date.parse(w.start) === currentStart);
      if (idx < 0) {
        // The shown window is gone: stay at the window just before where it was.
        const after = state.windows.findIndex((w) => Date.parse(w.start) > currentStart);
        idx = after < 0 ? state.windows.length - 1 : Math.max(0, after - 1);
      }
    }
    // showIndex swaps tiles only when the window (or its revision) changed.
    showIndex(idx);
  }

  async function poll() {
    if (!document.hidden) {
      try {
        const manifest = await fetchJson(manifestUrl);
        if (!state.pollOk) setStatus('');
        state.pollOk = true;
        applyManifest(manifest);
      } catch (e) {
        state.pollOk = false;
        setStatus(`Live updates paused: ${e.status ? `HTTP ${e.status}` : 'no connection'}; retrying.`, 'warn');
        updatePanel();
      }
    }
    setTimeout(poll, POLL_MS);
  }

  // ---------------------------------------------------------------- controls

  function installControls() {
    el.slider.addEventListener('input', () => {
      stopPlaying();
      showIndex(Number(el.slider.value));
    });
    el.back.addEventListener('click', () => {
      stopPlaying();
      showIndex(state.index - 1);
    });
    el.fwd.addEventListener('click', () => {
      stopPlaying();
      showIndex(state.index + 1);
    });
    el.play.addEventListener('click', () => {
      if (state.playing) stopPlaying();
      else startPlaying();
    });
    el.speed.addEventListener('change', () => {
      state.speed = Number(el.speed.value) || 1;
    });
    for (const r of document.querySelectorAll('input[name="layer"]')) {
      r.checked = r.value === state.layer;
      r.addEventListener('change', () => {
        if (r.checked) setLayer(r.value);
      });
    }
    el.collapse.addEventListener('click', () => {
      const collapsed = el.panel.classList.toggle('collapsed');
      el.collapse.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
      el.collapse.textContent = collapsed ? '+' : '–';
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && state.ready) updatePanel();
    });
  }

  // ---------------------------------------------------------------- start

  async function loadManifestUntilOk() {
    for (;;) {
      try {
        return await fetchJson(manifestUrl);
      } catch (e) {
        document.body.dataset.state = 'error';
        const why = e.status ? `HTTP ${e.status}` : (e instanceof SyntaxError ? 'not valid JSON' : 'no connection');
        el.time.textContent = 'No data';
        setStatus(`Could not load the manifest (${why}). Retrying every ${POLL_MS / 1000} s.`, 'error');
        await sleep(POLL_MS);
      }
    }
  }

  function createMap(manifest, withBasemap) {
    const center = Array.isArray(manifest.center) ? manifest.center : null;
    const options = {
      container: 'map',
      style: baseStyle(withBasemap),
      attributionControl: {compact: true},
      transformRequest: (url) => (token && isDataUrl(url) ? {url, headers: authHeaders(url)} : undefined),
      maxZoom: Math.min(22, (Number.isFinite(manifest.maxzoom) ? manifest.maxzoom : 19) + 3),
      dragRotate: false,
      pitchWithRotate: false,
    };
    const bounds = Array.isArray(manifest.bounds) && manifest.bounds.length === 4 ? manifest.bounds : null;
    // Open on all the venues at once; the centre is the fallback for a store without bounds.
    if (bounds) {
      options.bounds = bounds;
      options.fitBoundsOptions = {padding: 40};
    } else if (center && center.length >= 2) {
      options.center = [center[0], center[1]];
      options.zoom = Number.isFinite(center[2]) ? center[2] : (manifest.minzoom || 12) + 2;
    } else {
      options.center = [0, 0];
      options.zoom = 1;
    }
    const map = new maplibregl.Map(options);
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({showCompass: false}), 'top-right');
    map.addControl(new maplibregl.ScaleControl({unit: 'metric'}), 'bottom-right');
    // Keep the view centred in the part of the map that the panel leaves free.
    if (window.innerWidth > 720) {
      map.setPadding({left: el.panel.offsetWidth + 10, top: 0, right: 0, bottom: 0});
      if (bounds) map.fitBounds(bounds, {padding: 40, animate: false});
    }
    map.on('error', onMapError);
    map.on('sourcedata', (e) => {
      if (heat.pending && e.sourceId === heat.pending.id) setTimeout(commitHeat, 0);
    });
    return map;
  }

  async function start() {
    installControls();
    if (typeof maplibregl === 'undefined') throw new Error('vendor/maplibre-gl.js did not load');
    const [manifest, online] = await Promise.all([loadManifestUntilOk(), probeOsm()]);
    document.body.dataset.state = 'loading';
    setStatus('');
    state.manifest = manifest;
    state.basemap = online;
    state.windows = pickWindows(manifest.windows);
    timeFmts = makeTimeFormats(manifest.time_zone);
    applyScale();

    const map = createMap(manifest, online);
    state.map = map;
    await whenMap(map, 'load', () => map.isStyleLoaded());
    installInteraction(map);
    await loadVenues();

    let idx = state.windows.length - 1;
    if (wantedWindow) {
      const found = findWindowIndex(wantedWindow);
      if (found >= 0) idx = found;
      else if (state.windows.length) setStatus(`Window ${wantedWindow} is not in the manifest; showing the newest.`, 'warn');
    }
    if (idx >= 0) await showIndex(idx);
    else updatePanel();
    layerPaint();
    state.ready = true;
    document.body.dataset.state = 'ready';
    resolveReady();
    setTimeout(poll, POLL_MS);
  }

  window.crowdhex = {
    ready,
    windows: () => state.windows.map((w) => w.id),
    currentWindow: () => (state.windows[state.index] ? state.windows[state.index].id : null),
    layer: () => state.layer,
    /** Screen position (CSS pixels) of a longitude/latitude on the map, for tests. */
    project(lon, lat) {
      const p = state.map.project([lon, lat]);
      return {x: p.x, y: p.y};
    },
    async showWindow(id) {
      await ready;
      const i = findWindowIndex(id);
      if (i < 0) throw new Error(`unknown window "${id}"`);
      stopPlaying();
      return showIndex(i);
    },
    async setLayer(layer) {
      await ready;
      return setLayer(layer);
    },
    // For add-ons such as alerts.js.
    /** Calls fn(window entry of the manifest) with every window shown; fn may return a Promise. */
    onWindow(fn) {
      windowListeners.push(fn);
    },
    map: () => state.map,
    manifest: () => state.manifest,
    /** A URL of the manifest (relative to it) made absolute. */
    resolve: (rel) => new URL(rel, manifestUrl).href,
    /** GET and parse JSON, with the page's token when the URL is on the data origin. */
    fetchJson,
  };

  start().catch((e) => {
    document.body.dataset.state = 'error';
    setStatus(`The map could not start: ${e.message}`, 'error');
    console.error(e);
    rejectReady(e);
  });
})();
