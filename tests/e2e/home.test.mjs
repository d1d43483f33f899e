// The home page lists every bundled scenario.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, openPage, SCREENSHOTS, scenarioFiles } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('home shows the title and the scenario library', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('.scenario-card');
  assert.match(await page.title(), /growsim/);
  assert.equal(await page.locator('h1').first().innerText(), 'growsim');
  assert.equal(await page.locator('.scenario-card').count(), scenarioFiles().length);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true, animations: 'disabled' });
  assert.deepEqual(errors, []);
});
