// Shared by the per-rule tests: a failing fixture marks each line where the rule must report
// with `# <- <rule-id>`; the passing fixture must produce no finding of that rule and no
// error or warning of any rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';

const dir = join(import.meta.dirname, 'fixtures');

export function ruleCases(id: string, now?: number) {
  describe(`rule ${id}`, () => {
    it('reports the failing fixture exactly on the marked lines, in both languages', () => {
      const text = readFileSync(join(dir, `${id}.fail.yaml`), 'utf8');
      const marked = text.split('\n').flatMap((l, i) => (l.includes(`# <- ${id}`) ? [i + 1] : []));
      expect(marked.length).toBeGreaterThan(0);
      for (const lang of ['ko', 'en'] as const) {
        const found = lint([{ name: 'fail.yaml', text }], { lang, now }).findings.filter((f) => f.rule === id);
        expect(found.map((f) => f.line).sort((a, b) => a - b)).toEqual(marked);
        for (const f of found) {
          expect(f.message.length).toBeGreaterThan(20);
          expect(f.docs).toMatch(/^[a-z-]+\/([a-z0-9-]+\/)?(#[a-z0-9-]+)?$/);
          if (lang === 'ko') expect(f.message).toMatch(/[가-힣]/);
          else expect(f.message).not.toMatch(/[가-힣]/);
        }
      }
    });
    it('stays quiet on the passing fixture', () => {
      const text = readFileSync(join(dir, `${id}.pass.yaml`), 'utf8');
      const { findings } = lint([{ name: 'pass.yaml', text }], { lang: 'en', now });
      expect(findings.filter((f) => f.rule === id || f.severity !== 'info')).toEqual([]);
    });
  });
}
