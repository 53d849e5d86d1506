import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('tls-no-sni', () => {
  it('finds TLS to an external host without sni or auto_sni', async () => {
    const r = await run(['tls-no-sni.json']);
    const f = r.findings.filter((x) => x.rule === 'tls-no-sni');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([['warning', 'outbound|443||nosni.partner.example', 'DestinationRule.spec.trafficPolicy.tls.sni']]);
  });

  it('is silent for clusters with SNI', async () => {
    expect((await run(['egress-gateway.json'])).findings.filter((x) => x.rule === 'tls-no-sni')).toEqual([]);
  });
});
