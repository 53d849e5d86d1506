import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('schema');

describe('schema messages', () => {
  const dr = (pool: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: d
spec:
  host: a.example.com
  trafficPolicy:
    connectionPool:
${pool}`;
  const schema = (text: string, lang: 'ko' | 'en' = 'en') => lint([{ name: 'd.yaml', text }], { lang }).findings.filter((f) => f.rule === 'schema');
  it('reports one finding for a value that fails both type and int32 format', () => {
    const found = schema(dr('      http:\n        http2MaxRequests: 1.5\n'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('must be an integer');
  });
  it('uses the right article and particle for the expected type', () => {
    const text = dr('      tcp:\n        maxConnections: many\n');
    expect(schema(text)[0]!.message).toMatch(/must be an integer;/);
    expect(schema(text, 'ko')[0]!.message).toContain('정수가 와야');
    expect(schema(dr('      tcp: [1]\n'))[0]!.message).toContain('must be a mapping');
  });
  it('explains an int32 that is out of range', () => {
    const [f] = schema(dr('      http:\n        maxRetries: 99999999999\n'));
    expect(f!.message).toContain('from -2147483648 to 2147483647');
  });
});
