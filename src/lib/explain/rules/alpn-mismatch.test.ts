import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('alpn-mismatch', () => {
  it('finds ALPN that contradicts the upstream HTTP version (istioctl -o yaml, camelCase)', async () => {
    const r = await run(['alpn-mismatch.yaml']);
    expect(r.proxies[0]!.form).toBe('clusters');
    const f = r.findings.filter((x) => x.rule === 'alpn-mismatch');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([
      ['error', 'outbound|443||grpc.partner.example'],
      ['error', 'outbound|443||web.partner.example'],
      ['warning', 'outbound|443||bare.partner.example'],
    ]);
    expect(f[0]!.message).toContain('speaks HTTP/2 upstream but offers ALPN http/1.1');
    expect(r.clusters.find((c) => c.name.includes('good'))!.upstreamProtocol).toBe('h2');
  });
});
