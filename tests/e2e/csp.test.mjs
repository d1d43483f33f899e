// Content-Security-Policy: the served index.html and the single-file build carry a strict CSP meta tag
// (no inline script without its hash, no plugins, no <base>, connections only to the own origin),
// and the browser enforces it: an injected inline script is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openPage, SINGLE_FILE, singleFileUrl } from './helpers.mjs';
import { cspOf, parseCsp, inlineScripts, sha256Source, HASHES_PLACEHOLDER } from '../../scripts/lib/csp.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Checks the rules both builds share and returns the parsed policy. */
function checkStrictPolicy(html, where) {
  const policy = cspOf(html);
  assert.ok(policy, `${where} has a CSP meta tag`);
  assert.ok(!policy.includes(HASHES_PLACEHOLDER), `${where}: the script hashes were filled in`);
  const csp = parseCsp(policy);
  assert.deepEqual(csp.get('default-src'), ["'none'"], `${where} default-src`);
  assert.deepEqual(csp.get('object-src'), ["'none'"], `${where} object-src`);
  assert.deepEqual(csp.get('base-uri'), ["'none'"], `${where} base-uri`);
  const scripts = csp.get('script-src');
  assert.ok(scripts.includes("'wasm-unsafe-eval'"), `${where}: script-src allows wasm`);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", 'data:', 'blob:', '*']) {
    assert.ok(!scripts.includes(unsafe), `${where}: script-src must not allow ${unsafe}`);
  }
  assert.ok(!(csp.get('style-src') ?? []).includes("'unsafe-inline'"), `${where}: style-src must not allow 'unsafe-inline'`);
  for (const script of inlineScripts(html)) {
    assert.ok(scripts.includes(sha256Source(script.body)), `${where}: inline script ${script.body.trim().slice(0, 40)}… is hashed`);
  }
  return csp;
}

test('the served index.html has a strict CSP covering its inline scripts', async () => {
  const html = await (await fetch(server.url)).text();
  const csp = checkStrictPolicy(html, 'index.html');
  assert.deepEqual(csp.get('connect-src'), ["'self'"]);
});

test('the single-file build has a strict CSP of its own that allows no connections', () => {
  singleFileUrl(); // fails with how to build it if missing or stale
  const csp = checkStrictPolicy(fs.readFileSync(SINGLE_FILE, 'utf8'), 'growsim.html');
  assert.equal(csp.get('connect-src'), undefined, 'connect-src falls back to default-src \'none\'');
});

test('the browser enforces the CSP: an injected inline script is refused', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.waitForSelector('.scenario-card');
  const violated = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
  }));
  assert.equal(violated, 'script-src-elem');
  assert.equal(await page.evaluate(() => window.injected), undefined);
  await context.close();
});
