import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('duration-unit');

describe('duration-unit messages', () => {
  const vs = (timeout: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: v
spec:
  hosts: [reviews]
  http:
  - timeout: ${timeout}
    route:
    - destination: {host: reviews}
`;
  const msg = (text: string) => lint([{ name: 'v.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'duration-unit').map((f) => f.message);
  it('says the unit is missing from a quoted number, not that it must be a string', () => {
    const [m] = msg(vs('"10"'));
    expect(m).toContain('has no unit');
    expect(m).toContain('`timeout: 10s`');
    expect(m).not.toContain('must be of type string');
  });
  it('keeps the type explanation for a bare number', () => {
    expect(msg(vs('10'))[0]).toContain('must be of type string');
  });
});
