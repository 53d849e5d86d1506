import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { lint } from '../engine.ts';
import { presets } from './index.ts';
import { VALID_DOUBLE_MTLS } from './valid.ts';

// The widget's examples: the valid bundle must give the plain all-clear state (no finding at all,
// not even an info), and each pitfall must show exactly the findings it is meant to show.
describe('validator presets', () => {
  for (const p of presets) {
    it(`${p.id} shows ${p.expect.length ? p.expect.join(', ') : 'nothing'}`, () => {
      const rules = lint([{ name: 'p.yaml', text: p.yaml }], { lang: 'en' }).findings.map((f) => f.rule);
      expect([...new Set(rules)].sort()).toEqual([...p.expect].sort());
    });
  }
});

// One story (issue 20): the presets name things as the guide and lab 7 do, so a reader who opens
// a preset from the guide sees the same namespace, host and resource names as in the lab.
describe('validator presets use the double-mTLS lab names', () => {
  const key = (d: { kind?: string; metadata?: { name?: string; namespace?: string } }) =>
    `${d.kind}/${d.metadata?.namespace}/${d.metadata?.name}`;
  const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
  const lab = new Set(docs(readFileSync('labs/double-mtls-egress/k8s/egress.yaml', 'utf8')).map(key));

  it('every Istio resource of the valid bundle is one of the lab\'s (kind, namespace, name)', () => {
    const istio = docs(VALID_DOUBLE_MTLS).filter((d) => String(d.apiVersion).startsWith('networking.istio.io/'));
    expect(istio.length).toBe(5);
    for (const d of istio) expect(lab).toContain(key(d));
  });

  it('no preset uses the old names', () => {
    for (const p of presets) {
      expect(p.yaml, p.id).not.toMatch(/istio-system|northwind\.example\.com|to-egress-gateway|partner-mtls-origination/);
    }
  });
});
