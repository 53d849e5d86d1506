import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('client-cert-optional', () => {
  it('notes a gateway chain that checks client certificates without requiring them', async () => {
    const r = await run(['client-cert-optional.json']);
    const f = r.findings.filter((x) => x.rule === 'client-cert-optional');
    expect(f.map((x) => [x.severity, x.target.kind, x.target.name])).toEqual([['info', 'filter-chain', '0.0.0.0_443#0']]);
    expect(f[0]!.message).toContain('kubernetes://partner-ingress-cacert');
  });

  it('is silent for MUTUAL and for the sidecar inbound', async () => {
    expect((await run(['sidecar-egress.json', 'egress-gateway.json'])).findings).toEqual([]);
  });
});
