import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('sds-secret-missing', () => {
  it('names the missing client certificate (error) and the warming CA (warning) of a gateway cluster', async () => {
    const r = await run(['sds-secret-missing.json']);
    const f = r.findings.filter((x) => x.rule === 'sds-secret-missing');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([
      ['error', 'outbound|443||api.northwind.example', 'DestinationRule.spec.trafficPolicy.tls.credentialName'],
      ['warning', 'outbound|443||api.northwind.example', 'DestinationRule.spec.trafficPolicy.tls.credentialName'],
    ]);
    expect(f[0]!.message).toContain('kubernetes://partner-client-cert');
    expect(f[0]!.message).toContain('Secret is not supplied by SDS');
    expect(f[0]!.message).toContain('exists in namespace istio-egress');
    expect(f[0]!.messages.ko).toContain('partner-client-cert 시크릿이 istio-egress 네임스페이스에 있고');
    expect(f[0]!.catalog).toBe('sds-secret-not-supplied');
    const cluster = r.clusters.find((c) => c.name === 'outbound|443||api.northwind.example')!;
    expect([cluster.tls?.certificate?.state, cluster.tls?.trustedCa?.state]).toEqual(['missing', 'warming']);
  });

  it('reads istioctl proxy-config cluster and secret outputs pasted as two files (camelCase)', async () => {
    const r = await run(['gateway-clusters.istioctl.json', 'gateway-secrets-no-client-cert.istioctl.json']);
    expect(r.proxies.map((p) => p.form)).toEqual(['clusters', 'secrets']);
    const f = r.findings.filter((x) => x.rule === 'sds-secret-missing');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('kubernetes://partner-client-cert,')]);
  });

  it('says nothing when every secret is active, or when the input has no secrets at all', async () => {
    expect((await run(['egress-gateway.json'])).findings).toEqual([]);
    const r = await run(['gateway-clusters.istioctl.json']);
    expect(r.clusters[0]!.tls?.certificate?.state).toBe('unknown');
    expect(r.findings.filter((x) => x.rule === 'sds-secret-missing')).toEqual([]);
  });
});
