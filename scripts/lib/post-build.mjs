// trunk post_build hook (see Trunk.toml); also runs by hand as `node scripts/lib/post-build.mjs DIR`.
// In the built site it:
//   1. fills the sha256 of every inline script into index.html's Content-Security-Policy;
//   2. stamps sw.js with the list of files to precache and a version: a hash of every shipped file,
//      so any change to the app gives a new sw.js, which the browser installs with a fresh cache.
// Under `trunk serve`, trunk injects an autoreload script whose host placeholders it fills per request;
// those are resolved here in the browser instead, so the script's hash is known at build time.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fillScriptHashes } from './csp.mjs';

const SW_FILE = 'sw.js';
const SW_VERSION_MARK = '__GROWSIM_SW_VERSION__';
const SW_ASSETS_MARK = '/* __GROWSIM_SW_ASSETS__ */';

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

/** Every file under `dir` as a sorted list of '/'-separated relative paths. */
function listFiles(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  }).sort();
}

/** Replaces the placeholders trunk serve would fill per request with values computed in the browser. */
function resolveAutoreload(html, publicUrl) {
  const wsBase = publicUrl.startsWith('/') ? publicUrl : '/';
  return html
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', wsBase);
}

function stampServiceWorker(dir) {
  const swPath = path.join(dir, SW_FILE);
  if (!fs.existsSync(swPath)) fail(`${swPath} is missing; index.html must copy static/sw.js (data-trunk rel="copy-file")`);
  const sw = fs.readFileSync(swPath, 'utf8');
  if (!sw.includes(SW_VERSION_MARK) || !sw.includes(SW_ASSETS_MARK)) fail(`${swPath} has no ${SW_VERSION_MARK} / ${SW_ASSETS_MARK} placeholders (already stamped?)`);
  // index.html is cached as './', the page's own URL; sw.js is fetched by the browser, never cached.
  const assets = listFiles(dir).filter((f) => f !== SW_FILE && f !== 'index.html' && !f.startsWith('.'));
  const hash = crypto.createHash('sha256');
  for (const file of ['index.html', ...assets]) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)));
  const version = hash.digest('hex').slice(0, 16);
  const list = assets.map((f) => JSON.stringify(f)).join(', ');
  fs.writeFileSync(swPath, sw.replace(SW_VERSION_MARK, version).replace(SW_ASSETS_MARK, list));
  return { version, assets };
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail('no directory: run as a trunk hook (TRUNK_STAGING_DIR) or pass the built site directory');
const indexPath = path.join(dir, 'index.html');
if (!fs.existsSync(indexPath)) fail(`${indexPath} not found`);
try {
  const html = resolveAutoreload(fs.readFileSync(indexPath, 'utf8'), process.env.TRUNK_PUBLIC_URL ?? '/');
  fs.writeFileSync(indexPath, fillScriptHashes(html));
} catch (error) {
  fail(`${indexPath}: ${error.message}`);
}
const { version, assets } = stampServiceWorker(dir);
console.log(`post-build: CSP script hashes filled; sw.js version ${version}, ${assets.length} files precached`);
