// The decoder against real error texts: each row of fixtures/real-texts.json is one error line
// (or the few lines a tool prints together) as a tool or a person printed it, with its source (a
// public issue, or "run here:" with the tool, version and command that produced it on 127.0.0.1)
// and the catalog entry that explains it. The test prints the figures and fails below target.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { loadCatalog } from './load-catalog.node.ts';

interface Row { text: string; id: string; source: string; logger?: 'client' | 'server'; stack?: string }

const rows = JSON.parse(readFileSync(new URL('./fixtures/real-texts.json', import.meta.url), 'utf8')) as Row[];
const catalog = loadCatalog();
const TARGET = { right: 0.95, first: 0.85 };

describe('real error texts', () => {
  it('the table has at least 250 rows, each with a source and a known entry', () => {
    expect(rows.length).toBeGreaterThanOrEqual(250);
    const ids = new Set(catalog.map((e) => e.id));
    for (const r of rows) {
      expect(r.source, r.text).toMatch(/^(https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+|run here: \S.*)$/);
      expect(ids.has(r.id), `${r.id} is not a catalog entry`).toBe(true);
      expect(r.text.trim().length).toBeGreaterThan(0);
    }
  });

  it(`decodes ≥ ${TARGET.right * 100} % to the right entry and ranks it first in ≥ ${TARGET.first * 100} %`, () => {
    let right = 0, first = 0, sided = 0, sideRight = 0, sideWrong = 0;
    const misses: string[] = [];
    for (const r of rows) {
      const ids = decode(r.text, catalog, { lang: 'en' }).matches.map((m) => m.id);
      if (ids.includes(r.id)) right++;
      else misses.push(`MISS  ${r.id} ← [${ids.join(', ')}] ${r.text.replace(/\n/g, ' ⏎ ').slice(0, 160)}`);
      if (ids[0] === r.id) first++;
      else if (ids.includes(r.id)) misses.push(`LATER ${r.id} ← [${ids.join(', ')}] ${r.text.replace(/\n/g, ' ⏎ ').slice(0, 160)}`);
    }
    for (const r of rows) {
      if (!r.logger) continue;
      const m = decode(r.text, catalog, { lang: 'en' }).matches.find((x) => x.id === r.id);
      sided++;
      if (m?.logger === r.logger) sideRight++;
      else if (m?.logger) { sideWrong++; misses.push(`SIDE  ${r.logger} read as ${m.logger}: ${r.text.replace(/\n/g, ' ⏎ ').slice(0, 160)}`); }
    }
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
    console.log([
      `real texts: ${rows.length} rows`,
      `right entry: ${right}/${rows.length} = ${pct(right, rows.length)} (target ${TARGET.right * 100} %)`,
      `first match right: ${first}/${rows.length} = ${pct(first, rows.length)} (target ${TARGET.first * 100} %)`,
      `logging side named right: ${sideRight}/${sided} = ${pct(sideRight, sided)}, named wrong: ${sideWrong} (the rest: the text does not say)`,
      ...misses,
    ].join('\n'));
    expect(right / rows.length).toBeGreaterThanOrEqual(TARGET.right);
    expect(first / rows.length).toBeGreaterThanOrEqual(TARGET.first);
    // A side named wrongly turns the advice around (whose certificate to look at): rare or none.
    expect(sideWrong / sided).toBeLessThanOrEqual(0.02);
  });
});
