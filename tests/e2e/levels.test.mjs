// The learning path: levels that fade the scaffolding, the coachee's thoughts at the guided level,
// and disputing a verdict through to the class page's export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, SCREENSHOTS, planSteps, planSeed, playStep, seriousViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PLAN = 'vague-goal';
const play = (level) => `${server.url}#/play/${PLAN}?seed=${planSeed(PLAN)}&level=${level}`;

/** Plays the scenario's best path from the menu and opens the debrief. */
async function playBestPath(page) {
  for (const step of planSteps(PLAN)) await playStep(page, step);
  await page.getByRole('button', { name: 'See your debrief' }).click();
  await page.waitForSelector('.debrief');
}

test('two strong guided attempts suggest the typed level, which the learner can take; the home page shows the level reached', async () => {
  const { page, errors } = await openPage(browser, play('guided'));
  await page.waitForSelector('.composer');
  await playBestPath(page);
  assert.match(await page.locator('[data-test=attempt-level]').innerText(), /guided level/);
  assert.equal(await page.locator('[data-test=level-suggestion]').count(), 0, 'one strong attempt is not yet two');
  await page.getByRole('button', { name: 'Replay (same seed)' }).click();
  await page.waitForSelector('.composer');
  await playBestPath(page);
  const suggestion = page.locator('[data-test=level-suggestion]');
  assert.match(await suggestion.innerText(), /Two strong attempts in a row at the guided level/);
  await suggestion.getByRole('button', { name: 'Try it at the typed level' }).click();
  await page.waitForSelector('#question');
  assert.equal(await page.inputValue('[data-test=level]'), 'typed');
  assert.equal(await page.getByRole('button', { name: 'Choose a question' }).count(), 0, 'no menu above the guided level');
  await page.fill('#question', 'What would you like to be different?');
  await page.waitForSelector('.live .chip');
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const card = page.locator(`.scenario-card[data-id=${PLAN}]`);
  assert.equal(await card.locator('[data-test=level-reached]').innerText(), 'Level reached: Guided');
  assert.equal(await card.locator('[data-test=card-level]').inputValue(), 'typed', 'the suggested level is offered');
  await page.getByRole('button', { name: 'Progress', exact: true }).click();
  assert.match(await page.locator('[data-test=progress-level]').first().innerText(), /level reached: guided/);
  assert.deepEqual(errors, []);
});

test('the unaided level has no menu, no badge and no feedback until the debrief', async () => {
  const { page, errors } = await openPage(browser, play('unaided'));
  await page.waitForSelector('#question');
  assert.equal(await page.getByRole('button', { name: 'Choose a question' }).count(), 0);
  assert.ok(await page.locator('.session-tools select:not([data-test=level])').isDisabled(), 'feedback is fixed');
  await page.fill('#question', 'What would you like to be different?');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.live .chip').count(), 0, 'no live badge');
  await page.press('#question', 'Enter');
  await page.waitForSelector('.msg.you');
  assert.equal(await page.locator('.feedback').count(), 0, 'no feedback during the session');
  assert.equal(await page.locator('[data-test=thought]').count(), 0, 'no thoughts');
  assert.deepEqual(errors, []);
});

test('thoughts show at the guided level and can be hidden; a verdict can be disputed, exported and read on the class page', async () => {
  const { page, context, errors } = await openPage(browser, play('guided'));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.waitForSelector('.composer');
  await playStep(page, planSteps(PLAN)[0]);
  const thought = page.locator('[data-test=thought]');
  await thought.waitFor();
  assert.match(await thought.innerText(), /thinks/i);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'guided-thought.png'), animations: 'disabled' });
  await page.getByLabel('Show what the coachee thinks').uncheck();
  assert.equal(await thought.count(), 0, 'hidden on request');
  await page.getByLabel('Show what the coachee thinks').check();
  await thought.waitFor();

  // A 100 KB reason is refused with its size, and stays in the box to be shortened.
  await page.getByRole('button', { name: 'I disagree' }).first().click();
  const form = page.locator('.dispute-form').first();
  await form.locator('select[id$=verdict]').selectOption('weak');
  const reason = form.locator('textarea');
  await reason.fill('x'.repeat(100 * 1024));
  await form.getByRole('button', { name: 'Save my dispute' }).click();
  assert.match(await form.getByRole('alert').innerText(), /at most 500 characters; this one has 102400/);
  assert.equal((await reason.inputValue()).length, 100 * 1024, 'nothing typed is lost');
  await reason.fill('It asks about the past, not what she wants.');
  await form.getByRole('button', { name: 'Save my dispute' }).click();
  assert.match(await page.locator('[data-test=disputed]').first().innerText(), /You disagreed: Weak/);

  // After a reload the dispute is still there; it goes with the attempt into the debrief.
  await page.reload();
  await page.waitForSelector('[data-test=disputed]');
  await page.getByRole('button', { name: 'End session' }).click();
  await page.waitForSelector('.debrief');
  assert.match(await page.locator('[data-test=disputes]').innerText(), /You said: Weak/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel(/Your name or initials/).fill('Dee');
  await page.locator('[data-test=share-disputes]').check();
  await page.getByRole('button', { name: 'Copy result code' }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());

  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await page.fill('#codes', code);
  await page.getByRole('button', { name: 'Add pasted results' }).click();
  const disputed = page.locator('[data-test=disputed]');
  await disputed.waitFor();
  assert.match(await disputed.innerText(), /Weak: It asks about the past/);
  assert.match(await page.locator('[data-test=class-open]').first().innerText(), /%|–/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export disputes (TSV)' }).click()]);
  const tsv = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(tsv[0].split('\t').slice(0, 6).join(' '), 'text openness kind stage style domain');
  assert.equal(tsv.length, 2);
  assert.match(tsv[1], /\tweak\tIt asks about the past, not what she wants\.\tDee\tvague-goal$/);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(errors, []);
});
