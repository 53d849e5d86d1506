import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('gateway-bypass', () => {
  it('finds the mesh route that sends the partner host straight out instead of through the gateway', async () => {
    const r = await run(['gateway-bypass.json']);
    const f = r.findings.filter((x) => x.rule === 'gateway-bypass');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([['warning', '80/api.northwind.example:80', 'VirtualService.spec.gateways']]);
    expect(f[0]!.message).toContain('outbound|80||api.northwind.example');
  });

  it('is silent when the route goes through the gateway', async () => {
    expect((await run(['sidecar-egress.json'])).findings.filter((x) => x.rule === 'gateway-bypass')).toEqual([]);
  });
});
