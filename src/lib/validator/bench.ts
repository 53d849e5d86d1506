// Timings of the validator against the bare YAML parse of the same text (the floor).
// `npm run bench` prints these; tests make no timing assertions.
import { LineCounter, parseAllDocuments } from 'yaml';
import { lint } from './engine.ts';
import { presets } from './presets/index.ts';

export interface BenchRow { label: string; lines: number; parseMs: number; lintMs: number; budgetMs: number }

function time(fn: () => void, runs: number): number {
  fn(); // warm-up
  const t = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t) / runs;
}

/** A bundle of about `lines` lines made of the valid double-mTLS preset with renamed resources. */
export function bundle(lines: number): string {
  const base = presets[0]!.yaml;
  const per = base.split('\n').length;
  const out: string[] = [];
  for (let i = 0; out.length * per < lines; i++) out.push(base.replace(/partner/g, `partner${i}`));
  return out.join('---\n');
}

export function benchValidator(): BenchRow[] {
  return ([[300, 10], [20_000, 500]] as const).map(([n, budgetMs]) => {
    const text = bundle(n);
    const runs = n > 1000 ? 3 : 50;
    return {
      label: `${n}-line bundle`,
      budgetMs,
      lines: text.split('\n').length,
      parseMs: time(() => parseAllDocuments(text, { lineCounter: new LineCounter() }).forEach((d) => d.toJS()), runs),
      lintMs: time(() => lint([{ name: 'bench.yaml', text }]), runs),
    };
  });
}
