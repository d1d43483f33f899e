// Hostile input: markup and javascript: links typed, written in reflections, hidden in custom
// scenarios and result files; oversized and deeply nested data; storage turned off or full.
// Nothing may run, nothing may block the page for a second or more, and every refusal says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, newPage, playStep } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">click me</a>',
];
const file = (name, text, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(text) });

/** Runs before the page's scripts: records dialogs and every main-thread task of 50 ms or more. */
function watchPage() {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration)); })
    .observe({ type: 'longtask', buffered: true });
  window.alert = window.confirm = window.prompt = () => { window.__pwned = 'dialog'; };
}

/** A fresh page watched for injected code and long tasks; `init` runs before the app too. */
async function hostilePage(hash = '', init) {
  const opened = await newPage(browser);
  await opened.context.addInitScript(watchPage);
  if (init) await opened.context.addInitScript(init);
  await opened.page.goto(server.url + hash);
  return opened;
}

/** Fails if any payload ran or became live markup. */
async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected code ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no injected image exists');
  assert.equal(await page.evaluate(() => [...document.scripts].some((s) => s.textContent.includes('__pwned'))), false);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'no javascript: link exists');
}

/** Fails if the main thread was blocked for a second or more since the page opened. */
async function assertNeverBlocked(page) {
  const tasks = await page.evaluate(() => window.__longTasks);
  assert.ok(Math.max(0, ...tasks) < 1000, `long tasks (ms): ${tasks}`);
}

test('markup typed as questions and reflections is shown as text and never runs', async () => {
  const { page, errors } = await hostilePage('#/play/vague-goal?seed=5&mode=type');
  await page.waitForSelector('#question');
  for (const payload of PAYLOADS) await playStep(page, { ask: payload });
  assert.deepEqual(await page.locator('.msg.you > p').allInnerTexts(), PAYLOADS);

  await page.getByRole('button', { name: 'End session' }).click();
  await page.waitForSelector('.debrief');
  const notes = page.locator('.debrief textarea');
  for (let i = 0; i < (await notes.count()); i++) await notes.nth(i).fill(PAYLOADS[i % PAYLOADS.length]);
  await page.reload();
  await page.waitForSelector('.debrief textarea');
  assert.equal(await notes.first().inputValue(), PAYLOADS[0], 'the reflection is kept as typed');
  assert.ok((await page.locator('.debrief').innerText()).includes(PAYLOADS[1]), 'questions appear as text in the debrief');
  await assertInert(page);
  assert.deepEqual(errors, []);
});

test('markup in a custom scenario and in result files is shown as text', async () => {
  const { page, errors } = await hostilePage();
  const scenario = fs.readFileSync('tests/fixtures/valid.toml', 'utf8')
    .replace('title = "Fixture"', `title = ${JSON.stringify(PAYLOADS[1])}`)
    .replace('brief = "A small scenario for validator tests."', `brief = ${JSON.stringify(PAYLOADS[2])}`);
  await page.locator('.custom input[type=file]').setInputFiles(file('hostile.toml', scenario));
  await page.waitForSelector('#session-title');
  assert.equal(await page.locator('#session-title').innerText(), PAYLOADS[1]);
  await playStep(page, { choose: 0 });
  await page.getByRole('button', { name: 'End session' }).click();
  await page.waitForSelector('.debrief');
  await page.getByLabel(/Your name or initials/).fill(PAYLOADS[0].slice(0, 60));
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download result file' }).click()]);
  const result = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  result.learner = PAYLOADS[1];

  await page.goto(`${server.url}#/class`);
  await page.locator('.class-page input[type=file]').setInputFiles(file('hostile.json', JSON.stringify(result)));
  await page.waitForSelector('[data-test="learners"] tbody tr');
  assert.match(await page.locator('[data-test="learners"] tbody tr').first().innerText(), /<img src=x onerror=/);
  await assertInert(page);
  assert.deepEqual(errors, []);
});

test('oversized and deeply nested input is refused quickly with a reason, and the page keeps what it had', async () => {
  const { page, errors } = await hostilePage();
  await page.waitForSelector('.scenario-card');
  const cards = await page.locator('.scenario-card').count();
  const custom = page.locator('.custom input[type=file]');

  // 10,000 nodes: refused before parsing.
  const head = fs.readFileSync('tests/fixtures/valid.toml', 'utf8').split('[[node]]')[0];
  const nodes = Array.from({ length: 10000 }, (_, i) => `[[node]]\nid = "n${i}"\nstage = "goal"\nsay = ["${i}"]\n`).join('');
  await custom.setInputFiles(file('huge.toml', head + nodes));
  await page.waitForFunction(() => /too-large/.test(document.querySelector('.custom .problems')?.innerText ?? ''));
  assert.match(await page.locator('.custom .problems').innerText(), /10000 nodes; a scenario may have at most 1000/);

  // 150,000 variables in one table (1.7 MB): read in linear time, then refused.
  const vars = Array.from({ length: 150000 }, (_, i) => `v${i} = 1\n`).join('');
  const valid = fs.readFileSync('tests/fixtures/valid.toml', 'utf8');
  await custom.setInputFiles(file('vars.toml', valid.replace('[vars]\n', `[vars]\n${vars}`)));
  await page.waitForFunction(() => /150001 variables/.test(document.querySelector('.custom .problems')?.innerText ?? ''));

  // Arrays nested 100,000 deep.
  await custom.setInputFiles(file('nested.toml', `id = ${'['.repeat(100000)}${']'.repeat(100000)}\n`));
  await page.waitForFunction(() => /nested more than 64 deep/.test(document.querySelector('.custom .problems')?.innerText ?? ''));
  assert.equal(await page.locator('.scenario-card').count(), cards, 'no bad file was added');

  // A typed question of 200,000 characters: the live badge keeps up and the question is refused.
  await page.locator('.scenario-card').first().getByRole('button', { name: /^Start/ }).click();
  await page.getByRole('button', { name: 'Type your own' }).click();
  const long = 'How would you describe what you want? '.repeat(5300);
  await page.fill('#question', long);
  await page.press('#question', 'Enter');
  await page.waitForSelector('.composer .error');
  assert.equal(await page.inputValue('#question'), long, 'the draft is kept');

  // Class page: a nested result file, a 1 MB paste of junk; progress import: nested JSON.
  await page.goto(`${server.url}#/class`);
  await page.locator('.class-page input[type=file]').setInputFiles(file('deep.json', '['.repeat(100000) + ']'.repeat(100000)));
  await page.waitForSelector('.class-page .problems');
  assert.match(await page.locator('.class-page .problems').innerText(), /deep\.json/);
  await page.locator('#codes').evaluate((el) => { // a 1 MB paste
    el.value = 'GS1.' + 'A'.repeat(1_000_000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.getByRole('button', { name: 'Add pasted results' }).click();
  await page.waitForFunction(() => /pasted text/.test(document.querySelector('.class-page .problems')?.innerText ?? ''));
  await page.goto(`${server.url}#/progress`);
  await page.locator('.progress input[type=file], section input[type=file]').first()
    .setInputFiles(file('deep-progress.json', '{"a":'.repeat(50000) + '1' + '}'.repeat(50000)));
  await page.waitForSelector('.notices li');
  assert.match(await page.locator('.notices').innerText(), /could(n't| not)|not .*read|import/i);

  await assertNeverBlocked(page);
  await assertInert(page);
  assert.deepEqual(errors, []);
});

test('with storage turned off the app still plays, says progress cannot be kept, and offers an export', async () => {
  const { page, errors } = await hostilePage('#/play/too-big-goal?seed=2', () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.waitForSelector('.composer');
  for (const choose of [0, 1]) await playStep(page, { choose });
  await assertOneStorageNotice(page);
  await page.getByRole('button', { name: 'End session' }).click();
  await page.goto(`${server.url}#/progress`);
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress (JSON)' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.attempts.length, 1, 'the finished session is in the export');
  assert.deepEqual(errors, []);
});

test('with storage full the app says so once and keeps playing', async () => {
  const { page, errors } = await hostilePage('#/play/too-big-goal?seed=2', () => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.waitForSelector('.composer');
  for (const choose of [0, 1, 2]) await playStep(page, { choose });
  await assertOneStorageNotice(page);
  assert.equal(await page.locator('.msg.you').count(), 3);
  assert.deepEqual(errors, []);
});

async function assertOneStorageNotice(page) {
  const notices = await page.locator('.notices li').allInnerTexts();
  assert.equal(notices.filter((n) => /can't save on this device/.test(n)).length, 1, `notices: ${notices}`);
  assert.match(notices.join('\n'), /export it from the Progress page/);
}

test('no component renders markup from strings (no inner_html anywhere in the UI)', () => {
  const offenders = fs.readdirSync('src/ui').filter((f) => f.endsWith('.rs'))
    .filter((f) => /inner_html|from_html_unchecked|dangerously_set/.test(fs.readFileSync(path.join('src/ui', f), 'utf8')));
  assert.deepEqual(offenders, []);
});
