// Shared setup for the end-to-end tests: serve dist/ on a free port and launch Debian's Chromium.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const DIST = path.resolve('dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves dist/ on 127.0.0.1 and resolves to { url, close }. */
export function serveDist() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
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

/** Opens a page that fails the test on any console error or uncaught exception. */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { page, context, errors };
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
    await page.getByRole('button', { name: 'Type your own' }).click();
    await page.fill('#question', step.ask);
    await page.press('#question', 'Enter');
  }
  await page.waitForFunction((n) => document.querySelectorAll('.msg.you').length > n, before);
}

/** Runs axe-core on the page and returns the serious and critical violations. */
export async function seriousViolations(page) {
  // Let entry animations finish: a half-faded message is not what the learner reads.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** Whether the page scrolls sideways, which a layout must never make it do. */
export const overflowsSideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
