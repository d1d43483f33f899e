// Shared setup for the end-to-end tests: serve dist/ on a free port and launch Debian's Chromium.
// GROWSIM_DIST and GROWSIM_DIST_SINGLE point the tests at other build directories (default dist/, dist-single/).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = path.resolve(process.env.GROWSIM_DIST ?? 'dist');
export const SINGLE_FILE = path.join(path.resolve(process.env.GROWSIM_DIST_SINGLE ?? 'dist-single'), 'growsim.html');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * Serves `dir` (dist/) on 127.0.0.1 and resolves to { url, close, requests }: `requests` lists every
 * path asked for, in order; `close` also drops open keep-alive connections, so the server is really gone.
 */
export function serveDist(dir = DIST) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, requests,
      close: () => { server.close(); server.closeAllConnections(); } })));
}

/** Launches headless Chromium with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/** A page in a fresh context that records console errors and uncaught exceptions in `errors`. */
export async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, context, errors };
}

/** Opens a page that fails the test on any console error or uncaught exception. */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
  const opened = await newPage(browser, viewport);
  await opened.page.goto(url);
  return opened;
}

/** The single-file build as a file:// URL; fails with how to make it if it is missing or older than dist/. */
export function singleFileUrl() {
  const how = 'run scripts/single-file after the release build';
  if (!fs.existsSync(SINGLE_FILE)) throw new Error(`${SINGLE_FILE} not found: ${how}`);
  if (fs.statSync(SINGLE_FILE).mtimeMs < fs.statSync(path.join(DIST, 'index.html')).mtimeMs) {
    throw new Error(`${SINGLE_FILE} is older than ${DIST}/index.html: ${how}`);
  }
  return pathToFileURL(SINGLE_FILE).href;
}

export const SCREENSHOTS = path.resolve('target/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export function scenarioFiles() {
  return fs.readdirSync('scenarios').filter((f) => f.endsWith('.toml'));
}

/** The steps of a golden plan (`tests/golden/<name>.plan`): `{ choose: index }` or `{ ask: text }`. */
export function planSteps(name) {
  return fs.readFileSync(path.join('tests/golden', `${name}.plan`), 'utf8').split('\n')
    .map((line) => line.split(' #')[0].trim())
    .flatMap((line) => {
      const [verb, ...rest] = line.split(' ');
      if (verb === 'choose') return [{ choose: Number(rest[0]) - 1 }];
      if (verb === 'ask') return [{ ask: rest.join(' ') }];
      return [];
    });
}

/** The seed a golden plan starts with. */
export function planSeed(name) {
  const m = fs.readFileSync(path.join('tests/golden', `${name}.plan`), 'utf8').match(/^seed (\d+)/m);
  return m ? Number(m[1]) : 1;
}

/** Number of questions asked so far in the session on screen. */
export const turnCount = (page) => page.locator('.msg.you').count();

/** Plays one step (menu click or typed question) and waits for the coachee's reply. */
export async function playStep(page, step) {
  const before = await turnCount(page);
  if ('choose' in step) {
    await page.locator(`button.choice[data-choice="${step.choose}"]`).click();
  } else {
    // Above the guided level there is no menu to switch from.
    const toggle = page.getByRole('button', { name: 'Type your own' });
    if (await toggle.count()) await toggle.click();
    await page.fill('#question', step.ask);
    await page.press('#question', 'Enter');
  }
  await page.waitForFunction((n) => document.querySelectorAll('.msg.you').length > n, before);
}

/** Starts the first scenario in the library and picks the first menu question `turns` times; returns the questions shown. */
export async function startAndPlay(page, turns) {
  await page.locator('.scenario-card button', { hasText: 'Start' }).first().click();
  await page.waitForSelector('.composer');
  for (let turn = 1; turn <= turns; turn++) {
    await page.locator('button.choice').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.msg.you').length >= n, turn);
  }
  return page.locator('.msg.you').count();
}

/** Runs axe-core on the page and returns the serious and critical violations. */
export async function seriousViolations(page) {
  // Let entry animations finish: a half-faded message is not what the learner reads.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Evaluated through DevTools rather than added as a <script> tag, which the page's CSP would refuse.
  await page.evaluate(fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** Whether the page scrolls sideways, which a layout must never make it do. */
export const overflowsSideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** The median of a list of numbers (for the benchmark scripts). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
