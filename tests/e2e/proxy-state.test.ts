// The proxy state explainer widget on the built pages, in real Chromium: the example explained
// (findings cards with their links, the TLS map, the filter, the keyboard), bad input with its
// file and line, the private-key notice, a generated 20 MB dump chosen as a file (read in the
// worker with progress and a stop button, the list keeps only a window of rows in the DOM, the
// page keeps answering), and no request leaving the site. One page load per language: the whole
// e2e suite runs close to CI's time limit.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { benchCerts, dumpPieces } from '../../src/lib/explain/bench.ts';
import { EXPLAIN_PRESETS } from '../../src/components/widgets/explain/presets.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;
let big: { path: string; clusters: number };

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'proxy-state-'));
  // The engine's bench dump (a busy gateway: clusters, SNI filter chains, routes, secrets with
  // certificates made now), 20 MB, written piece by piece.
  const path = join(dir, 'gateway-config.json');
  const ws = createWriteStream(path);
  for (const piece of dumpPieces(20 * 1024 * 1024, await benchCerts(3))) if (!ws.write(piece)) await new Promise<void>((r) => ws.once('drain', () => r()));
  await new Promise<void>((r) => ws.end(() => r()));
  big = { path, clusters: readFileSync(path, 'utf8').match(/envoy\.config\.cluster\.v3\.Cluster"/g)!.length };
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const LANGS = ['ko', 'en'] as const;
const prefix = (lang: 'ko' | 'en') => (lang === 'en' ? '/en' : '');
const EXAMPLE = EXPLAIN_PRESETS[0]!;

/** Waits until the result for the current input is drawn. */
const settled = (page: Page) => page.waitForFunction(() => {
  const w = document.querySelector('mtls-proxy-state');
  return w && !w.hasAttribute('aria-busy') && !/…/.test(w.querySelector('[data-status]')?.textContent ?? '');
}, undefined, { timeout: 60_000 });

/** Puts text in the paste box at once, as a paste does. */
const put = (page: Page, text: string) => page.evaluate((t) => {
  const box = document.querySelector<HTMLTextAreaElement>('[data-input]')!;
  box.value = t;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}, text);

const options = (page: Page) => page.locator('[data-list] [role="option"]');

describe.each(LANGS)('proxy state explainer (%s)', (lang) => {
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage();
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await page.goto(`${baseUrl}${prefix(lang)}/tools/proxy-state/`, { waitUntil: 'load' });
    await page.waitForSelector('mtls-proxy-state:not([data-loading])');
  });
  afterAll(() => page?.close());

  it('explains the example: the map, the findings with their links, the filter and the keyboard', async () => {
    // The Try-it links of the pages open the example through the fragment; the button does the same.
    if (lang === 'en') await page.evaluate((id) => { location.hash = `preset=${id}`; }, EXAMPLE.id);
    else await page.click(`button[data-preset="${EXAMPLE.id}"]`);
    await page.waitForSelector('.mtls-px-cards');
    await settled(page);
    const status = await page.textContent('[data-status]');
    expect(status).toMatch(lang === 'ko' ? /클러스터 2개, 필터 체인 2개, 시크릿 3개/ : /2 clusters, 2 filter chains, 3 secrets/);
    expect(await page.textContent('[data-forms]')).toContain('Envoy config_dump');

    // Each finding card names the Istio field and links a page of this language.
    const cards = page.locator('.mtls-px-cards > li');
    expect(await cards.count()).toBeGreaterThan(0);
    for (let i = 0; i < await cards.count(); i++) {
      const card = cards.nth(i);
      expect(await card.locator('[data-field]').textContent()).toMatch(/^[A-Z][\w.]+/);
      const href = await card.locator('a[data-docs-link]').getAttribute('href');
      expect(href).toMatch(lang === 'en' ? /^\/en\/[a-z]/ : /^\/(?!en\/)[a-z]/);
    }
    // The partner's client certificate is still warming: the SDS error of the catalog.
    const sds = page.locator('.mtls-px-cards a[data-error-link="sds-secret-not-supplied"]');
    expect(await sds.getAttribute('href')).toBe(`${prefix(lang)}/errors/sds-secret-not-supplied/`);

    // The map: clusters first, then the filter narrows it by SNI.
    expect(await options(page).count()).toBe(2);
    await page.fill('[data-filter]', 'api.northwind');
    await expect.poll(() => options(page).count()).toBe(1);
    expect(await options(page).first().textContent()).toContain('outbound|443||api.northwind.example');
    await page.fill('[data-filter]', 'no-such-host');
    await expect.poll(() => page.textContent('[data-list-status]')).toBe(lang === 'ko' ? '거르기 조건에 맞는 행이 없다.' : 'No row matches the filter.');
    await page.fill('[data-filter]', '');

    // Listener filter chains of virtualInbound: PERMISSIVE, one mTLS chain and one plaintext.
    await page.check('input[data-kind][value="listener"]');
    // (Two clusters were listed too: wait for the listener rows themselves, or a late redraw would
    // reset the keyboard position below.)
    await expect.poll(() => options(page).allTextContents()).toEqual([expect.stringMatching(/mTLS.*PERMISSIVE/), expect.stringMatching(/plaintext.*PERMISSIVE/)]);

    // Keyboard: into the list, down to the second chain, Enter shows its details.
    await page.focus('[data-list]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('[data-list]', 'aria-activedescendant')).toBe('mtls-px-row-1');
    await page.keyboard.press('Enter');
    expect(await page.textContent('[data-details-name]')).toBe('virtualInbound #1');
    // Its facts come from the worker: the plaintext chain terminates no TLS, under PERMISSIVE.
    await page.waitForSelector('[data-facts]:not([aria-busy])');
    expect(await page.textContent('[data-facts]')).toMatch(/PERMISSIVE.*false/);
    expect(await page.getAttribute('#mtls-px-row-1', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#mtls-px-row-1', 'aria-setsize')).toBe('2');
    // With cards, the map and the details drawn (the page-load state is in pages.test.ts).
    expect(await axeViolations(page, 'mtls-proxy-state')).toEqual([]);
  });

  it('says which input and which line is wrong, and what to do', async () => {
    await put(page, '{\n  "configs": [\n    { "@type": "x", }\n  ]\n}\n');
    await settled(page);
    const problem = page.locator('[data-problem]').first();
    expect(await problem.getAttribute('data-line')).toBe('3');
    expect(await problem.textContent()).toMatch(lang === 'ko' ? /^붙여 넣은 텍스트, 3번째 줄.*올바른 JSON이 아니다.*출력 전체를 복사한다/ : /^pasted text, line 3.*not valid JSON.*Copy the whole output/);
    expect(await page.locator('[data-map]').isHidden()).toBe(true);
  });

  it('notes a private key in the input, which stays in the page', async () => {
    const key = execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], { encoding: 'utf8' });
    const withKey = EXAMPLE.text.replace('"W3JlZGFjdGVkXQ=="', JSON.stringify(Buffer.from(key).toString('base64')));
    expect(withKey).not.toBe(EXAMPLE.text);
    await put(page, withKey);
    await settled(page);
    expect(await page.textContent('[data-key-note]')).toMatch(lang === 'ko' ? /브라우저 밖으로 나가지 않았/ : /stayed in this browser/);
    const line = key.split('\n')[1]!;
    expect(await page.textContent('mtls-proxy-state [data-results]')).not.toContain(line);
  });

  it('reads dropped files: istioctl proxy-config secret output as YAML, named in the inputs', async () => {
    await put(page, '');
    const yaml = 'dynamicActiveSecrets:\n- name: default\n  secret:\n    name: default\n    tlsCertificate:\n      certificateChain:\n        inlineBytes: ' +
      /"inline_bytes": "([^"]+)"/.exec(EXAMPLE.text)![1] + '\n';
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'secrets.yaml', { type: 'text/yaml' }));
      document.querySelector('[data-drop]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, yaml);
    await page.waitForSelector('[data-files] li');
    await settled(page);
    expect(await page.textContent('[data-files]')).toContain('secrets.yaml');
    expect(await page.textContent('[data-forms]')).toContain('secrets.yaml: ');
    expect(await page.textContent('[data-forms]')).toContain('istioctl proxy-config secret');
    await expect.poll(() => options(page).count()).toBe(1);
    expect(await options(page).first().textContent()).toContain('spiffe://cluster.local/ns/shop/sa/checkout');
    await page.click('[data-files] button[data-remove]');
    await settled(page);
  });

  it('reads a 20 MB dump file in the worker, keeps the list small in the DOM and the page answering', async () => {
    await put(page, '');
    await settled(page);
    if (lang === 'ko') {
      // Stopping: the read is dropped and the page says so.
      await page.setInputFiles('[data-file]', big.path);
      await page.click('[data-cancel]:not([hidden])', { timeout: 10_000 });
      expect(await page.locator('[data-cancelled]').count()).toBe(1);
      await page.click('[data-files] button[data-remove]');
      await settled(page);
    }
    await page.setInputFiles('[data-file]', big.path);
    // While it is read and explained, the main thread keeps answering.
    for (let i = 0; i < 4; i++) {
      const t0 = Date.now();
      await page.evaluate(() => document.body.childElementCount);
      expect(Date.now() - t0).toBeLessThan(1000);
      await page.waitForTimeout(150);
    }
    await settled(page);
    expect(await page.textContent('[data-status]')).toContain(String(big.clusters));
    await page.check('input[data-kind][value="cluster"]');
    await expect.poll(() => page.locator('[data-list] [role="option"]').first().getAttribute('aria-setsize')).toBe(String(big.clusters));
    expect(await options(page).count()).toBeLessThan(60);
    // Scrolled to the end, the window moves: still few rows, the last one is the last cluster.
    await page.locator('[data-list]').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(() => page.locator(`[data-list] [aria-posinset="${big.clusters}"]`).count()).toBe(1);
    expect(await options(page).count()).toBeLessThan(60);
    // The filter searches every row, not only the drawn ones: a cluster by its host, a filter
    // chain by its SNI.
    await page.fill('[data-filter]', 'svc-1234.ns');
    await expect.poll(() => options(page).count()).toBe(1);
    await page.check('input[data-kind][value="listener"]');
    await page.fill('[data-filter]', 'api-120-2.partner.example');
    await expect.poll(() => options(page).count()).toBe(1);
    expect(await options(page).first().textContent()).toContain('0.0.0.0_10120');
    await page.fill('[data-filter]', '');
    await page.check('input[data-kind][value="cluster"]');
    await page.click('[data-clear]');
    await settled(page);
  });

  it('sent nothing: every request was a GET of the site itself', () => {
    const off = requests.filter((r) => !(r.startsWith('GET ') && (r.slice(4).startsWith(baseUrl) || r.slice(4).startsWith(`blob:${baseUrl}`))));
    expect(off).toEqual([]);
  });
});
