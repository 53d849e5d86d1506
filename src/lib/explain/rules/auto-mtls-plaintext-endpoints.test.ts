import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('auto-mtls-plaintext-endpoints', () => {
  it('notes the endpoints of an auto-mTLS cluster that get plaintext (?include_eds dump)', async () => {
    const r = await run(['auto-mtls-plaintext-endpoints.json']);
    const f = r.findings.filter((x) => x.rule === 'auto-mtls-plaintext-endpoints');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([['info', 'outbound|9080||reviews.shop.svc.cluster.local']]);
    expect(f[0]!.message).toContain('plaintext to 1 of its 3 endpoints');
    const c = r.clusters.find((x) => x.name === 'outbound|9080||reviews.shop.svc.cluster.local')!;
    expect([c.endpoints, c.mtlsEndpoints]).toEqual([3, 2]);
  });

  it('is silent without EDS in the dump', async () => {
    expect((await run(['sidecar-egress.json'])).findings).toEqual([]);
  });
});
