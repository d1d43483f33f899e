// Privacy: during a whole session (library, a scenario played to its ending with a typed question,
// the debrief) every request the browser makes, the service worker's included, goes to the page's own
// origin, and nothing is sent: only GETs, no WebSockets, no beacons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, newPage, playStep } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('a full session makes no request beyond the page\'s own origin', async () => {
  const { page, context, errors } = await newPage(browser);
  const origin = new URL(server.url).origin;
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  page.on('websocket', (ws) => requests.push({ url: ws.url(), method: 'WEBSOCKET' }));

  await page.goto(server.url);
  await page.locator('.scenario-card[data-id="too-big-goal"] button', { hasText: 'Start' }).click();
  await page.waitForSelector('.composer');
  await playStep(page, { ask: 'What would you like to get out of our time together today?' });
  await page.getByRole('button', { name: 'Choose a question' }).click();
  for (let turn = 0; turn < 40 && (await page.locator('.ending').count()) === 0; turn++) {
    await playStep(page, { choose: 0 });
  }
  await page.waitForSelector('.ending');
  await page.getByRole('button', { name: 'See your debrief' }).click();
  await page.waitForSelector('.debrief');
  await page.waitForLoadState('networkidle');

  const isLocal = (url) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
  assert.ok(requests.length > 0, 'requests were recorded');
  assert.deepEqual(requests.filter((r) => !isLocal(r.url)), [], 'requests to other origins');
  assert.deepEqual(requests.filter((r) => r.method !== 'GET'), [], 'requests that send something');
  assert.deepEqual(errors, []);
  await context.close();
});
