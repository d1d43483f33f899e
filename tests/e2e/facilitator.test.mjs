// Workshop features: share links that reproduce a session, the projector view with its reveal
// button, custom scenario files, and the class page that reads learners' results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, newPage, SCREENSHOTS, planSteps, planSeed, playStep, seriousViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const fixture = (name) => fs.readFileSync(path.join('tests/fixtures', name));
const file = (name, buffer, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(buffer) });

/** The conversation on screen: who said what, in order. */
const transcript = (page) => page.locator('.chat .msg p').allInnerTexts();

/** Reads a download started by clicking the button called `name`. */
async function downloaded(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

test('a shared link gives everyone the same session, and the share panel carries it with a QR code', async () => {
  const link = `${server.url}#/play/multiple-goals?seed=4242&mode=choose&feedback=collapsed`;
  const first = await openPage(browser, link);
  await first.page.waitForSelector('.composer');
  for (const choose of [0, 2, 1]) await playStep(first.page, { choose });

  await first.page.getByRole('button', { name: 'Share…' }).click();
  const shared = await first.page.inputValue('.share-link');
  assert.match(shared, /#\/play\/multiple-goals\?seed=4242&level=guided&mode=choose&feedback=collapsed$/, 'the link fixes the level too');
  assert.ok(await first.page.locator('.share-panel svg path').count() > 0, 'a QR code is drawn');
  assert.equal(await first.page.inputValue('.session-tools select:not([data-test=level])'), 'Collapsed');

  const second = await openPage(browser, shared);
  await second.page.waitForSelector('.composer');
  for (const choose of [0, 2, 1]) await playStep(second.page, { choose });
  assert.deepEqual(await transcript(second.page), await transcript(first.page));
  assert.deepEqual([...first.errors, ...second.errors], []);
});

test('a link can start in typed mode with feedback kept for the end', async () => {
  const { page, errors } = await openPage(browser, `${server.url}#/play/vague-goal?seed=3&mode=type&feedback=exam`);
  await page.waitForSelector('#question');
  assert.equal(await page.inputValue('.session-tools select:not([data-test=level])'), 'Exam: at the end');
  await page.fill('#question', 'What would you like to be different?');
  await page.press('#question', 'Enter');
  await page.waitForSelector('.msg.you');
  assert.equal(await page.locator('.msg.you .feedback').count(), 0, 'no feedback during an exam');
  assert.deepEqual(errors, []);
});

test('the projector view uses large type and hides feedback until the room reveals it', async () => {
  const { page, errors } = await openPage(browser, `${server.url}#/play/too-big-goal?seed=1&feedback=reveal&view=projector`,
    { width: 1920, height: 1080 });
  await page.waitForSelector('.composer');
  assert.ok(await page.locator('.projector').count() > 0, 'the projector class is on');
  const size = await page.locator('.chat .msg p').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 24, `projector text is large (${size}px)`);
  const replyAboveComposer = async (when) => {
    const gap = await page.evaluate(() => {
      const reply = [...document.querySelectorAll('.msg.coachee')].pop().getBoundingClientRect();
      return document.querySelector('.composer').getBoundingClientRect().top - reply.bottom;
    });
    assert.ok(gap >= 0, `${when}, the newest reply shows above the composer, not under it (gap ${gap}px)`);
  };
  await playStep(page, { choose: 0 });
  await replyAboveComposer('after a turn');
  assert.equal(await page.locator('.msg.you .feedback').count(), 0);
  await page.getByRole('button', { name: 'Reveal feedback' }).click();
  await page.waitForSelector('.msg.you .feedback');
  await replyAboveComposer('after the reveal');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'projector.png'), animations: 'disabled' });
  await page.getByRole('button', { name: 'Share…' }).click();
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a custom scenario file is validated in the page: problems show code, line and node; a good file plays and is kept', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const input = page.locator('.custom input[type=file]');
  await page.waitForSelector('.scenario-card');
  const cards = await page.locator('.scenario-card').count();

  await input.setInputFiles(file('broken.toml', fixture('undefined-target.toml')));
  const problems = page.locator('.custom .problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /"broken.toml" was not loaded/);
  assert.match(await problems.innerText(), /undefined-target\s+line \d+, node '[^']+'/);
  assert.equal(await page.locator('.scenario-card').count(), cards, 'a bad file adds nothing');

  await input.setInputFiles(file('syntax.toml', fixture('syntax.toml')));
  await page.waitForFunction(() => /syntax/.test(document.querySelector('.custom .problems')?.innerText ?? ''));

  const huge = path.resolve('target/mistake.toml'); // 50 MB, sparse on disk
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 50 * 1024 * 1024);
  await input.setInputFiles(huge);
  await page.waitForSelector('.custom .error');
  assert.match(await page.locator('.custom .error').innerText(), /"mistake.toml" is 52\.4 MB/);

  await input.setInputFiles(file('fixture.toml', fixture('valid.toml')));
  await page.waitForSelector('.session');
  assert.equal(await page.locator('#session-title').innerText(), 'Fixture');

  await page.goto(server.url);
  await page.reload();
  await page.waitForSelector('.scenario-card');
  assert.equal(await page.locator('.scenario-card').count(), cards + 1, 'the scenario is kept after a reload');
  assert.match(await page.locator('.scenario-card').first().innerText(), /Your scenario/);
  await page.locator('.scenario-card').first().getByRole('button', { name: /Remove/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.scenario-card').length === n, cards);
  assert.deepEqual(errors, []);
});

test('the class page reads result files and codes, names every bad file, charts the class and exports a CSV', async () => {
  // Two learners finish the same scenario; one downloads a file, the other copies a code.
  const link = `${server.url}#/play/too-big-goal?seed=${planSeed('too-big-goal')}`;
  const results = [];
  for (const learner of ['Ana', 'Ben']) {
    const { page, context, errors } = await newPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(link);
    await page.waitForSelector('.composer');
    for (const step of planSteps('too-big-goal')) await playStep(page, step);
    await page.getByRole('button', { name: 'See your debrief' }).click();
    await page.getByLabel(/Your name or initials/).fill(learner);
    if (learner === 'Ana') {
      results.push(await downloaded(page, 'Download result file'));
    } else {
      await page.getByRole('button', { name: 'Copy result code' }).click();
      results.push({ code: await page.evaluate(() => navigator.clipboard.readText()) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  const [ana, ben] = results;
  assert.match(ana.name, /result\.json$/);
  assert.equal(JSON.parse(ana.text).learner, 'Ana');
  assert.match(ben.code, /^GS1\.[A-Za-z0-9_-]+$/);

  const { page, errors } = await openPage(browser, `${server.url}#/class`);
  const wrongVersion = ana.text.replace(/"version":\s*1/, '"version": 99');
  await page.locator('.class-page input[type=file]').setInputFiles([
    file('ana.json', ana.text, 'application/json'),
    file('old.json', wrongVersion, 'application/json'),
    file('notes.json', 'these are my notes', 'application/json'),
  ]);
  await page.waitForFunction(() => document.querySelectorAll('.class-page .problems li').length === 2);
  const problems = await page.locator('.class-page .problems').innerText();
  assert.match(problems, /old\.json.*version/i);
  assert.match(problems, /notes\.json/);
  await page.fill('#codes', ben.code);
  await page.getByRole('button', { name: 'Add pasted results' }).click();

  const rows = page.locator('[data-test="learners"] tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-test="learners"] tbody tr').length === 2);
  assert.deepEqual((await rows.allInnerTexts()).map((r) => r.split('\t')[0]).sort(), ['Ana', 'Ben']);
  let fits = 0;
  for (const fit of ['good', 'early', 'late', 'off']) fits += Number(await page.locator(`[data-test="fit-${fit}"]`).innerText());
  assert.equal(fits, 2 * planSteps('too-big-goal').length, 'every question of both learners is in the fit split');
  assert.equal(await page.locator('.per-learner .track').count(), 2);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'class.png'), fullPage: true, animations: 'disabled' });
  assert.deepEqual(await seriousViolations(page), []);

  const csv = await downloaded(page, 'Export CSV');
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines.length, 3, csv.text);
  assert.match(lines[0], /learner/i);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0].replace(/"/g, '')).sort(), ['Ana', 'Ben']);

  await page.fill('#codes', 'GS1.not-a-real-code');
  await page.getByRole('button', { name: 'Add pasted results' }).click();
  await page.waitForSelector('.class-page .problems');
  assert.equal(await rows.count(), 2, 'a bad code keeps the results already there');
  assert.deepEqual(errors, []);
});
