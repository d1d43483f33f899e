// Content-Security-Policy helpers shared by the post-build hook, the single-file build and the tests:
// find inline scripts and styles, hash them the way browsers do, and read or rewrite the CSP meta tag.
//
// The policy itself lives in index.html. Scripts: 'self' plus a sha256 per inline script, never
// 'unsafe-inline'; 'wasm-unsafe-eval' lets WebAssembly compile. Styles: only the page's own
// stylesheet, never 'unsafe-inline'; the app sets no style attributes (chart bars are SVG).
import crypto from 'node:crypto';

/** The placeholder in index.html's CSP that the post-build hook replaces with script hashes. */
export const HASHES_PLACEHOLDER = 'INLINE_SCRIPT_HASHES';

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** The CSP source expression for `text`: `'sha256-…'` over its UTF-8 bytes. */
export const sha256Source = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Every `<tag>` element's text in `html` whose opening tag has no src/href: [{ attrs, body }]. */
function inlineElements(html, tag) {
  const re = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(re)].map((m) => ({ attrs: m[1], body: m[2] })).filter((e) => !/\ssrc\s*=/i.test(e.attrs));
}

/** Inline scripts that run; data blocks (`type="text/plain"`, the single-file build's scenarios) never do. */
export const inlineScripts = (html) => inlineElements(html, 'script').filter((e) => !/\stype\s*=\s*"text\/plain"/i.test(e.attrs));
export const inlineStyles = (html) => inlineElements(html, 'style');

/** The content of the CSP meta tag, or null if the page has none. */
export function cspOf(html) {
  const m = html.match(CSP_META);
  return m ? m[2].replaceAll('&#39;', "'").replaceAll('&quot;', '"') : null;
}

/** `html` with the CSP meta tag's content replaced by `policy`; throws if there is no such tag. */
export function setCsp(html, policy) {
  if (!CSP_META.test(html)) throw new Error('no <meta http-equiv="Content-Security-Policy"> tag found');
  return html.replace(CSP_META, (_, open, _old, close) => `${open}${policy}${close}`);
}

/** `html` with the hashes placeholder in its CSP replaced by the sha256 of each inline script. */
export function fillScriptHashes(html) {
  const policy = cspOf(html);
  if (policy === null) throw new Error('no <meta http-equiv="Content-Security-Policy"> tag found');
  if (!policy.includes(HASHES_PLACEHOLDER)) throw new Error(`the CSP has no ${HASHES_PLACEHOLDER} placeholder`);
  const hashes = [...new Set(inlineScripts(html).map((s) => sha256Source(s.body)))];
  return setCsp(html, policy.replace(HASHES_PLACEHOLDER, hashes.join(' ')));
}

/** A policy string as a map from directive name to its list of sources. */
export function parseCsp(policy) {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}
