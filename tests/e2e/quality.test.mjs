// Quality bars: accessibility (axe-core), layouts from phone to projector, and unreadable saved data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, openPage, SCREENSHOTS, planSteps, planSeed, playStep, seriousViolations, overflowsSideways } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Visits home, a session three turns in, and a debrief, calling `check(page, name)` on each. */
async function visitEveryPage(viewport, check) {
  const plan = 'negative-goal';
  const { page, errors } = await openPage(browser, server.url, viewport);
  await page.waitForSelector('.scenario-card');
  await check(page, 'home');
  await page.goto(`${server.url}#/play/${plan}?seed=${planSeed(plan)}`);
  await page.waitForSelector('.composer');
  for (const step of planSteps(plan).slice(0, 3)) await playStep(page, step);
  await check(page, 'session');
  await page.getByRole('button', { name: 'End session' }).click();
  await page.waitForSelector('.debrief');
  await check(page, 'debrief');
  assert.deepEqual(errors, []);
}

test('axe-core finds no serious or critical violations on home, session and debrief', async () => {
  await visitEveryPage({ width: 1280, height: 800 }, async (page, name) => {
    assert.deepEqual(await seriousViolations(page), [], `${name} page`);
  });
});

for (const [label, viewport] of [['phone', { width: 360, height: 740 }], ['projector', { width: 1920, height: 1080 }]]) {
  test(`layout at ${viewport.width}px (${label}) never scrolls sideways`, async () => {
    await visitEveryPage(viewport, async (page, name) => {
      assert.equal(await overflowsSideways(page), false, `${name} page at ${viewport.width}px`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: name !== 'debrief', animations: 'disabled' });
    });
  });
}

test('corrupt saved progress shows a notice, is kept as a backup, and the app starts clean', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('growsim.progress', '{"version": 1, "attempts": [tr');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.scenario-card');
  assert.match(await page.locator('.notices').innerText(), /saved progress|couldn.t be read|unreadable/i);
  assert.equal(await page.evaluate(() => localStorage.getItem('growsim.progress.unreadable')),
    '{"version": 1, "attempts": [tr');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to an unknown scenario or with a bad seed explains itself', async () => {
  const { page, errors } = await openPage(browser, `${server.url}#/play/no-such-thing`);
  await page.waitForSelector('.notices');
  assert.match(await page.locator('.notices').innerText(), /no scenario called "no-such-thing"/);
  await page.goto(`${server.url}#/play/vague-goal?seed=banana`);
  await page.waitForSelector('.composer');
  assert.match(await page.locator('.notices').innerText(), /not a whole number/);
  assert.deepEqual(errors, []);
});
