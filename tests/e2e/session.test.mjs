// Playing scenarios end to end: by menu, by typing, with a reload in the middle, and by keyboard alone.
// Each test uses a fresh browser context, so saved progress never leaks between tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, openPage, SCREENSHOTS, planSteps, planSeed, playStep } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const pct = (n, d) => `${Math.round((n / d) * 100)}%`;
const playLink = (scenario, plan) => `${server.url}#/play/${scenario}?seed=${planSeed(plan)}`;

/** Plays a golden plan to its ending; returns the kind and fit of each question as shown in the transcript. */
async function playPlan(page, plan, { screenshotAfter } = {}) {
  await page.waitForSelector('.composer');
  for (const [i, step] of planSteps(plan).entries()) {
    await playStep(page, step);
    if (screenshotAfter === i + 1) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'session.png'), animations: 'disabled' });
    }
  }
  await page.waitForSelector('.ending');
  return page.locator('.msg.you').evaluateAll((els) => els.map((e) => ({ kind: e.dataset.kind, fit: e.dataset.fit, verdict: e.dataset.verdict })));
}

/** Opens the debrief and checks every figure against the turns seen during the session. */
async function checkDebrief(page, turns) {
  await page.getByRole('button', { name: 'See your debrief' }).click();
  await page.waitForSelector('.debrief');
  const figure = async (name) => (await page.locator(`[data-test="${name}"]`).innerText()).trim();
  const open = turns.filter((t) => ['open', 'reflection', 'summary'].includes(t.kind)).length;
  const good = turns.filter((t) => t.fit === 'good').length;
  assert.equal(Number(await figure('questions')), turns.length);
  assert.equal(await figure('open-ratio'), pct(open, turns.length));
  assert.equal(await figure('fit-ratio'), pct(good, turns.length));
  // 80 points from the verdicts (strong 3, fair 2, weak 1, harmful 0 a turn), 20 from the ending's quality.
  const points = turns.reduce((sum, t) => sum + { strong: 3, fair: 2, weak: 1, harmful: 0 }[t.verdict], 0);
  const quality = await page.locator('[data-test="outcome"]').getAttribute('data-quality');
  const ending = { good: 20, mixed: 10, poor: 0 }[quality] ?? 0;
  assert.equal(Number(await figure('score')), Math.min(100, Math.round((points / (3 * turns.length)) * 80 + ending)));
  let perStage = 0;
  for (const s of ['rapport', 'goal', 'reality', 'options', 'will']) perStage += Number(await figure(`stage-${s}`));
  assert.equal(perStage, turns.length);
  assert.equal(await page.locator('table.turns tbody tr').count(), turns.length);
}

test('a scenario played by menu reaches its ending, and the debrief matches the transcript', async () => {
  const { page, errors } = await openPage(browser, playLink('too-big-goal', 'too-big-goal'), { width: 1280, height: 1000 });
  const turns = await playPlan(page, 'too-big-goal', { screenshotAfter: 7 });
  assert.equal(turns.length, planSteps('too-big-goal').length);
  assert.match(await page.locator('.ending h3').innerText(), /action plan/i);
  await checkDebrief(page, turns);
  assert.match(await page.locator('[data-test="outcome"]').innerText(), /action plan/i);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'debrief.png'), fullPage: true, animations: 'disabled' });
  assert.deepEqual(errors, []);
});

test('a scenario played by typed questions reaches its ending, with a live badge while typing', async () => {
  const { page, errors } = await openPage(browser, playLink('vague-goal', 'vague-goal.typed'));
  await page.getByRole('button', { name: 'Type your own' }).click();
  await page.fill('#question', "Don't you think you should just quit?");
  await page.waitForSelector('.live .chip');
  assert.match(await page.locator('.live').innerText(), /leading/i);
  await page.fill('#question', '');
  const turns = await playPlan(page, 'vague-goal.typed');
  const who = await page.locator('.msg.you .who').allInnerTexts();
  assert.ok(who.every((w) => /typed/i.test(w)), `every question was typed: ${who}`);
  await checkDebrief(page, turns);
  assert.deepEqual(errors, []);
});

test('a refused or empty typed question keeps the draft and explains why', async () => {
  const { page, errors } = await openPage(browser, playLink('vague-goal', 'vague-goal.typed'));
  await page.getByRole('button', { name: 'Type your own' }).click();
  const huge = 'What would you like? '.repeat(400);
  await page.fill('#question', huge);
  await page.press('#question', 'Enter');
  await page.waitForSelector('.error');
  assert.equal(await page.inputValue('#question'), huge);
  assert.equal(await page.locator('.msg.you').count(), 0);
  assert.deepEqual(errors, []);
});

test('reloading mid-session resumes where the learner was', async () => {
  const { page, errors } = await openPage(browser, playLink('multiple-goals', 'multiple-goals'));
  await page.waitForSelector('.composer');
  const steps = planSteps('multiple-goals').slice(0, 4);
  for (const step of steps) await playStep(page, step);
  const before = await page.locator('.chat').innerText();
  const url = page.url();
  await page.reload();
  await page.waitForSelector('.composer');
  assert.equal(page.url(), url);
  assert.equal(await page.locator('.msg.you').count(), steps.length);
  assert.equal(await page.locator('.chat').innerText(), before);
  // And the session carries on from there.
  await playStep(page, planSteps('multiple-goals')[steps.length]);
  assert.equal(await page.locator('.msg.you').count(), steps.length + 1);
  assert.deepEqual(errors, []);
});

test('keyboard only: start from the library, answer with number keys, reach the debrief', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('.scenario-card');
  // Tab to the first "Start" button and press Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.innerText ?? '');
    if (/^Start/.test(label.trim())) break;
  }
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return { text: el.innerText, outline: getComputedStyle(el).outlineStyle };
  });
  assert.match(focused.text, /^Start/);
  assert.notEqual(focused.outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.composer');
  for (let turn = 1; turn <= 40 && (await page.locator('.ending').count()) === 0; turn++) {
    await page.keyboard.press('1');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.you').length >= n, turn);
    const active = await page.evaluate(() => document.activeElement?.className ?? '');
    assert.match(active, /msg coachee/, 'focus moves to the new coachee reply');
  }
  await page.waitForSelector('.ending');
  // Tab forward to "See your debrief".
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.innerText ?? '')).includes('See your debrief')) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('.debrief');
  assert.deepEqual(errors, []);
});
