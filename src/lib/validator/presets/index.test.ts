import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { presets } from './index.ts';

// The widget's examples: the valid bundle must give the plain all-clear state (no finding at all,
// not even an info), and each pitfall must show the findings it is meant to show.
describe('validator presets', () => {
  for (const p of presets) {
    it(`${p.id} shows ${p.expect.length ? p.expect.join(', ') : 'nothing'}`, () => {
      const rules = lint([{ name: 'p.yaml', text: p.yaml }], { lang: 'en' }).findings.map((f) => f.rule);
      if (p.expect.length === 0) expect(rules).toEqual([]);
      for (const id of p.expect) expect(rules).toContain(id);
    });
  }
});
