import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('san-mismatch', () => {
  it("rejects a gateway certificate whose SPIFFE ID is not the hop 1 cluster's SAN", async () => {
    const r = await run(['sidecar-egress.json', 'egress-gateway.json'], {}, { gateway: 'otherGateway' });
    const f = r.findings.filter((x) => x.rule === 'san-mismatch');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([['error', 'outbound|443|partner|istio-egressgateway.istio-egress.svc.cluster.local']]);
    expect(f[0]!.message).toContain('spiffe://cluster.local/ns/istio-egress/sa/other-service-account');
    expect(f[0]!.field).toBe('DestinationRule.spec.trafficPolicy.tls.subjectAltNames');
  });

  it('accepts the right certificate', async () => {
    const r = await run(['sidecar-egress.json', 'egress-gateway.json']);
    expect(r.findings.filter((x) => x.rule === 'san-mismatch')).toEqual([]);
  });
});
