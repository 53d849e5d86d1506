import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('yaml-syntax');

describe('yaml-syntax next to other findings', () => {
  it('still runs the other rules on a document with a duplicate key', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner
  namespace: istio-system
spec:
  host: api.partner.example.com
  host: api.partner.example.com
  trafficPolicy:
    tls:
      mode: MUTAl
`;
    const found = lint([{ name: 'd.yaml', text }], { lang: 'en' }).findings;
    expect(found.map((f) => [f.rule, f.line])).toEqual([['yaml-syntax', 8], ['schema', 11]]);
    expect(found[1]!.message).toContain('Did you mean `MUTUAL`?');
  });
  it('leaves a document it cannot read at the syntax error', () => {
    const found = lint([{ name: 'd.yaml', text: 'kind: DestinationRule\nspec:\n  host: [a\n' }], { lang: 'en' }).findings;
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(['yaml-syntax']));
  });
});
