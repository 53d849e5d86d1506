// The widget's view of the engine's report: rows per kind with what the filter searches, findings
// pointing at the rows they are about, and the example preset read as the page says it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, RULES } from '../../../lib/explain/index.ts';
import { toView } from './adapter.ts';
import { EXPLAIN_PRESETS } from './presets.ts';
import { PRIVATE_KEY } from './protocol.ts';
import { rowKey } from './view.ts';

const titles = Object.fromEntries(RULES.map((r) => [r.id, r.title.en]));
const explained = async (text: string) => toView(await explain([{ name: 'paste', text }], { lang: 'en', now: new Date('2027-01-01T00:00:00Z') }), titles, false, 0);
const view = async (text: string) => (await explained(text)).view;

describe('explainer widget view', () => {
  it('maps the example: 2 clusters, 2 filter chains, 3 secrets, and the findings on their rows', async () => {
    const { view: v, facts } = await explained(EXPLAIN_PRESETS[0]!.text);
    const kinds = (k: string) => v.rows.filter((r) => r.kind === k).map((r) => r.name);
    expect(kinds('cluster')).toEqual(['outbound|443||api.northwind.example', 'outbound|8080||reviews.shop.svc.cluster.local']);
    expect(kinds('listener')).toEqual(['virtualInbound #0', 'virtualInbound #1']);
    expect(kinds('secret')).toHaveLength(3);
    expect(v.inputs).toEqual([{ file: 'paste', form: 'config-dump', proxy: 'sidecar checkout-7d9f8b6c5-x2k4q.shop', bytes: expect.any(Number) }]);

    const partner = v.rows.find((r) => r.name === 'outbound|443||api.northwind.example')!;
    expect(partner.search).toContain('api.northwind.example');
    expect(partner.search).toContain('443');
    expect(Object.fromEntries(facts(rowKey(partner)))).toMatchObject({ mode: 'mutual', sni: 'api.northwind.example', trustedCa: '—', destinationRule: 'shop/northwind' });
    expect(facts('no-such-row')).toEqual([]);
    // Every finding points at a row that exists, and that row carries its severity.
    expect(v.findings.length).toBeGreaterThan(0);
    for (const f of v.findings) {
      const row = v.rows.find((r) => r.targets.includes(f.target));
      expect(row, f.rule).toBeTruthy();
      expect(row!.worst).toBeDefined();
    }
    expect(v.findings.map((f) => f.rule)).toContain('sds-secret-missing');
    expect(v.findings.find((f) => f.rule === 'sds-secret-missing')).toMatchObject({ error: 'sds-secret-not-supplied', object: partner.name, kind: 'cluster', title: titles['sds-secret-missing'] });
    // A listener-level finding reaches both of its chains.
    const permissive = v.findings.find((f) => f.rule === 'permissive-inbound');
    expect(v.rows.filter((r) => permissive && r.targets.includes(permissive.target))).toHaveLength(2);
  });

  it('keeps the example free of keys, and recognises one in PEM or base64 form', () => {
    expect(PRIVATE_KEY.test(EXPLAIN_PRESETS[0]!.text)).toBe(false);
    const pem = ['-----BEGIN', 'PRIVATE', 'KEY-----'].join(' ');
    expect(PRIVATE_KEY.test(`"inline_string": "${pem}\\nMIG..."`)).toBe(true);
    expect(PRIVATE_KEY.test(Buffer.from(`${pem}\nMIGHAgEAMBMG`).toString('base64'))).toBe(true);
    expect(PRIVATE_KEY.test(Buffer.from(`${['-----BEGIN', 'EC', 'PRIVATE', 'KEY-----'].join(' ')}\nMHcC`).toString('base64'))).toBe(true);
    expect(PRIVATE_KEY.test(Buffer.from('[redacted]').toString('base64'))).toBe(false);
  });

  it('reports bad input with its line', async () => {
    const v = await view('{\n  "configs": [\n    { "@type": "x", }\n  ]\n}\n');
    expect(v.rows).toEqual([]);
    expect(v.problems).toEqual([{ file: 'paste', line: 3, message: expect.stringContaining('not valid JSON') }]);
  });

  it('is linked from the pages only with examples that exist', () => {
    const root = join(import.meta.dirname, '../../../../content');
    const ids = new Set(EXPLAIN_PRESETS.map((p) => p.id));
    const links: string[] = [];
    for (const file of readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith('.mdx')) continue;
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(/\/tools\/proxy-state\/#preset=([\w-]+)/g)) links.push(`${file} ${m[1]}`);
    }
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(links.filter((l) => !ids.has(l.split(' ')[1]!))).toEqual([]);
  });
});
