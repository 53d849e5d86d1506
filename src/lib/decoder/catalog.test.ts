import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discouragedVariants } from '../../../tests/helpers/glossary-lint.ts';
import { parseGlossary } from '../site/glossary.ts';
import { CATEGORIES, validateCatalog } from './catalog.ts';
import { decode } from './decode.ts';
import { loadCatalog, readCatalogFiles } from './load-catalog.node.ts';

const ROOT = new URL('../../../', import.meta.url);
const contributing = readFileSync(new URL('CONTRIBUTING.md', ROOT), 'utf8');
const section = (title: string) => contributing.split(/^## /m).find((s) => s.startsWith(title)) ?? '';

/** The file that serves a language-neutral site path (`patterns/mutual-tls/`) in one language:
 * a content page (`content/<lang>/<path>.mdx`, `.md` or `<path>/index.mdx`), or, for
 * `errors/<id>/`, the route generated from the catalog. Undefined when no file serves it. */
function pageFor(path: string, lang: 'ko' | 'en', ids: ReadonlySet<string>): string | undefined {
  const slug = path.replace(/^\/+|\/+$/g, '');
  const error = /^errors\/([a-z0-9-]+)$/.exec(slug);
  if (error) {
    const route = 'src/pages/[...locale]/errors/[id].astro';
    return ids.has(error[1]!) && existsSync(new URL(route, ROOT)) ? route : undefined;
  }
  const candidates = [`${slug}.mdx`, `${slug}.md`, `${slug}/index.mdx`, `${slug}/index.md`].map((f) => `content/${lang}/${f}`);
  return candidates.find((f) => existsSync(new URL(f, ROOT)));
}

const labSlugs = new Set([...(/Lab slugs[^:]*:([^]*?)\n\n/.exec(section('Site map'))?.[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!));
// The "Reserved ids" paragraph only: the section goes on about envelopes and rule ids.
const reservedIds = [...(/Reserved ids[^:]*:([^]*?)\n\n/.exec(section('Error catalog ids'))?.[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);

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

  it('links only to pages and labs that exist, in both languages', () => {
    const ids = new Set(catalog.map((e) => e.id));
    expect(pageFor('envoy/tls-troubleshooting/', 'ko', ids)).toBe('content/ko/envoy/tls-troubleshooting.mdx');
    expect(labSlugs.size).toBe(8);
    for (const e of catalog) {
      for (const lang of ['ko', 'en'] as const) {
        for (const d of e.docs) expect(pageFor(d, lang, ids), `${e.id} docs ${d} (${lang})`).toBeDefined();
        for (const l of e.labs) expect(pageFor(`labs/${l}/`, lang, ids), `${e.id} lab page ${l} (${lang})`).toBeDefined();
      }
      for (const l of e.labs) expect(existsSync(new URL(`labs/${l}/`, ROOT)), `${e.id} lab folder ${l}`).toBe(true);
    }
  });

  it('resolves doc paths to the files that serve them, not to a table', () => {
    const ids = new Set(catalog.map((e) => e.id));
    expect(pageFor('patterns/mutual-tls/', 'en', ids)).toBe('content/en/patterns/mutual-tls.mdx');
    expect(pageFor('errors/', 'ko', ids)).toBe('content/ko/errors/index.mdx');
    expect(pageFor('errors/cert-expired/', 'en', ids)).toBe('src/pages/[...locale]/errors/[id].astro');
    expect(pageFor('errors/no-such-entry/', 'en', ids)).toBeUndefined();
    expect(pageFor('patterns/no-such-page/', 'ko', ids)).toBeUndefined();
    expect(pageFor('labs/mutual-tls/', 'ko', ids)).toBe('content/ko/labs/mutual-tls.mdx');
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

  it('uses the glossary\'s Korean terms, not the variants it discourages', () => {
    const dir = new URL('src/data/glossary/', ROOT);
    const terms = parseGlossary(Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')])));
    for (const e of catalog) {
      const ko = [e.title.ko, e.meaning.ko, e.fix.ko, ...e.causes.map((c) => c.text.ko)].join('\n');
      expect(discouragedVariants(ko, terms), e.id).toEqual([]);
    }
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
