// Thousands of mutated inputs: the engine never throws and always answers within a bound.
import { describe, expect, it } from 'vitest';
import { lint, presets } from './index.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = readdirSync(join(import.meta.dirname, 'rules/fixtures')).map((f) => readFileSync(join(import.meta.dirname, 'rules/fixtures', f), 'utf8'));
const seeds = [...presets.map((p) => p.yaml), ...fixtures];
const TOKENS = ['\t', ':', '- ', '{', '}', '[', ']', '&a ', '*a', '\n', '  ', '"', "'", '#', '---\n', '!!binary ', '\u0000', '?', '|', '>', '%YAML 1.2\n', 'null', '300', 'MUTAl', '"@type": x'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

describe('fuzz', () => {
  it('never throws and answers each input quickly', () => {
    const rand = rng(20260705);
    let slowest = { ms: 0, text: '' };
    for (let i = 0; i < 3000; i++) {
      let text = seeds[Math.floor(rand() * seeds.length)]!;
      const edits = 1 + Math.floor(rand() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * text.length);
        const r = rand();
        if (r < 0.4) text = text.slice(0, at) + TOKENS[Math.floor(rand() * TOKENS.length)] + text.slice(at);
        else if (r < 0.7) text = text.slice(0, at) + text.slice(at + Math.floor(rand() * 40));
        else if (r < 0.85) { const b = Math.floor(rand() * text.length); text = text.slice(0, at) + text.slice(b, b + 60) + text.slice(at); }
        else text = text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x3000)) + text.slice(at);
      }
      const t = performance.now();
      const r = lint([{ name: `m${i}.yaml`, text }], { lang: i % 2 ? 'en' : 'ko' });
      const took = performance.now() - t;
      if (took > slowest.ms) slowest = { ms: took, text };
      expect(Array.isArray(r.findings)).toBe(true);
      for (const f of r.findings) expect(f.line).toBeGreaterThan(0);
    }
    // The bound catches runaway work (a backtracking regex takes seconds to minutes), not speed:
    // the slowest input is timed again, best of three, so a busy machine's pause does not count.
    const again = [0, 1, 2].map(() => { const t = performance.now(); lint([{ name: 'slowest.yaml', text: slowest.text }], { lang: 'en' }); return performance.now() - t; });
    expect(Math.min(...again)).toBeLessThan(1000);
  }, 300_000);
});
