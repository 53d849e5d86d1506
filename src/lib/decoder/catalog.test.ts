import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, validateCatalog } from './catalog.ts';
import { decode } from './decode.ts';
import { loadCatalog, readCatalogFiles } from './load-catalog.node.ts';

const contributing = readFileSync(new URL('../../../CONTRIBUTING.md', import.meta.url), 'utf8');
const section = (title: string) => contributing.split(/^## /m).find((s) => s.startsWith(title)) ?? '';
/** Page slugs from the site map table of CONTRIBUTING.md. */
const siteSlugs = new Set([...section('Site map').matchAll(/^\| `([a-z0-9/-]+)`/gm)].map((m) => m[1]!.replace(/\/$/, '')));
const labSlugs = new Set([...(/Lab slugs[^:]*:([^]*?)\n\n/.exec(section('Site map'))?.[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!));
const reservedIds = [...section('Error catalog ids').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!).filter((id) => !id.startsWith('errors'));

describe('error catalog', () => {
  const catalog = loadCatalog();

  it('passes the schema check', () => {
    expect(validateCatalog(catalog)).toEqual([]);
    expect(catalog.length).toBeGreaterThanOrEqual(45);
  });

  it('uses every category', () => {
    const used = new Set(catalog.map((e) => e.category));
    expect(CATEGORIES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('has every reserved id from CONTRIBUTING.md', () => {
    expect(reservedIds.length).toBeGreaterThan(20);
    const ids = new Set(catalog.map((e) => e.id));
    expect(reservedIds.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('links only to pages and labs of the site map', () => {
    expect(siteSlugs.has('envoy/tls-troubleshooting')).toBe(true);
    expect(labSlugs.size).toBe(7);
    for (const e of catalog) {
      for (const d of e.docs) expect(siteSlugs, `${e.id} docs ${d}`).toContain(d.replace(/\/$/, ''));
      for (const l of e.labs) expect(labSlugs, `${e.id} lab ${l}`).toContain(l);
    }
  });

  it('recognises every entry by one of its own identifiers', () => {
    for (const e of catalog) {
      const found = e.identifiers.some((ident) => decode(ident, catalog).matches.some((m) => m.id === e.id));
      expect(found, e.id).toBe(true);
    }
  });

  it('keeps Korean text Korean and English text free of Hangul', () => {
    for (const e of catalog) {
      expect(e.title.en, e.id).not.toMatch(/[가-힣]/); // a Korean title may be the bare error string
      for (const t of [e.meaning, e.fix, ...e.causes.map((c) => c.text)]) {
        expect(t.ko, e.id).toMatch(/[가-힣]/);
        expect(t.en, e.id).not.toMatch(/[가-힣]/);
      }
    }
  });

  it('states the Envoy and CN facts the pages rely on', () => {
    const entry = (id: string) => catalog.find((e) => e.id === id)!;
    // Envoy's default validator: a SAN mismatch sends 46, a failed hash/SPKI pin 114.
    const unknown = entry('alert-certificate-unknown');
    expect(unknown.causes[0]?.text.en).toMatch(/SAN/);
    expect(unknown.causes[0]?.text.ko).toMatch(/SAN/);
    for (const lang of ['ko', 'en'] as const) expect(unknown.meaning[lang]).toMatch(/114/);
    // OpenSSL and curl fall back to the CN without a DNS SAN; Go (1.15+) and Envoy's matchers never do.
    const mismatch = entry('hostname-mismatch');
    expect(mismatch.fix.en).toMatch(/falls back to\s+the CN only when the certificate has no DNS SAN/);
    expect(mismatch.fix.en).toMatch(/Go \(since 1\.15\) and Envoy's SAN\s+matchers/);
    expect(mismatch.fix.ko).toMatch(/DNS SAN이 하나도 없을 때만 CN/);
    expect(mismatch.fix.ko).toMatch(/Go\(1\.15부터\)와\s+Envoy의 SAN 매처/);
  });

  it('names each file after its id', () => {
    for (const f of readCatalogFiles()) expect(f.file).toBe(`${(f.data as { id: string }).id}.yaml`);
  });
});

describe('validateCatalog', () => {
  const good = loadCatalog()[0]!;
  const problems = (patch: Record<string, unknown>) =>
    validateCatalog([{ ...good, related: [], ...patch }]).map((p) => p.message);

  it('reports each kind of defect in words', () => {
    expect(problems({ category: 'cert-broken' })[0]).toMatch(/category: must be exactly one of/);
    expect(problems({ title: { ko: '제목' } })).toContain('title.en: missing');
    expect(problems({ patterns: [{ source: '(' }] })[0]).toMatch(/invalid regular expression/);
    expect(problems({ patterns: [{ source: '(a+)+$' }] })).toContain('patterns[0]: nested quantifier (catastrophic backtracking)');
    expect(problems({ patterns: [{ source: 'x*' }] })).toContain('patterns[0]: matches the empty string');
    expect(problems({ docs: ['/en/egress/double-mtls/'] })[0]).toMatch(/without locale/);
    expect(problems({ docs: ['en/egress/double-mtls/'] })[0]).toMatch(/without locale/);
    expect(problems({ related: ['no-such-entry'] })).toContain('related: unknown id "no-such-entry"');
    expect(CATEGORIES).toContain(good.category);
    expect(validateCatalog([good, good]).map((p) => p.message)).toContain('duplicate id');
    expect(validateCatalog([null]).length).toBeGreaterThan(3);
  });
});
