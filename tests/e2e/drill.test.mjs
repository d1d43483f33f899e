// Skill drills: run one to the end, the streak on the Progress page, a 100 KB rewrite, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, SCREENSHOTS, seriousViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The model answers of a drill file, by weak question, read from drills/<move>.toml. */
function modelsByWeak(move) {
  const text = fs.readFileSync(path.join('drills', `${move}.toml`), 'utf8');
  const map = new Map();
  for (const item of text.split('[[item]]').slice(1)) {
    const field = (key) => JSON.parse(item.match(new RegExp(`^${key} = (".*")$`, 'm'))[1]);
    map.set(field('weak'), field('model'));
  }
  return map;
}

test('a drill runs from the home page to its summary, and the streak shows on the Progress page', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByRole('link', { name: 'Go to the skill drills' }).click();
  await page.waitForSelector('.drill-list');
  assert.equal(await page.locator('.drill-list > li').count(), 8);
  assert.match(page.url(), /#\/drill$/);
  await page.getByRole('button', { name: 'Start the drill Closed to open' }).click();
  await page.waitForSelector('.drill-item');
  assert.match(page.url(), /#\/drill\/closed-to-open$/);
  const models = modelsByWeak('closed-to-open');
  const box = page.getByLabel('Your better question');
  for (let i = 0; i < 5; i++) {
    assert.equal(await page.locator('.drill-head .muted').innerText(), `Item ${i + 1} of 5`);
    const weak = (await page.locator('.drill-weak q').innerText()).trim();
    if (i === 0) {
      // The weak question itself fails, with a sentence and the model answer.
      await box.fill(weak);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.waitForSelector('.verdict.fail');
      assert.match(await page.locator('.verdict').innerText(), /Not yet\. Still closed/);
      assert.equal(await page.locator('.drill-result .model q').innerText(), models.get(weak));
      if (i === 0) await page.screenshot({ path: path.join(SCREENSHOTS, 'drill.png'), animations: 'disabled' });
    } else {
      await box.fill(models.get(weak));
      await box.press('Enter');
      await page.waitForSelector('.verdict.pass');
      assert.match(await page.locator('.verdict').innerText(), /^Works\. That's open/);
    }
    assert.equal(await page.locator('#drill-result').getAttribute('aria-live'), 'polite');
    await page.getByRole('button', { name: i === 4 ? 'See summary' : 'Next item' }).click();
  }
  await page.waitForSelector('.drill-summary');
  assert.equal(await page.locator('.drill-score').innerText(), '4 of 5 rewrites worked.');
  assert.equal(await page.locator('.drill-answers li').count(), 5);
  assert.match(await page.locator('.drill-summary .drill-streak').innerText(), /Drill streak: 1 day/);
  await page.getByRole('button', { name: 'Progress', exact: true }).click();
  assert.match(await page.locator('.progress .drill-streak').innerText(), /Current streak: 1 day.*best streak 1 day.*1 drill\(s\) finished/s);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('growsim.progress')));
  assert.equal(saved.version, 3);
  assert.equal(saved.drills.finished, 1);
  // A reload keeps the streak.
  await page.reload();
  await page.getByRole('button', { name: 'Progress', exact: true }).click();
  assert.match(await page.locator('.progress .drill-streak').innerText(), /Current streak: 1 day/);
  assert.deepEqual(errors, []);
});

test('a 100 KB rewrite gets a clear message at once and the item stays open', async () => {
  const { page, errors } = await openPage(browser, `${server.url}#/drill/why-to-what`);
  await page.waitForSelector('.drill-item');
  const huge = 'What would you like to happen next? '.repeat(2900);
  assert.ok(huge.length > 100_000);
  await page.getByLabel('Your better question').fill(huge);
  const started = Date.now();
  await page.getByRole('button', { name: 'Check' }).click();
  await page.waitForSelector('.drill-result .error');
  assert.ok(Date.now() - started < 2000, 'refused quickly');
  assert.match(await page.locator('.drill-result .error').innerText(), /too long to score/);
  assert.equal(await page.locator('.verdict').count(), 0, 'not scored, so the learner can try again');
  await page.getByLabel('Your better question').fill('What led to that?');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.waitForSelector('.verdict');
  assert.deepEqual(errors, []);
});

test('an unknown drill link opens the list with a message; old saved data still loads', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('growsim.progress', '{"version": 1, "attempts": [], "current": null}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#/drill/juggling`);
  await page.waitForSelector('.drill-list');
  assert.match(await page.locator('.notices').innerText(), /no drill called "juggling"/);
  assert.doesNotMatch(await page.locator('.notices').innerText(), /couldn.t be read/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no serious or critical violations on the drill pages', async () => {
  const { page, errors } = await openPage(browser, `${server.url}#/drill`);
  await page.waitForSelector('.drill-list');
  assert.deepEqual(await seriousViolations(page), [], 'drill list');
  await page.getByRole('button', { name: 'Start the drill Reflect before asking' }).click();
  await page.waitForSelector('.drill-item');
  assert.deepEqual(await seriousViolations(page), [], 'drill item');
  await page.getByLabel('Your better question').fill('Do you want to talk about it?');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.waitForSelector('.verdict');
  assert.deepEqual(await seriousViolations(page), [], 'drill result');
  assert.deepEqual(errors, []);
});
