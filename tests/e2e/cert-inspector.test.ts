// The certificate inspector widget on the built pages, in real Chromium, in both languages: a
// chain with its key and trust bundle, a failing chain with each stack's words and the catalog
// link, a Kubernetes Secret, bad input with its line, a large paste that keeps the page
// responsive, privacy (no request carries the paste) and axe. Certificates are made in memory
// when the test runs (src/lib/cert/fixtures/make.ts): no key is committed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { makeChain, makeLeaf, type Made } from '../../src/lib/cert/fixtures/make.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let root: Made, int: Made, leaf: Made;

beforeAll(async () => {
  ({ root, int, leaf } = await makeChain());
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(() => browser?.close());

const LANGS = ['ko', 'en'] as const;
const prefix = (lang: 'ko' | 'en') => (lang === 'en' ? '/en' : '');

async function openWidget(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  await page.waitForSelector('mtls-cert-inspector:not([data-loading])');
  return page;
}

/** Waits until the result for the current input is drawn. */
const settled = (page: Page) => page.waitForFunction(() => {
  const w = document.querySelector('mtls-cert-inspector');
  return w && !w.hasAttribute('aria-busy') && !/…/.test(w.querySelector('[data-status]')?.textContent ?? '');
}, undefined, { timeout: 60_000 });

function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}
const unexpected = (seen: Request[]) =>
  seen.filter((r) => !(r.url().startsWith(`${baseUrl}/_astro/`) && r.url().endsWith('.js') && r.method() === 'GET')).map((r) => `${r.method()} ${r.url()}`);

describe.each(LANGS)('certificate inspector (%s)', (lang) => {
  const path = `${prefix(lang)}/tools/cert-inspector/`;

  it('accepts a chain with its key against its root, says the key stayed local, and uploads nothing', async () => {
    const page = await openWidget(path);
    const seen = recordRequests(page);
    await page.fill('[data-trust]', root.pem);
    await page.fill('[data-host]', 'app.example');
    await page.fill('[data-input]', `${leaf.pem}\n${int.pem}\n${leaf.keyPem}`);
    await settled(page);
    expect(await page.getAttribute('[data-verdict]', 'data-ok')).toBe('true');
    expect(await page.locator('[data-key-note]').textContent()).toMatch(lang === 'ko' ? /브라우저 밖으로 나가지 않았고.*공개 부분만/ : /stayed in this browser.*only its public part/);
    expect(await page.locator('.mtls-cert-card').count()).toBe(3);
    expect(await page.locator('.mtls-chain[data-anchored="true"] li').count()).toBe(3);
    expect(await page.locator('.mtls-cert-card').first().textContent()).toContain('spiffe://cluster.local/ns/default/sa/web');
    // The key text itself is nowhere on the page outside the box it was pasted into.
    const keyLine = leaf.keyPem.split('\n')[1]!;
    expect(await page.locator('[data-results]').textContent()).not.toContain(keyLine);
    expect(unexpected(seen)).toEqual([]);
    await page.close();
  });

  it('names each stack\'s error and links the catalog entry when the chain fails', async () => {
    const page = await openWidget(path);
    await page.fill('[data-trust]', root.pem);
    await page.fill('[data-host]', 'api.example');
    await page.fill('[data-input]', leaf.pem);
    await settled(page);
    expect(await page.getAttribute('[data-verdict]', 'data-ok')).toBe('false');
    expect(await page.textContent('[data-stack="openssl"]')).toBe('error 20 at 0 depth lookup: unable to get local issuer certificate');
    expect(await page.textContent('[data-stack="go"]')).toBe('x509: certificate signed by unknown authority');
    expect(await page.textContent('[data-stack="boringssl"]')).toMatch(/^CERTIFICATE_VERIFY_FAILED: .*depth 0: unable to get local issuer certificate$/);
    expect(await page.getAttribute('[data-verdict] a[data-error-link]', 'href')).toBe(`${prefix(lang)}/errors/unable-to-get-issuer/`);
    // The host name is wrong too: listed as a further finding with its own catalog link.
    expect(await page.getAttribute('.mtls-finding[data-kind="hostname"] a[data-error-link]', 'href')).toBe(`${prefix(lang)}/errors/hostname-mismatch/`);
    await page.close();
  });

  it('reads a Kubernetes Secret, and re-checks when the purpose changes', async () => {
    const client = await makeLeaf(int, { cn: 'client', eku: ['1.3.6.1.5.5.7.3.2'] });
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-tls\ndata:\n  tls.crt: ${b64(client.pem + int.pem)}\n  tls.key: ${b64(client.keyPem)}\n  ca.crt: ${b64(root.pem)}\n`;
    const page = await openWidget(path);
    await page.fill('[data-input]', secret);
    await settled(page);
    expect(await page.getAttribute('[data-verdict]', 'data-ok')).toBe('false');
    expect(await page.textContent('[data-stack="openssl"]')).toContain('unsupported certificate purpose');
    await page.selectOption('[data-purpose]', 'client');
    await page.waitForSelector('[data-verdict][data-ok="true"]');
    expect(await page.locator('.mtls-cert-card').first().textContent()).toContain('tls.crt');
    await page.close();
  });

  it('says which line of bad input is wrong, never a blank result, and stays responsive on a large paste', async () => {
    const page = await openWidget(path);
    const broken = leaf.pem.replace(/-----END CERTIFICATE-----\n?$/, '');
    await page.fill('[data-input]', `# from the gateway\n\n${broken}`);
    await settled(page);
    const problem = page.locator('[data-problem]').first();
    expect(await problem.getAttribute('data-line')).toBe('3');
    expect(await problem.textContent()).toMatch(lang === 'ko' ? /^3번째 줄: .*END 줄이 없다/ : /^line 3: .*no matching END line/);
    await page.fill('[data-input]', 'hello');
    await settled(page);
    expect(await page.locator('[data-problem]').count()).toBe(1);
    expect(await page.locator('[data-verdict]').count()).toBe(1);

    // About 300 KB of certificates, put in at once as a paste does (Playwright's fill of this much
    // text waits on its own actionability checks for longer than the test allows on a busy
    // machine): checked in the worker while the page keeps answering.
    await page.evaluate((text) => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-input]')!;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, `${leaf.pem}\n${int.pem}\n`.repeat(200));
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await page.evaluate(() => document.body.childElementCount);
      expect(Date.now() - t0).toBeLessThan(1500);
      await page.waitForTimeout(200);
    }
    await settled(page);
    // All 400 are counted; 30 are drawn, with a line saying how many more there are.
    expect(await page.textContent('[data-status]')).toMatch(/400/);
    expect(await page.locator('.mtls-cert-card').count()).toBe(30);
    expect(await page.locator('[data-more]').last().textContent()).toMatch(/370/);
    const t0 = Date.now();
    await page.evaluate(() => document.body.childElementCount);
    expect(Date.now() - t0).toBeLessThan(1500);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violation with a verdict shown (%s theme)', async (theme) => {
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(`${baseUrl}${path}`);
    await page.waitForSelector('mtls-cert-inspector:not([data-loading])');
    await page.fill('[data-host]', 'api.example');
    await page.fill('[data-input]', `${leaf.pem}\n${int.pem}\n${leaf.keyPem}`);
    await settled(page);
    expect(await axeViolations(page, '.mtls-widget')).toEqual([]);
    await page.close();
  });
});
