// Measures how long the class page takes to aggregate many result files: from the file input's
// change event to the learners table showing every row (reading, checking, summarising, drawing).
// Plays one real session to get a genuine result file, copies it under N learner names, then
// loads them all at once in a fresh page, RUNS times. Prints each run and the median, in ms.
// Usage: node scripts/lib/class-aggregation.mjs [FILES] [RUNS]   (scripts/bench-report calls this)
import { serveDist, launch, planSteps, planSeed, playStep, median } from '../../tests/e2e/helpers.mjs';
import fs from 'node:fs';

const files = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 3);

/** Runs in the page before its own scripts: times from the change event to the last table row. */
function watchAggregation(expected) {
  document.addEventListener('change', () => { window.__changedAt = performance.now(); }, true);
  new MutationObserver(() => {
    const rows = document.querySelectorAll('[data-test="learners"] tbody tr').length;
    if (window.__doneAt === undefined && rows === expected) window.__doneAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}#/play/too-big-goal?seed=${planSeed('too-big-goal')}`);
  await page.waitForSelector('.composer');
  for (const step of planSteps('too-big-goal')) await playStep(page, step);
  await page.getByRole('button', { name: 'See your debrief' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download result file' }).click()]);
  const result = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  await page.close();

  const payload = Array.from({ length: files }, (_, i) => ({
    name: `learner-${i + 1}.json`, mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...result, learner: `Learner ${i + 1}`, seed: i + 1 })),
  }));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(watchAggregation, files);
    const classPage = await context.newPage();
    await classPage.goto(`${server.url}#/class`);
    await classPage.locator('.class-page input[type=file]').setInputFiles(payload);
    await classPage.waitForFunction(() => window.__doneAt !== undefined, null, { timeout: 60000 });
    times.push(await classPage.evaluate(() => window.__doneAt - window.__changedAt));
    await context.close();
  }
  console.log(`runs (ms): ${times.map(Math.round).join(', ')}`);
  console.log(`aggregate ${files} result files: median ${Math.round(median(times))} ms (budget 1000 ms)`);
} finally {
  await browser.close();
  server.close();
}
