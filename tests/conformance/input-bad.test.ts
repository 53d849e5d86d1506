// Pastes that are too big or too deep get a clear message instead of a crash, a stack overflow or
// a flood of findings. No timing assertions here: `npm run bench` measures speed.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lib/validator/index.ts';
import { MAX_LIST_ITEMS } from '../../src/lib/validator/parse.ts';

const run = (text: string, lang: 'en' | 'ko' = 'en') => lint([{ name: 'big.json', text }], { lang });

describe('bad input', () => {
  it('a List of 100,000 items: the first items are checked and one warning says how many were skipped', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n${'- {}\n'.repeat(100_000)}`;
    const { findings } = run(text);
    const warn = findings.filter((f) => f.severity === 'warning');
    expect(warn).toHaveLength(1);
    expect(warn[0]!.message).toContain(`first ${MAX_LIST_ITEMS.toLocaleString('en')}`);
    expect(warn[0]!.message).toContain(`skipped ${(100_000 - MAX_LIST_ITEMS).toLocaleString('en')}`);
    // The items that are no resources get one note for the file, not one each.
    expect(findings.filter((f) => f.severity === 'info')).toHaveLength(1);
    expect(run(text, 'ko').findings.find((f) => f.severity === 'warning')!.message).toMatch(/처음 20,000개만 검사했다/);
  }, 180_000);
  it('a huge JSON document on one line: read, and a finding deep inside points at its column on line 1', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'shop' }, data: { k: 'v'.repeat(100) } }));
    items.push({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'last', namespace: 'shop' }, spec: { host: 'a.shop.svc.cluster.local', trafficPolicy: { connectionPool: { tcp: { connectTimeout: 5 } } } } } as never);
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
    expect(text.length).toBeGreaterThan(500_000);
    const found = run(text).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => f.rule)).toEqual(['duration-unit']);
    expect(found[0]!.line).toBe(1);
    expect(found[0]!.column).toBe(text.indexOf('"connectTimeout":5') + '"connectTimeout":'.length + 1);
  }, 180_000);
  it('JSON nested 10,000 levels deep: "nesting too deep", never a stack overflow', () => {
    for (const text of ['{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), '['.repeat(10_000) + ']'.repeat(10_000)]) {
      const { findings } = run(text);
      expect(findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
      expect(findings[0]!.message).toMatch(/nesting is too deep/);
      expect(findings[0]!.message).not.toMatch(/call stack|stack overflow/i);
    }
  }, 180_000);
  it('a List nested in Lists far deeper than any real output is not opened forever', () => {
    let v: unknown = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    for (let i = 0; i < 50; i++) v = { apiVersion: 'v1', kind: 'List', items: [v] };
    expect(() => run(JSON.stringify(v))).not.toThrow();
  });
});
