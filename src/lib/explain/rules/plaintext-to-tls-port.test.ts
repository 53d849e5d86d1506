import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('plaintext-to-tls-port', () => {
  it('finds HTTP routed in plaintext to the partner 443 although a DestinationRule applies', async () => {
    const r = await run(['plaintext-to-tls-port.json']);
    const f = r.findings.filter((x) => x.rule === 'plaintext-to-tls-port');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([['error', 'outbound|443||api.northwind.example', 'DestinationRule.spec.trafficPolicy.tls.mode']]);
    expect(f[0]!.message).toContain('istio-egress/partner-hop2');
    expect(f[0]!.catalog).toBe('http-request-to-https-port');
    expect(r.findings.filter((x) => x.rule === 'dr-not-applied')).toEqual([]);
  });

  it('is silent for TLS passthrough to 443 (no HTTP route to the cluster)', async () => {
    const r = await run(['double-tls.json']);
    const c = r.clusters.find((x) => x.name === 'outbound|443||api.northwind.example')!;
    expect(c.mode).toBe('simple');
    expect(r.findings.filter((x) => x.rule === 'plaintext-to-tls-port')).toEqual([]);
  });
});
