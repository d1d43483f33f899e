// Offline use: after one visit the service worker serves the app shell, so with the network off the
// app reloads, starts a scenario and plays without a single request reaching the server; and a new
// deploy's service worker replaces the old cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, newPage, DIST, startAndPlay } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('after the first visit the app loads and plays with the network off', async () => {
  const { page, context, errors } = await newPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('.scenario-card');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('growsim-')));
  assert.equal(cached.length, 1, `one versioned cache: ${cached}`);

  await context.setOffline(true);
  const served = server.requests.length;
  await page.reload();
  await page.waitForSelector('.scenario-card');
  assert.equal(await startAndPlay(page, 3), 3);
  assert.deepEqual(server.requests.slice(served), [], 'no request reached the server while offline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new deploy (a new sw.js version) replaces the old cache', async () => {
  // A copy of the build whose service worker has another version, as the next deploy would.
  const deploy = fs.mkdtempSync(path.join(os.tmpdir(), 'growsim-deploy-'));
  fs.cpSync(DIST, deploy, { recursive: true });
  const sw = fs.readFileSync(path.join(deploy, 'sw.js'), 'utf8');
  const [, oldVersion] = sw.match(/const VERSION = '([^']+)'/) ?? [];
  assert.ok(oldVersion && !oldVersion.startsWith('__'), 'sw.js in the build is stamped with a version');
  const local = await serveDist(deploy);
  try {
    const { page, context, errors } = await newPage(browser);
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('growsim-')));
    await page.goto(local.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    assert.deepEqual(await cacheNames(), [`growsim-${oldVersion}`]);

    fs.writeFileSync(path.join(deploy, 'sw.js'), sw.replace(`'${oldVersion}'`, "'next-deploy'"));
    await page.reload();
    await page.waitForSelector('.scenario-card');
    // The new worker installs in the background, then deletes the old cache as it activates.
    let names = [];
    for (const start = Date.now(); Date.now() - start < 15000; await page.waitForTimeout(100)) {
      names = await cacheNames();
      if (names.length === 1 && names[0] === 'growsim-next-deploy') break;
    }
    assert.deepEqual(names, ['growsim-next-deploy']);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    local.close();
    fs.rmSync(deploy, { recursive: true, force: true });
  }
});

test('the web app manifest is linked and its icon is served', async () => {
  const manifestHref = await (async () => {
    const html = await (await fetch(server.url)).text();
    return html.match(/<link rel="manifest" href="([^"]+)"/)?.[1];
  })();
  assert.ok(manifestHref, 'index.html links a manifest');
  const manifest = await (await fetch(new URL(manifestHref, server.url))).json();
  assert.equal(manifest.short_name, 'growsim');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const response = await fetch(new URL(icon.src, new URL(manifestHref, server.url)));
    assert.equal(response.headers.get('content-type'), icon.type, `${icon.src} is served as ${icon.type}`);
    assert.match(await response.text(), /^<svg/);
  }
});
