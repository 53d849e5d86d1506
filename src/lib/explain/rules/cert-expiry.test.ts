import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

const DAY = 86_400_000;

describe('cert-expiry', () => {
  it('reports expired workload and client certificates (the fixtures\' leaves live 30 days)', async () => {
    const r = await run(['egress-gateway.json'], { now: new Date(Date.now() + 40 * DAY) });
    const f = r.findings.filter((x) => x.rule === 'cert-expiry');
    expect(f.map((x) => [x.severity, x.target.name]).sort()).toEqual([
      ['error', 'default'],
      ['error', 'kubernetes://partner-client-cert'],
    ]);
    expect(f.find((x) => x.target.name.startsWith('kubernetes'))!.field).toBe('Secret (credentialName) tls.crt');
    expect(f[0]!.messages.ko).toMatch(/만료되었다/);
  });

  it('warns about a certificate that expires within the window', async () => {
    const r = await run(['egress-gateway.json'], { now: new Date(Date.now() + 25 * DAY) });
    const f = r.findings.filter((x) => x.rule === 'cert-expiry');
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(f[0]!.message).toMatch(/expires on .* \(in [1-5] days\)/);
  });

  it('reads ztunnel certificates too, and is silent for fresh ones', async () => {
    const fresh = await run(['ztunnel.json']);
    expect(fresh.secrets.map((s) => [s.name, s.kind, s.certificates[0]?.spiffe ?? s.certificates[0]?.subject])).toEqual([
      ['spiffe://cluster.local/ns/shop/sa/shop', 'certificate', 'spiffe://cluster.local/ns/shop/sa/shop'],
      ['spiffe://cluster.local/ns/shop/sa/shop (roots)', 'validation-context', 'CN=Mesh Root'],
    ]);
    expect(fresh.findings.filter((x) => x.rule === 'cert-expiry')).toEqual([]);
    const late = await run(['ztunnel.json'], { now: new Date(Date.now() + 31 * DAY) });
    expect(late.findings.filter((x) => x.rule === 'cert-expiry').map((x) => x.target.name)).toEqual(['spiffe://cluster.local/ns/shop/sa/shop']);
  });
});
