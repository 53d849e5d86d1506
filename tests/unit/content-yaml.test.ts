// Every ```yaml block of the site and every Kubernetes/Istio/Envoy YAML file under labs/:
// parses, has no tab, and — when it is a resource (`kind:`) or Envoy config — lints with no
// error or warning, unless its fence says lint="expect:<rule-id>": then exactly that rule.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../src/lib/validator/index.ts';
import { envoyForm } from '../../src/lib/validator/envoy/model.ts';

const root = join(import.meta.dirname, '../..');

function walk(dir: string, keep: (p: string) => boolean): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    if (n === 'node_modules' || n.startsWith('.') || n === 'build') continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

interface Block { where: string; line: number; text: string; expect?: string }

function mdxBlocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(`{3,}|~{3,})yaml\b(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const fence = m[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trim().startsWith(fence); j++) body.push(lines[j]!.slice(m[1]!.length));
    blocks.push({ where: relative(root, file), line: i + 1, text: body.join('\n'), expect: /lint="expect:([a-z0-9-]+)"/.exec(m[3]!)?.[1] });
    i = j;
  }
  return blocks;
}

const mdx = walk(join(root, 'content'), (p) => p.endsWith('.mdx')).flatMap(mdxBlocks);
const labs = walk(join(root, 'labs'), (p) => /\.ya?ml$/.test(p)).map((p) => ({ where: relative(root, p), line: 1, text: readFileSync(p, 'utf8') } as Block));

/** A block the validator should judge: a Kubernetes resource or Envoy config. */
function lintable(text: string): boolean {
  if (/^\s*kind:/m.test(text)) return true;
  return parseAllDocuments(text).some((d) => { try { return !!envoyForm(d.toJS()); } catch { return false; } });
}

describe('YAML in content and labs', () => {
  it('finds the blocks', () => {
    expect(mdx.length + labs.length).toBeGreaterThan(0);
  });
  for (const b of [...mdx, ...labs]) {
    it(`${b.where}:${b.line}`, () => {
      // A block that demonstrates a syntax error (a tab, say) is held to its expectation instead.
      if (b.expect !== 'yaml-syntax') {
        expect(b.text.includes('\t'), 'tab character').toBe(false);
        for (const d of parseAllDocuments(b.text)) expect(d.errors.map((e) => e.message), 'YAML parse').toEqual([]);
      }
      if (!lintable(b.text) && !b.expect) return;
      const findings = lint([{ name: b.where, text: b.text }], { lang: 'en' }).findings.filter((f) => f.severity !== 'info');
      const shown = findings.map((f) => `${f.rule} at block line ${f.line}: ${f.message}`);
      if (b.expect) {
        expect(findings.length, shown.join('\n')).toBeGreaterThan(0);
        expect([...new Set(findings.map((f) => f.rule))], shown.join('\n')).toEqual([b.expect]);
      } else expect(shown).toEqual([]);
    });
  }
});
