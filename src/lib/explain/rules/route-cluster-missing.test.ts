import { describe, expect, it } from 'vitest';
import { explain } from '../index.ts';
import { fixture, run } from './fixtures/helpers.ts';

describe('route-cluster-missing', () => {
  it('finds a route to a subset cluster the proxy does not have', async () => {
    const r = await run(['route-cluster-missing.json']);
    const f = r.findings.filter((x) => x.rule === 'route-cluster-missing');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([['error', '80/api.northwind.example:80', 'DestinationRule.spec.subsets']]);
    expect(f[0]!.message).toContain('subset "partner"');
    expect(f[0]!.message).toContain('503 with flag NC');
  });

  it("gives the route's cluster_not_found_response_code (Istio: 500 on Gateway API routes)", async () => {
    const dump = JSON.parse(await fixture('route-cluster-missing.json'));
    const vh = dump.configs[3].dynamic_route_configs[0].route_config.virtual_hosts.find((v: { name: string }) => v.name === 'api.northwind.example:80');
    vh.routes[0].route.cluster_not_found_response_code = 'INTERNAL_SERVER_ERROR';
    const r = await explain([{ name: 'd', text: JSON.stringify(dump) }], { lang: 'en' });
    const f = r.findings.filter((x) => x.rule === 'route-cluster-missing');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('requests get 500 with flag NC');
  });

  it('is silent when every routed cluster exists, and for route-only inputs', async () => {
    expect((await run(['sidecar-egress.json'])).findings).toEqual([]);
  });
});
