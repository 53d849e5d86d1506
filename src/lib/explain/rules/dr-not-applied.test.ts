import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('dr-not-applied', () => {
  it('finds the hop 2 cluster with no DestinationRule metadata and no TLS', async () => {
    const r = await run(['dr-not-applied.json']);
    const f = r.findings.filter((x) => x.rule === 'dr-not-applied');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([['error', 'outbound|443||api.northwind.example', 'DestinationRule.spec.host']]);
    expect(f[0]!.messages.ko).toContain('DestinationRule');
    expect(r.findings.filter((x) => x.rule === 'plaintext-to-tls-port')).toEqual([]);
  });

  it('is silent when the DestinationRule applies', async () => {
    const r = await run(['egress-gateway.json']);
    expect(r.clusters.find((c) => c.name === 'outbound|443||api.northwind.example')!.destinationRule).toEqual({ namespace: 'istio-egress', name: 'partner-hop2' });
    expect(r.findings).toEqual([]);
  });
});
