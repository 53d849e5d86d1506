// The validator and decoder widgets on the built pages, in real Chromium, in both languages:
// typing and pasting, lint markers, click-to-line, presets, share links, hostile input, privacy
// (no request carries what was pasted) and axe on the filled-in states.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { presets } from '../../src/lib/validator/presets/index.ts';
import { DECODER_PRESETS } from '../../src/components/widgets/decoder/presets.ts';
import { DECODER_STRINGS } from '../../src/components/widgets/decoder/strings.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(() => browser?.close());

const LANGS = ['ko', 'en'] as const;
const prefix = (lang: 'ko' | 'en') => (lang === 'en' ? '/en' : '');

/** A DestinationRule whose keepalive time lacks its unit on the last line (line 13). */
const DR_NO_UNIT = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner
  namespace: istio-egress
spec:
  host: api.northwind.example
  trafficPolicy:
    connectionPool:
      tcp:
        tcpKeepalive:
          interval: 30s
          time: 300`;

const ENVOY_LINE = DECODER_PRESETS.find((p) => p.id === 'envoy-verify-failed')!.text;

/** Pastes text the way a browser does: a paste event carrying the clipboard data. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  // The validator's editor arrives when the reader first clicks into the plain input it replaces.
  if (selector === '.cm-content' && (await page.locator(selector).count()) === 0) await page.click('#mtls-val-input');
  await page.locator(selector).click();
  await page.evaluate(({ selector, text }) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.querySelector(selector)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { selector, text });
}

async function openWidget(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  await page.waitForSelector('.mtls-widget:not([data-loading])');
  return page;
}

const editorText = (page: Page) => page.$$eval('.cm-content .cm-line', (lines) => lines.map((l) => l.textContent).join('\n'));
const findings = (page: Page) => page.$$eval('.mtls-finding', (els) => els.map((e) => `${e.getAttribute('data-rule')}@${e.getAttribute('data-line')}`));
/** Waits until the status line says the check for the current text is done. */
const settled = (page: Page) => page.waitForFunction(() => {
  const w = document.querySelector('.mtls-widget');
  return w && !w.hasAttribute('aria-busy') && !/…/.test(document.querySelector('[data-status]')?.textContent ?? '');
}, undefined, { timeout: 15_000 });

/** The page answers a script call within `ms` (the main thread is not blocked). */
async function responsive(page: Page, ms = 1500): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.evaluate(() => document.body.childElementCount);
    expect(Date.now() - t0).toBeLessThan(ms);
    await page.waitForTimeout(200);
  }
}

/** Requests made from now on. Once the page is up, only the widget's own scripts (the worker,
 * started from a blob: of this origin that imports its script) may still load, from the same
 * origin; nothing may carry the pasted text. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}
const unexpected = (seen: Request[]) =>
  seen.filter((r) => !(r.method() === 'GET' && ((r.url().startsWith(`${baseUrl}/_astro/`) && r.url().endsWith('.js')) || r.url().startsWith(`blob:${baseUrl}/`)))).map((r) => `${r.method()} ${r.url()}`);

describe.each(LANGS)('validator widget (%s)', (lang) => {
  const path = `${prefix(lang)}/tools/validator/`;

  it('marks a typed mistake, lists it, and clears it when fixed by typing', async () => {
    const page = await openWidget(path);
    const seen = recordRequests(page);
    await paste(page, '.cm-content', DR_NO_UNIT);
    await page.waitForSelector('.mtls-finding[data-rule="duration-unit"]');
    expect(await findings(page)).toContain('duration-unit@13');
    expect(await page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    expect(await page.locator('.cm-lintRange-error, .cm-lintPoint-error').count()).toBeGreaterThan(0);
    // Each finding links to its rule's section and to its guide, in the page's language.
    const ruleHref = await page.locator('.mtls-finding[data-rule="duration-unit"] a').first().getAttribute('href');
    expect(ruleHref).toBe(`${prefix(lang)}/tools/validator-rules/#duration-unit`);
    expect(await page.locator('.mtls-finding[data-rule="duration-unit"] a[data-docs]').getAttribute('href')).toMatch(new RegExp(`^${prefix(lang)}/[a-z-]+/[a-z0-9-]+/$`));

    // Type the unit at the end of the document: the finding goes away.
    await page.locator('.cm-content').press('Control+End');
    await page.keyboard.type('s');
    await page.waitForFunction(() => !document.querySelector('.mtls-finding[data-rule="duration-unit"]'));
    await settled(page);
    expect(await editorText(page)).toContain('time: 300s');
    expect(unexpected(seen)).toEqual([]);
    await page.close();
  });

  it('works with the plain input and shows its examples before the editor and the engine arrive', async () => {
    const page = await openWidget(path);
    await page.waitForLoadState('networkidle');
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()!));
    // Neither CodeMirror nor the worker (the engine and its schemas) is fetched for a visit that
    // only reads; the examples are in the page.
    expect((await loaded()).filter((name) => /^(editor\.|engine-|worker-\w{8}\.js)/.test(name))).toEqual([]);
    expect(await page.locator('.cm-content').count()).toBe(0);
    expect(await page.locator('select[data-presets] option').count()).toBe(presets.length + 1);
    // The first click into the input brings the editor, keeping what was typed; the first check
    // starts the worker.
    await page.locator('#mtls-val-input').pressSequentially('kind: Gateway');
    await page.waitForSelector('.cm-content');
    await expect.poll(() => editorText(page)).toContain('kind: Gateway');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await settled(page);
    expect((await loaded()).some((name) => /^worker-\w{8}\.js/.test(name))).toBe(true);
    await page.close();
  });

  it('moves the cursor to a finding\'s line when it is clicked', async () => {
    const page = await openWidget(`${path}#preset=pitfall-sni-mismatch`);
    const item = page.locator('.mtls-finding[data-rule="align-sni"]');
    await item.waitFor();
    const line = Number(await item.getAttribute('data-line'));
    expect(line).toBeGreaterThan(30); // far enough down that the editor has to scroll
    await item.locator('button[data-goto]').click();
    await expect.poll(() => page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent()).toBe(String(line));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    expect(await page.locator('.cm-activeLine').textContent()).toContain('sni:');
    await expect.poll(() => page.locator('.cm-activeLine').isVisible()).toBe(true);
    // Not parked under the sticky page header: the line's top is below the header's bottom.
    const below = () => page.evaluate(() => {
      const line = document.querySelector('.cm-activeLine')!.getBoundingClientRect();
      return line.top - document.querySelector('header.header')!.getBoundingClientRect().bottom;
    });
    await expect.poll(below).toBeGreaterThanOrEqual(0);
    // Also from a map row, after the page was scrolled to the bottom (the editor far above).
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('.mtls-align li[data-link="dr1-sni"] button[data-goto]').first().click();
    await expect.poll(below).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('loads each example from the list, with the findings it is meant to show', async () => {
    const page = await openWidget(path);
    for (const preset of presets) {
      await page.selectOption('select[data-presets]', preset.id);
      await page.click('button[data-load-preset]');
      await settled(page);
      await expect.poll(async () => (await editorText(page)).split('\n')[0]).toBe(preset.yaml.split('\n')[0]);
      const rules = new Set((await findings(page)).map((f) => f.split('@')[0]));
      for (const id of preset.expect) expect(rules, `${preset.id} → ${id}`).toContain(id);
      if (preset.expect.length === 0) {
        // The valid bundle: the plain all-clear state that says what was checked, and a full map.
        expect(await page.locator('[data-ok]').first().textContent()).toMatch(/DestinationRule 2/);
        expect(await page.locator('.mtls-align li[data-link]').count()).toBeGreaterThan(5);
        expect(await page.locator('.mtls-align li[data-status="mismatch"]').count()).toBe(0);
        expect(await page.locator('details[data-align-folded]').count()).toBe(0); // nothing to fold against
      }
    }
    await page.close();
  });

  it('draws the alignment map with the mismatching pair marked', async () => {
    const page = await openWidget(`${path}#preset=pitfall-sni-mismatch`);
    await page.waitForSelector('.mtls-align li[data-link]');
    const row = page.locator('.mtls-align li[data-link="dr1-sni"]');
    expect(await row.getAttribute('data-status')).toBe('mismatch');
    expect(await row.locator('code').allTextContents()).toEqual(['northwind.example', 'api.northwind.example']);
    expect(await page.locator('.mtls-align li[data-link="se-hosts"]').getAttribute('data-status')).toBe('match');
    // The mismatch comes first; the matching rows are folded under their count until opened.
    expect(await page.locator('.mtls-align li[data-link]').first().getAttribute('data-status')).toBe('mismatch');
    const folded = page.locator('details[data-align-folded]');
    const matching = await folded.locator('li[data-status="match"]').count();
    expect(matching).toBeGreaterThan(0);
    expect(await folded.locator('li[data-link]:not([data-status="match"])').count()).toBe(0);
    expect(await folded.locator('summary').textContent()).toBe(lang === 'ko' ? `맞는 연결 ${matching}개` : `${matching} links match`);
    expect(await page.locator('.mtls-align li[data-link="se-hosts"]').isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await page.locator('.mtls-align li[data-link="se-hosts"]').isVisible()).toBe(true);
    await page.close();
  });

  it('round-trips YAML through a share link', async () => {
    const page = await openWidget(path);
    const seen = recordRequests(page);
    await paste(page, '.cm-content', `# 공유 테스트 <b>not html</b>\n${DR_NO_UNIT}`);
    await page.waitForSelector('.mtls-finding[data-rule="duration-unit"]');
    const before = { text: await editorText(page), findings: await findings(page) };
    await page.click('button[data-share]');
    await page.waitForSelector('input[data-share-out]:not([hidden])');
    const link = await page.inputValue('input[data-share-out]');
    expect(link).toMatch(new RegExp(`^${baseUrl}${path}#yaml=[A-Za-z0-9_-]+$`));
    expect(unexpected(seen)).toEqual([]);

    const other = await openWidget(link.slice(baseUrl.length));
    await other.waitForSelector('.mtls-finding');
    await settled(other);
    expect(await editorText(other)).toBe(before.text);
    expect(await findings(other)).toEqual(before.findings);
    // The pasted markup stayed text.
    expect(await other.locator('.cm-content b').count()).toBe(0);
    await other.close();
    await page.close();
  });

  it('shows a clear message for hostile input and stays responsive', async () => {
    const page = await openWidget(path);
    const seen = recordRequests(page);
    const status = () => page.locator('[data-status]').textContent();

    // Binary junk.
    await paste(page, '.cm-content', '\u0000\u0001\u0002PK\u0003\u0004 binary');
    await page.waitForSelector('.mtls-finding[data-rule="yaml-syntax"]');
    await responsive(page);

    // An alias bomb ("billion laughs").
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    await page.click('button[data-clear]');
    await paste(page, '.cm-content', bomb);
    await settled(page);
    await responsive(page);
    expect((await findings(page)).length).toBeGreaterThan(0);

    // Deep nesting.
    await page.click('button[data-clear]');
    await paste(page, '.cm-content', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    await settled(page);
    await responsive(page);
    expect(await status()).not.toBe('');

    // 10 MB: refused with a message, the tab keeps answering.
    await page.click('button[data-clear]');
    const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n' + '  k: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"\n'.repeat(150_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    await paste(page, '.cm-content', big);
    await page.waitForSelector('.mtls-problem[role="alert"]', { timeout: 30_000 });
    await responsive(page, 3000);

    // Empty again: the starting hint, no leftover markers.
    await page.click('button[data-clear]');
    await settled(page);
    await expect.poll(() => page.locator('.mtls-results .mtls-hint').count()).toBe(1);
    expect(await page.locator('.cm-lintRange, .cm-lintPoint').count()).toBe(0);
    expect(unexpected(seen)).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violation with findings and a map shown (%s theme)', async (theme) => {
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(`${baseUrl}${path}#preset=pitfall-sni-mismatch`);
    await page.waitForSelector('.mtls-align li[data-link]');
    await page.click('button[data-share]');
    expect(await axeViolations(page, '.mtls-widget')).toEqual([]);
    await page.close();
  });
});

describe.each(LANGS)('decoder widget (%s)', (lang) => {
  const path = `${prefix(lang)}/tools/decoder/`;

  it('decodes a pasted Envoy access-log line into a card with the right category and side', async () => {
    const page = await openWidget(path);
    const seen = recordRequests(page);
    await page.fill('textarea', ENVOY_LINE);
    const card = page.locator('.mtls-card[data-id="certificate-verify-failed"]');
    await card.waitFor();
    expect(await card.locator('[data-category]').getAttribute('data-category')).toBe('cert-verify-failed');
    expect(await card.locator('[data-side]').getAttribute('data-side')).toBe('upstream');
    expect(await card.locator('.mtls-decoded').textContent()).toContain('268435581');
    expect(await card.locator('a[data-error-link]').getAttribute('href')).toBe(`${prefix(lang)}/errors/certificate-verify-failed/`);
    expect(await card.locator('button[data-copy]').count()).toBeGreaterThan(0);
    expect(await page.locator('.mtls-log dd code').allTextContents()).toContain('outbound|443||api.northwind.example');
    // Which hop: read from the cluster name (a sidecar's direct cluster or hop 2, as the line alone cannot tell).
    expect(await page.locator('.mtls-log [data-hop]').getAttribute('data-hop')).toBe('external');
    // The reader says which proxy wrote the line (a labelled select, shown for access-log lines),
    // and the line is read again as the gateway's: hop 2, with the gateway's commands.
    const proxy = page.getByLabel(DECODER_STRINGS[lang].proxyLabel);
    expect(await proxy.isVisible()).toBe(true);
    expect(await proxy.inputValue()).toBe('');
    await proxy.selectOption('gateway');
    await page.waitForFunction(() => document.querySelector('.mtls-log [data-hop]')?.getAttribute('data-hop') === 'hop2', undefined, { timeout: 15_000 });
    expect((await page.locator('.mtls-log [data-hop] pre code').allTextContents()).join('\n')).toContain('deploy/istio-egressgateway -n istio-egress');
    await proxy.selectOption('sidecar');
    await page.waitForFunction(() => document.querySelector('.mtls-log [data-hop]')?.getAttribute('data-hop') === 'direct', undefined, { timeout: 15_000 });
    // The root cause is the card itself, not an envelope pointing at it.
    expect(await card.locator('.mtls-because').count()).toBe(0);
    expect(await page.locator('[data-status]').textContent()).toMatch(/\d/);
    // Text that is not an access log does not ask which proxy wrote it.
    await page.fill('textarea', 'curl: (60) SSL certificate problem: certificate has expired');
    await page.waitForSelector('.mtls-card[data-id="cert-expired"]');
    await settled(page);
    expect(await proxy.isHidden()).toBe(true);
    expect(unexpected(seen)).toEqual([]);
    await page.close();
  });

  it('loads each example with the entry it stands for', async () => {
    const page = await openWidget(path);
    for (const preset of DECODER_PRESETS) {
      await page.click(`button[data-preset="${preset.id}"]`);
      await page.waitForSelector(`.mtls-card[data-id="${preset.expect}"]`);
      expect(await page.inputValue('textarea')).toBe(preset.text);
    }
    await page.close();
  });

  it('round-trips the text through a #q= link', async () => {
    const page = await openWidget(path);
    const text = `curl: (60) SSL certificate problem: certificate has expired\n<img src=x onerror="document.title='x'"> & 100%`;
    await page.fill('textarea', text);
    await page.waitForSelector('.mtls-card');
    const cards = await page.$$eval('.mtls-card', (els) => els.map((e) => e.getAttribute('data-id')));
    // A certificate error offers the certificate inspector, in the page's language.
    expect(await page.locator('.mtls-card[data-id="cert-expired"] a[data-inspect-link]').getAttribute('href')).toBe(`${prefix(lang)}/tools/cert-inspector/`);
    await page.click('button[data-share]');
    await page.waitForSelector('input[data-share-out]:not([hidden])');
    const link = await page.inputValue('input[data-share-out]');
    expect(link.startsWith(`${baseUrl}${path}#q=`)).toBe(true);

    const other = await openWidget(link.slice(baseUrl.length));
    await other.waitForSelector('.mtls-card');
    expect(await other.inputValue('textarea')).toBe(text);
    expect(await other.$$eval('.mtls-card', (els) => els.map((e) => e.getAttribute('data-id')))).toEqual(cards);
    expect(await other.locator('.mtls-results img').count()).toBe(0);
    await other.close();
    await page.close();
  });

  it('offers the nearest entries when nothing is recognised', async () => {
    const page = await openWidget(`${path}#q=${encodeURIComponent('handshake went wrong: certificate verify thing')}`);
    await page.waitForSelector('.mtls-none');
    expect(await page.locator('.mtls-card').count()).toBe(0);
    expect(await page.locator('.mtls-none a').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a clear message for hostile input and stays responsive', async () => {
    const page = await openWidget(path);
    const seen = recordRequests(page);
    await page.fill('textarea', '   ');
    await settled(page);
    expect(await page.locator('.mtls-results .mtls-hint').count()).toBe(1);

    await page.fill('textarea', '\u0000\u0001\u0002\u0003PK\u0003\u0004'.repeat(100));
    await page.waitForSelector('.mtls-problem[role="alert"]');
    await responsive(page);

    await page.fill('textarea', 'x'.repeat(10_500_000));
    await page.waitForSelector('.mtls-problem[role="alert"]');
    await responsive(page, 3000);

    // Many real lines (under the limit) still decode without blocking the page.
    await page.fill('textarea', '');
    const many = `${ENVOY_LINE}\n`.repeat(1500);
    expect(many.length).toBeGreaterThan(700_000);
    await page.fill('textarea', many);
    await page.waitForSelector('.mtls-card[data-id="certificate-verify-failed"]', { timeout: 20_000 });
    await responsive(page);
    expect(unexpected(seen)).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violation with cards shown (%s theme)', async (theme) => {
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(`${baseUrl}${path}#preset=envoy-verify-failed`);
    await page.waitForSelector('.mtls-card');
    await page.click('button[data-share]');
    expect(await axeViolations(page, '.mtls-widget')).toEqual([]);
    await page.close();
  });
});
