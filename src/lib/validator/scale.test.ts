// Cross-resource rules must not compare every resource with every other: a dump of thousands of
// DestinationRules costs the rules a fraction of what parsing it costs, not minutes.
import { describe, expect, it } from 'vitest';
import { manyDestinationRules } from './bench.ts';
import { lint } from './index.ts';
import { allRules } from './rules/index.ts';

const ms = (fn: () => void) => { const t = performance.now(); fn(); return performance.now() - t; };

describe('scale', () => {
  it('lints a 100,000-line dump of DestinationRules in time close to parsing it', () => {
    const text = manyDestinationRules(100_000);
    const files = [{ name: 'dump.yaml', text }];
    lint(files, { rules: [] }); // warm-up
    const parse = ms(() => lint(files, { rules: [] }));
    let summary;
    const full = ms(() => { summary = lint(files).summary; });
    expect(summary).toMatchObject({ errors: 0 });
    // The rules' share: quadratic rules spent tens of seconds here; linear ones well under the parse.
    expect(full - parse).toBeLessThan(Math.max(2000, parse));
  }, 60_000);
  it('compares thousands of DestinationRules for one host without comparing every pair', () => {
    const dr = (i: number) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: dr-${i}
  namespace: ns-${i % 3}
spec:
  host: api.shared.example.com
  trafficPolicy:
    tls:
      mode: SIMPLE
      sni: api.shared.example.com
  subsets:
  - name: v${i % 5}
`;
    const files = [{ name: 'same-host.yaml', text: Array.from({ length: 6000 }, (_, i) => dr(i)).join('---\n') }];
    const rule = allRules.filter((r) => r.id === 'dr-duplicate-host');
    lint(files, { rules: [] });
    const parse = ms(() => lint(files, { rules: [] }));
    let found = 0;
    const full = ms(() => { found = lint(files, { rules: rule }).findings.length; });
    expect(found).toBeGreaterThan(6000); // a policy clash and a subset clash on most of them
    // Comparing every pair (18 million here) takes many seconds; the bound leaves room for a busy machine.
    expect(full - parse).toBeLessThan(Math.max(1500, parse));
  }, 60_000);
});
