// The single-file build (scripts/single-file) opens from a file:// URL, lists the scenarios and plays,
// with no console errors under its own CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, scenarioFiles, singleFileUrl, startAndPlay } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('dist-single/growsim.html opens from file://, lists the scenarios and plays a few turns', async () => {
  const url = singleFileUrl();
  const { page, context, errors } = await newPage(browser);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('.scenario-card');
  assert.equal(await page.locator('.scenario-card').count(), scenarioFiles().length);
  assert.ok(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null), 'has a CSP');
  assert.equal(await startAndPlay(page, 3), 3);
  assert.deepEqual(requests.filter((r) => !r.startsWith('data:') && r !== url), [], 'nothing but the file itself is loaded');
  assert.deepEqual(errors, []);
  await context.close();
});
