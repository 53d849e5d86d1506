import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateEnvoySchema, OUT } from '../../../../scripts/gen-envoy-schema.ts';

describe('envoy-schema.json', () => {
  it('is what scripts/gen-envoy-schema.ts generates from the installed Envoy protos', () => {
    const fresh = generateEnvoySchema();
    expect(readFileSync(OUT, 'utf8')).toBe(fresh);
    expect(fresh.length).toBeLessThan(300_000);
    const s = JSON.parse(fresh);
    expect(s.messages['envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext'].sni).toBe('string');
    expect(s.enums['envoy.config.cluster.v3.Cluster.DiscoveryType']).toContain('LOGICAL_DNS');
  });
});
