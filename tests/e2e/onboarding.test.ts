// The onboarding track in real Chromium, in both languages: answer a self-check (open the answer,
// mark the module done), reload and find the progress kept (module, summary, sidebar marks), reset
// it; no request leaves the site; the hands-on links open the tools on the right input; axe passes on
// the track's pages; the mentor plan prints on one page.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { PROGRESS_KEY } from '../../src/lib/onboarding/track.ts';
import { TRACK_STRINGS } from '../../src/components/onboarding/strings.ts';
import { parse } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Module } from '../../src/lib/onboarding/track.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const LANGS = ['ko', 'en'] as const;
const prefix = (lang: 'ko' | 'en') => (lang === 'en' ? '/en' : '');
const DATA = join(import.meta.dirname, '../../src/data/onboarding');
const modules = readdirSync(DATA).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(join(DATA, f), 'utf8')) as Module);
// One module per data file: the page must count what the track holds.
const MODULES = modules.length;
const moduleById = (id: string) => modules.find((m) => m.id === id)!;

async function open(page: Page, path: string): Promise<void> {
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  await page.waitForSelector('mtls-selfcheck [data-done]:not([disabled])');
}

describe.each(LANGS)('onboarding track (%s)', (lang) => {
  it('keeps a self-check done across a reload, shows it in the sidebar, resets it, and sends nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(baseUrl) && !r.url().startsWith('data:')) outside.push(r.url()); });
    const s = TRACK_STRINGS[lang];
    const p = prefix(lang);
    const check = page.locator('mtls-selfcheck[data-module="tls-basics"]');
    const done = check.locator('button[data-done]');
    const summary = page.locator('[data-track-summary]');
    const sidebarMark = page.locator(`#starlight__sidebar a[href="${p}/basics/ssl-vs-tls/"] .mtls-sidebar-mark`);
    const pathBadge = page.locator(`#starlight__sidebar a[href="${p}/start/learning-path/"] .mtls-sidebar-mark`);

    await open(page, `${p}/start/learning-path/`);
    await expect(summary.textContent()).resolves.toBe(s.progress(0, MODULES));
    await expect(done.getAttribute('aria-pressed')).resolves.toBe('false');

    // Answer: open the first question's answer and read its explanation.
    const details = check.locator('details').first();
    await details.locator('summary').click();
    await expect(details.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(details.locator('p').nth(1).isVisible()).resolves.toBe(true);
    // The hands-on check opens the decoder with its input.
    const tool = await check.locator('a.mtls-sc-tool').getAttribute('href');
    expect(tool).toMatch(new RegExp(`^${p}/tools/decoder/#q=`));

    await done.click();
    await expect(done.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(summary.textContent()).resolves.toBe(s.progress(1, MODULES));
    await expect(sidebarMark.textContent()).resolves.toContain('✓');
    await expect(pathBadge.textContent()).resolves.toContain(s.sidebarBadge(1, MODULES));
    expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBe('{"done":["tls-basics"]}');

    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('mtls-selfcheck [data-done]:not([disabled])');
    await expect(done.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(summary.textContent()).resolves.toBe(s.progress(1, MODULES));
    await expect(sidebarMark.count()).resolves.toBe(1);
    await expect(page.locator(`[data-module-state="tls-basics"]`).first().textContent()).resolves.toContain(s.doneState);

    expect(await axeViolations(page)).toEqual([]);

    await page.locator('button[data-track-reset]').click();
    await expect(done.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(summary.textContent()).resolves.toBe(s.progress(0, MODULES));
    await expect(sidebarMark.count()).resolves.toBe(0);
    expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBeNull();

    expect(outside).toEqual([]);
    await context.close();
  });

  it("hands-on links open the site's tools with the check's input, and the tools print the expected result", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const p = prefix(lang);
    await open(page, `${p}/start/learning-path/`);
    const href = (module: string) => page.locator(`mtls-selfcheck[data-module="${module}"] a.mtls-sc-tool`).first().getAttribute('href');
    const validatorLink = await href('capstone');
    const decoderLink = await href('envoy');
    const capstone = moduleById('capstone').handsOn[0]!;
    const envoy = moduleById('envoy').handsOn[0]!;
    if (capstone.tool !== 'validator' || envoy.tool !== 'decoder') throw new Error('the capstone checks with the validator, the Envoy module with the decoder');

    await page.goto(baseUrl + validatorLink!, { waitUntil: 'load' });
    await page.waitForFunction((n) => document.querySelectorAll('.mtls-finding').length === n, capstone.expect.findings.length, { timeout: 20_000 });
    const shown = await page.$$eval('.mtls-finding', (els) => els.map((e) => `${e.getAttribute('data-rule')}@${e.getAttribute('data-line')}`));
    expect(shown.sort()).toEqual([...capstone.expect.findings].sort());

    await page.goto(baseUrl + decoderLink!, { waitUntil: 'load' });
    await page.waitForSelector('.mtls-card', { timeout: 20_000 });
    const cards = await page.$$eval('.mtls-card', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(cards).toEqual(envoy.expect.ids);
    await context.close();
  });

  it('Day 0 shares the progress and passes axe; the mentor plan passes axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const p = prefix(lang);
    await open(page, `${p}/start/day-0/`);
    const done = page.locator('mtls-selfcheck[data-module="day-0"] button[data-done]');
    await done.click();
    await expect.poll(() => done.getAttribute('aria-pressed')).toBe('true');
    await open(page, `${p}/start/learning-path/`);
    await expect(page.locator('[data-track-summary]').textContent()).resolves.toBe(TRACK_STRINGS[lang].progress(1, MODULES));
    await open(page, `${p}/start/day-0/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}${p}/start/mentor-plan/`, { waitUntil: 'load' });
    await expect(page.locator('table.mtls-plan tbody tr').count()).resolves.toBe(MODULES);
    expect(await axeViolations(page)).toEqual([]);
    // Printed, the plan is one page (A4 landscape, from the page's own print styles).
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await context.close();
  });
});
