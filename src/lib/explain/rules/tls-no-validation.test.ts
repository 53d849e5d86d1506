import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('tls-no-validation', () => {
  it('finds a TLS cluster with an empty validation context (insecureSkipVerify)', async () => {
    const r = await run(['tls-no-validation.json']);
    const f = r.findings.filter((x) => x.rule === 'tls-no-validation');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([['warning', 'outbound|443||insecure.partner.example']]);
    expect(r.clusters.find((c) => c.name.includes('verified'))!.tls!.trustedCa).toEqual({ source: 'sds', name: 'file-root:system', state: 'unknown' });
  });

  it('never flags Istio mTLS clusters', async () => {
    expect((await run(['sidecar-egress.json'])).findings.filter((x) => x.rule === 'tls-no-validation')).toEqual([]);
  });
});
