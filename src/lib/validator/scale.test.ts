// Cross-resource rules must not compare every resource with every other: a dump of thousands of
// DestinationRules costs the rules a fraction of what parsing it costs, not minutes.
import { describe, expect, it } from 'vitest';
import { manyDestinationRules } from './bench.ts';
import { lint } from './index.ts';

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
});
