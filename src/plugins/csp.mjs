// Content-Security-Policy for every built page: the browser itself keeps what a reader pastes
// into the widgets from leaving the page (connect-src 'self'), and runs no script the build did
// not put there (script hashes, no 'unsafe-inline', no 'unsafe-eval').
//
// Why not Astro's own `security.csp`: it hashes only the scripts Astro bundles, not Starlight's
// `is:inline` scripts (theme, sidebar state, search shortcut: 5 of the 7 inline scripts of a
// page), and it writes its <meta> after Starlight's theme script, which then runs unchecked.
// This step runs after the build instead, hashes each page's own inline scripts and styles, and
// puts the <meta> first in <head>.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directives every page shares, in the meta and in the headers. */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  // Starlight's and Expressive Code's CSS draw their icons as data: SVG images.
  "img-src 'self' data:",
  // The widgets start their Web Worker from a one-line blob: module that imports the worker
  // script from /_astro/: a blob: worker inherits this page's policy, a worker loaded from its
  // own URL would not (src/components/widgets/shared/policy-worker.ts).
  "worker-src 'self' blob:",
  // Nothing pasted can be sent anywhere: fetch, XHR, WebSocket, beacons only to this site.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

// Pagefind's search compiles WebAssembly in the page (the site starts it without its worker, see
// src/search/pagefind-ui-core.ts, so a meta-only host holds it to this policy too):
// 'wasm-unsafe-eval' allows exactly that (WebAssembly.instantiate), not eval() or new Function().
// Without it search finds nothing.
const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

// Styles. <style> elements (Astro's inlined CSS, the <style> of each build-time Mermaid SVG) are
// allowed by hash, like scripts. Style attributes cannot be hashed practically: Expressive Code
// colours every token with one (tens of thousands per site) and the Mermaid SVGs carry them too,
// so style-src-attr needs 'unsafe-inline'. A style attribute cannot run code, and with img-src,
// font-src and connect-src limited to the site it cannot send anything away either.
// style-src itself is the fallback for browsers without CSP level 3 (-elem/-attr), which then
// need 'unsafe-inline' for the same attributes.
const STYLE_FALLBACK = "style-src 'self' 'unsafe-inline'";
const STYLE_ATTR = "style-src-attr 'unsafe-inline'";

// The one exception, the validator page: CodeMirror styles itself through a <style> element it
// writes at run time (style-mod: constructed style sheets only inside a shadow root), and its text
// grows as editor parts (tooltips, panels, themes) mount, so no build-time hash can match it; a
// nonce needs a fresh value per response, which a static host cannot give. That page alone gets
// 'unsafe-inline' for <style> elements. Scripts stay hash-only there too.
const RUNTIME_STYLE_PAGES = /(^|\/)tools\/validator\/index\.html$/;

/** Only what meta cannot say: a page may not be framed by another site. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

const JS_TYPES = /^(|module|importmap|speculationrules|(text|application)\/(x-)?(java|ecma)script)$/i;

/** 'sha256-…' of an inline element's text, as the browser computes it (after CRLF → LF). */
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

/** Spans [start, end) of the <svg> elements of a page, where HTML is parsed as XML-ish foreign
 * content: there an element's text is not its raw source (entities, CDATA). */
function svgSpans(html) {
  const spans = [];
  const tags = /<(\/?)svg\b[^>]*>/gi;
  let depth = 0;
  let start = 0;
  for (const m of html.matchAll(tags)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) spans.push([start, m.index]);
  }
  return spans;
}

/** The text of each inline element `tag` that the browser checks against the policy. */
function inlineTexts(html, tag, runs) {
  const spans = svgSpans(html);
  const texts = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    const [, attrs, text] = m;
    if (!runs(attrs)) continue;
    if (/&|<!\[CDATA\[/.test(text) && spans.some(([a, b]) => m.index > a && m.index < b)) {
      throw new Error(`csp: an inline <${tag}> inside an SVG contains & or CDATA; its hash would not match what the browser hashes`);
    }
    texts.push(text);
  }
  return texts;
}

const isInlineScript = (attrs) => !/\ssrc\s*=/i.test(attrs) && JS_TYPES.test(/\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '');

/** Hashes of the inline scripts that run on the page (JSON data blocks do not run). */
export function scriptHashes(html) {
  return [...new Set(inlineTexts(html, 'script', isInlineScript).map(cspHash))];
}

/** Hashes of the page's <style> elements. */
export function styleHashes(html) {
  return [...new Set(inlineTexts(html, 'style', () => true).map(cspHash))];
}

/** The policy of one page (`file`: its path in dist/), as a list of directives. */
export function pagePolicy(html, file = '') {
  // With 'unsafe-inline', hashes would make browsers ignore it: list one or the other.
  const styleElements = RUNTIME_STYLE_PAGES.test(file) ? ["'unsafe-inline'"] : styleHashes(html);
  return [
    ...BASE_DIRECTIVES,
    ['script-src', ...SCRIPT_SOURCES, ...scriptHashes(html)].join(' '),
    STYLE_FALLBACK,
    ["style-src-elem 'self'", ...styleElements].join(' '),
    STYLE_ATTR,
  ];
}

/** The page with its policy in a <meta> right after <meta charset>, before any script. */
export function withCspMeta(html, file = '') {
  if (/<meta http-equiv="content-security-policy"/i.test(html)) throw new Error('csp: page already has a CSP meta');
  const meta = `<meta http-equiv="content-security-policy" content="${pagePolicy(html, file).join('; ')}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  const at = charset ? charset.index + charset[0].length : html.indexOf('<head>') + '<head>'.length;
  if (at < '<head>'.length) throw new Error('csp: page has no <head>');
  return html.slice(0, at) + meta + html.slice(at);
}

/** The policy for hosts that send headers: the same directives with every page's script hashes
 * merged, plus frame-ancestors. <style> elements are not hashed here: the header also covers
 * files without a meta (SVG), and each page's meta still holds its <style> elements to its own
 * hashes (a page gets both policies, and the browser enforces both). */
export function headerPolicy(pages) {
  const scripts = new Set(pages.flatMap((html) => scriptHashes(html)));
  return [
    ...BASE_DIRECTIVES,
    ...HEADER_ONLY_DIRECTIVES,
    ['script-src', ...SCRIPT_SOURCES, ...[...scripts].sort()].join(' '),
    STYLE_FALLBACK,
  ].join('; ');
}

const OTHER_HEADERS = [['X-Content-Type-Options', 'nosniff']];

/** Netlify / Cloudflare Pages `_headers` file. */
export function headersFile(policy) {
  return ['/*', `  Content-Security-Policy: ${policy}`, ...OTHER_HEADERS.map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
}

/** An nginx snippet to `include` in the server block that serves dist/. */
export function nginxSnippet(policy) {
  return [
    '# Generated by src/plugins/csp.mjs at build time; include it in the server { } that serves dist/.',
    `add_header Content-Security-Policy "${policy}" always;`,
    ...OTHER_HEADERS.map(([k, v]) => `add_header ${k} "${v}" always;`),
    '',
  ].join('\n');
}

/** Astro integration: writes each page's CSP meta, then dist/_headers and dist/csp-headers.nginx.conf.
 * Keep it last in `integrations`, so that it hashes the final HTML. */
export function contentSecurityPolicy() {
  return {
    name: 'mesh-tls-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        const pages = [];
        for (const file of files) {
          const html = await readFile(join(root, file), 'utf8');
          pages.push(html);
          await writeFile(join(root, file), withCspMeta(html, file));
        }
        const policy = headerPolicy(pages);
        await writeFile(join(root, '_headers'), headersFile(policy));
        await writeFile(join(root, 'csp-headers.nginx.conf'), nginxSnippet(policy));
        logger.info(`CSP meta on ${files.length} page(s); _headers and csp-headers.nginx.conf written`);
      },
    },
  };
}
