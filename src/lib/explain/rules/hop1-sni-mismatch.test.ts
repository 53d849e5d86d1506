import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('hop1-sni-mismatch', () => {
  it('finds the hop 1 SNI in no server_names of the pasted gateway (YAML dump)', async () => {
    const r = await run(['sidecar-egress.json', 'egress-gateway-other-sni.yaml']);
    const f = r.findings.filter((x) => x.rule === 'hop1-sni-mismatch');
    expect(f.map((x) => [x.severity, x.target.proxy, x.target.name])).toEqual([['error', 0, 'outbound|443|partner|istio-egressgateway.istio-egress.svc.cluster.local']]);
    expect(f[0]!.message).toContain('SNI api.northwind.example');
    expect(f[0]!.message).toContain('northwind.example)');
    expect(f[0]!.catalog).toBe('filter-chain-not-found');
  });

  it('is silent when the names agree, and without a gateway dump', async () => {
    expect((await run(['sidecar-egress.json', 'egress-gateway.json'])).findings).toEqual([]);
    expect((await run(['sidecar-egress.json'])).findings.filter((x) => x.rule === 'hop1-sni-mismatch')).toEqual([]);
  });
});
