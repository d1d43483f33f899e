// Measures time from navigation start to an interactive scenario list: the first .scenario-card is
// visible and its Start button enabled. Serves the build on localhost, loads it in headless Chromium
// in a fresh (cold) browser context each time, and prints each run and the median, in ms.
// Usage: node scripts/lib/time-to-interactive.mjs [RUNS]   (scripts/bench-report calls this)
import { serveDist, launch, median } from '../../tests/e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 5);

/** Runs in the page before its own scripts: notes performance.now() when the list becomes usable. */
function watchForInteractiveList() {
  const ready = () => {
    const card = document.querySelector('.scenario-card');
    const start = card && [...card.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Start'));
    if (!start || start.disabled) return false;
    const box = card.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(card).visibility !== 'hidden';
  };
  const observer = new MutationObserver(() => {
    if (window.__interactiveAt === undefined && ready()) {
      window.__interactiveAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

const server = await serveDist();
const browser = await launch();
try {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(watchForInteractiveList);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 30000 });
    results.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { interactive: window.__interactiveAt, responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd };
    }));
    await context.close();
  }
  const ms = (x) => `${Math.round(x)} ms`;
  console.log(`runs (cold context, ms): ${results.map((r) => Math.round(r.interactive)).join(', ')}`);
  console.log(`median: HTML received ${ms(median(results.map((r) => r.responseEnd)))}, ` +
    `DOMContentLoaded ${ms(median(results.map((r) => r.domContentLoaded)))}, ` +
    `scenario list interactive ${ms(median(results.map((r) => r.interactive)))}`);
} finally {
  await browser.close();
  server.close();
}
