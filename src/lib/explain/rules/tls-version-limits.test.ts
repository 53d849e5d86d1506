import { describe, expect, it } from 'vitest';
import { explain } from '../index.ts';
import { fixture, run } from './fixtures/helpers.ts';

describe('tls-version-limits', () => {
  it('finds an empty range (minimum 1.3, client default maximum 1.2) and a TLS 1.0-1.1-only range', async () => {
    const r = await run(['tls-version-limits.yaml']);
    const f = r.findings.filter((x) => x.rule === 'tls-version-limits');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([
      ['error', 'outbound|443||pqc.partner.example'],
      ['warning', 'outbound|443||legacy.partner.example'],
    ]);
    expect(f[0]!.message).toContain("maximum TLS 1.2 (Envoy's default maximum for a client)");
    expect(f[0]!.catalog).toBe('alert-protocol-version');
    // meshConfig.tlsDefaults cannot change a cluster's versions in Istio 1.30 (only curves, ciphers).
    expect(f.map((x) => x.field)).toEqual([
      'EnvoyFilter (cluster transport_socket common_tls_context.tls_params)',
      'EnvoyFilter (cluster transport_socket common_tls_context.tls_params)',
    ]);
  });

  it('finds hop 1 ranges that do not overlap (sidecar up to 1.2, gateway from 1.3)', async () => {
    const sidecar = JSON.parse(await fixture('sidecar-egress.json'));
    const hop1 = sidecar.configs[1].dynamic_active_clusters.find((c: { cluster: { name: string } }) => c.cluster.name.includes('|partner|')).cluster;
    hop1.transport_socket.typed_config.common_tls_context.tls_params.tls_maximum_protocol_version = 'TLSv1_2';
    const gateway = JSON.parse(await fixture('egress-gateway.json'));
    gateway.configs[2].dynamic_listeners[0].active_state.listener.filter_chains[0].transport_socket.typed_config.common_tls_context.tls_params = { tls_minimum_protocol_version: 'TLSv1_3' };
    const r = await explain([{ name: 's', text: JSON.stringify(sidecar) }, { name: 'g', text: JSON.stringify(gateway) }], { lang: 'ko' });
    const f = r.findings.filter((x) => x.rule === 'tls-version-limits');
    expect(f.map((x) => x.target.name)).toEqual([hop1.name]);
    expect(f[0]!.message).toContain('TLS 1.2');
    expect(f[0]!.message).toContain('TLS 1.3');
    expect(f[0]!.field).toBe('Gateway.spec.servers[].tls.minProtocolVersion');
  });

  it("is silent on Istio's default 1.2-1.3 range", async () => {
    expect((await run(['sidecar-egress.json', 'egress-gateway.json'])).findings).toEqual([]);
  });
});
