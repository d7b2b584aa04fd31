#!/usr/bin/env node
// Opens the crowdhex viewer in headless Chromium, waits until it is ready (and optionally shows
// one window and one layer), writes a 1024x768 screenshot and prints one JSON line:
//   {"ok":true,"windows":[...],"current":"...","layer":"heat","consoleErrors":[],...}
//
// usage: node viewer/test/screenshot.mjs --url URL --out PNG [--window ID] [--layer heat|hex]
//            [--points "lon,lat;..."] [--click-alert] [--timeout-ms N] [--chromium PATH]
//            [--block-offsite]
//
// The report's "alerts" is what the page lists and draws of the shown window's open alerts (see
// window.crowdhex.alerts in alerts.js); --click-alert clicks the first listed alert first, so the
// map flies to it. Its "flows" is what the page draws and lists of the shown window's flows (see
// window.crowdhex.flows in flows.js).
//
// Exit codes: 0 done; 1 the page failed (uncaught error, data-state=error, unknown window);
// 2 timeout; 64 bad command line. Chromium is the system one (default /usr/bin/chromium, or
// --chromium PATH, or the CHROMIUM_PATH environment variable); no browser is downloaded.
// Missing tiles answer 404 by design, so "Failed to load resource ... 404" messages are left out
// of consoleErrors; the 404'd URLs are listed in notFound instead.

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

const USAGE = 'usage: node viewer/test/screenshot.mjs --url URL --out PNG [--window ID] '
  + '[--layer heat|hex] [--points "lon,lat;lon,lat"] [--click-alert] [--timeout-ms N] [--chromium PATH] '
  + '[--block-offsite]';

function parseArgs(argv) {
  const opts = {timeoutMs: 60000, chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium', blockOffsite: false};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--url': opts.url = value(); break;
      case '--out': opts.out = value(); break;
      case '--window': opts.window = value(); break;
      case '--layer': opts.layer = value(); break;
      case '--points': opts.points = value().split(';').map((p) => p.split(',').map(Number)); break;
      case '--timeout-ms': opts.timeoutMs = Number(value()); break;
      case '--chromium': opts.chromium = value(); break;
      case '--block-offsite': opts.blockOffsite = true; break;
      case '--click-alert': opts.clickAlert = true; break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!opts.url || !opts.out) throw new Error('--url and --out are required');
  if (opts.layer && opts.layer !== 'heat' && opts.layer !== 'hex') throw new Error('--layer is heat or hex');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new Error('--timeout-ms must be a positive number');
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(64);
}

const report = {ok: false, url: opts.url, windows: [], current: null, layer: null, consoleErrors: [], pageErrors: [], notFound: [], offsite: []};
const pageOrigin = new URL(opts.url).origin;
const userDataDir = mkdtempSync(join(tmpdir(), 'crowdhex-shot-'));
let context;
let exitCode = 1;

class Timeout extends Error {}

const pending = new Set();

/** What a page that did not settle was doing: its state, status line, map and open requests. */
async function stuck(page) {
  const seen = await page.evaluate(async () => {
    const map = window.crowdhex && window.crowdhex.map ? window.crowdhex.map() : null;
    const frame = await Promise.race([
      new Promise((r) => requestAnimationFrame(() => r(true))),
      new Promise((r) => setTimeout(() => r(false), 1000)),
    ]);
    let contextLost = null;
    try {
      contextLost = map ? map.painter.context.gl.isContextLost() : null;
    } catch (e) { /* not this MapLibre's inside */ }
    return {
      state: document.body && document.body.dataset.state,
      status: document.getElementById('status')?.textContent || '',
      hidden: document.hidden,
      animationFrames: frame,
      styleLoaded: map ? map.isStyleLoaded() : null,
      tilesLoaded: map ? map.areTilesLoaded() : null,
      loaded: map ? map.loaded() : null,
      contextLost,
    };
  }).catch((e) => ({evaluate: String(e.message || e).split('\n')[0]}));
  return `page ${JSON.stringify(seen)}, waiting for ${pending.size} request(s)`
    + (pending.size ? `: ${[...pending].slice(0, 5).join(', ')}` : '');
}

async function run() {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: opts.chromium,
    headless: true,
    viewport: {width: 1024, height: 768},
    deviceScaleFactor: 1,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(opts.timeoutMs);

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/^Failed to load resource: the server responded with a status of 404/.test(text)) return;
    report.consoleErrors.push(text);
  });
  page.on('pageerror', (err) => report.pageErrors.push(String(err && err.message ? err.message : err)));
  page.on('response', (res) => {
    if (res.status() === 404) report.notFound.push(res.url());
  });
  // Requests started and not yet answered: what a page that never settles is waiting for.
  page.on('request', (req) => pending.add(req.url()));
  page.on('requestfinished', (req) => pending.delete(req.url()));
  page.on('requestfailed', (req) => pending.delete(req.url()));
  page.on('request', (req) => {
    const url = req.url();
    if (/^https?:/.test(url) && new URL(url).origin !== pageOrigin) report.offsite.push(url);
  });
  if (opts.blockOffsite) {
    await context.route((url) => /^https?:/.test(url.href) && url.origin !== pageOrigin, (route) => route.abort('internetdisconnected'));
  }

  const deadline = Date.now() + opts.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());

  await page.goto(opts.url, {waitUntil: 'load', timeout: left()});
  const state = await page.waitForFunction(
    () => ['ready', 'error'].includes(document.body && document.body.dataset.state) && document.body.dataset.state,
    null, {timeout: left(), polling: 100},
  ).then((h) => h.jsonValue(), async (e) => {
    throw new Timeout(`page not ready: ${e.message.split('\n')[0]}; ${await stuck(page)}`);
  });
  if (state === 'error') {
    report.error = await page.evaluate(() => document.getElementById('status')?.textContent || 'data-state=error');
    await page.screenshot({path: opts.out});
    return 1;
  }

  const withTimeout = (promise, what) => Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(
      () => stuck(page).then((why) => reject(new Timeout(`${what} timed out; ${why}`))), left())),
  ]);
  if (opts.layer) {
    await withTimeout(page.evaluate((l) => window.crowdhex.setLayer(l), opts.layer), 'setLayer');
  }
  if (opts.window) {
    await withTimeout(page.evaluate((id) => window.crowdhex.showWindow(id), opts.window), 'showWindow');
  } else {
    // Wait for the map to be idle on the window it shows.
    await withTimeout(page.evaluate(() => {
      const id = window.crowdhex.currentWindow();
      return id ? window.crowdhex.showWindow(id) : null;
    }), 'waiting for idle');
  }
  if (opts.clickAlert) {
    const item = await page.$('#alert-list .alert-item');
    if (!item) throw new Error('--click-alert: the window lists no alert');
    await withTimeout(page.evaluate(() => new Promise((resolve) => {
      window.crowdhex.map().once('moveend', () => window.crowdhex.map().once('idle', resolve));
      document.querySelector('#alert-list .alert-item').click();
    })), 'flying to the alert');
  }
  // One more frame so that the last tiles are painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  Object.assign(report, await page.evaluate(() => ({
    windows: window.crowdhex.windows(),
    current: window.crowdhex.currentWindow(),
    layer: window.crowdhex.layer(),
    alerts: window.crowdhex.alerts ? window.crowdhex.alerts() : null,
    flows: window.crowdhex.flows ? window.crowdhex.flows() : null,
  })));
  if (opts.points) {
    // Where given places fall in the screenshot, so a test can look at the pixels there.
    report.points = await page.evaluate(
      (pts) => pts.map(([lon, lat]) => window.crowdhex.project(lon, lat)), opts.points);
  }
  await page.screenshot({path: opts.out});
  return report.pageErrors.length ? 1 : 0;
}

try {
  exitCode = await run();
} catch (e) {
  report.error = e.message.split('\n')[0];
  exitCode = e instanceof Timeout || e.name === 'TimeoutError' ? 2 : 1;
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(userDataDir, {recursive: true, force: true});
}
report.ok = exitCode === 0;
console.log(JSON.stringify(report));
process.exit(exitCode);
