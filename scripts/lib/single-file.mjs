// Builds one self-contained HTML file from a trunk release build: the stylesheet inlined, the
// wasm-bindgen JS glue inlined in a module script, the wasm gzipped and inlined as base64, the icon
// as a data: URI, and a CSP of its own. Opens from file:// (no server, no service worker).
// Usage: node scripts/lib/single-file.mjs DIST_DIR OUT_FILE   (scripts/single-file calls this)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { setCsp, sha256Source } from './csp.mjs';

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

/** The one match of `re` in `text`, or a failure naming `what`. */
function only(text, re, what) {
  const matches = [...text.matchAll(new RegExp(re, 'g'))];
  if (matches.length !== 1) fail(`expected exactly one ${what} in index.html, found ${matches.length}`);
  return matches[0];
}

const [distDir, outFile] = process.argv.slice(2);
if (!distDir || !outFile) fail('usage: single-file.mjs DIST_DIR OUT_FILE');
const read = (rel, encoding) => {
  const file = path.join(distDir, rel.replace(/^\//, ''));
  if (!fs.existsSync(file)) fail(`${file} not found`);
  return fs.readFileSync(file, encoding);
};
let html = read('index.html', 'utf8');

// The stylesheet, inline.
const css = read(only(html, /<link rel="stylesheet" href="([^"]+)"[^>]*>/, 'stylesheet link')[1], 'utf8');
html = html.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`);

// The icon as a data: URI; no manifest, preloads or service worker registration: there is no server.
const icon = read('icon.svg').toString('base64');
html = html.replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" href="data:image/svg+xml;base64,${icon}" type="image/svg+xml">`)
  .replace(/<link rel="manifest"[^>]*>\s*/, '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
  .replace(/\s*<script id="sw-register">[\s\S]*?<\/script>/, '')
  .replace(/<!--[\s\S]*?-->\s*/g, '');

// The loader: trunk's module script imports the glue and fetches the wasm; replace it with the glue
// itself (its exports dropped: an inline module cannot export) and the gzipped wasm as base64.
const loader = only(html, /<script type="module">[\s\S]*?<\/script>/, 'module loader script');
const gluePath = only(loader[0], /import init, \* as bindings from '([^']+)'/, 'glue import')[1];
const wasmPath = only(loader[0], /module_or_path: '([^']+)'/, 'wasm path')[1];
const glue = read(gluePath, 'utf8');
if (!/\bfunction __wbg_init\b/.test(glue)) fail(`${gluePath} has no __wbg_init: not wasm-bindgen --target web glue?`);
if (/^import\s/m.test(glue)) fail(`${gluePath} imports other modules (wasm-bindgen snippets?); inline them too before using this script`);
const glueBody = glue
  .replace(/^export\s*\{[^}]*\};?\s*$/m, '')
  .replace(/^export (?=(?:async )?function |class |const |let )/gm, '');
if (/^export\b/m.test(glueBody)) fail(`${gluePath} has an export this script does not know how to inline`);
const wasmGzipBase64 = zlib.gzipSync(read(wasmPath), { level: 9 }).toString('base64');
const script = `
${glueBody}
{ // a block of its own, so these names cannot clash with the glue's
  const gzipped = Uint8Array.from(atob('${wasmGzipBase64}'), (c) => c.charCodeAt(0));
  const bytes = await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  const wasm = await __wbg_init({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;
if (/<\/script/i.test(script) || /<\/style/i.test(css)) fail('the glue or stylesheet contains a closing </script> or </style> tag and cannot be inlined as is');
// The scenario files, which the web build fetches when a scenario starts, as inert text the app
// reads instead (a script of type text/plain is never run, so the CSP needs no entry for it).
const scenarioDir = path.join(distDir, 'scenarios');
if (!fs.existsSync(scenarioDir)) fail(`${scenarioDir} not found: index.html should copy the scenarios folder`);
const scenarios = fs.readdirSync(scenarioDir).filter((name) => name.endsWith('.toml')).sort().map((name) => {
  const text = fs.readFileSync(path.join(scenarioDir, name), 'utf8');
  if (/<\/script/i.test(text)) fail(`scenarios/${name} contains a closing </script> tag and cannot be inlined as is`);
  return `<script type="text/plain" data-scenario="${name}">${text}</script>`;
});
if (scenarios.length === 0) fail(`${scenarioDir} holds no scenario files`);
html = html.replace(loader[0], () => `${scenarios.join('\n')}\n<script type="module">${script}</script>`);

// Its own CSP: no 'self' (a file:// page has no useful origin) and nothing to connect to.
html = setCsp(html, [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256Source(script)}`,
  `style-src ${sha256Source(css)}`,
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; '));

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, html);
console.log(`single-file: wrote ${outFile} (${fs.statSync(outFile).size} bytes)`);
