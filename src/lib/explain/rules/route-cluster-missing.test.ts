import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('route-cluster-missing', () => {
  it('finds a route to a subset cluster the proxy does not have', async () => {
    const r = await run(['route-cluster-missing.json']);
    const f = r.findings.filter((x) => x.rule === 'route-cluster-missing');
    expect(f.map((x) => [x.severity, x.target.name, x.field])).toEqual([['error', '80/api.northwind.example:80', 'DestinationRule.spec.subsets']]);
    expect(f[0]!.message).toContain('subset "partner"');
    expect(f[0]!.message).toContain('NC');
  });

  it('is silent when every routed cluster exists, and for route-only inputs', async () => {
    expect((await run(['sidecar-egress.json'])).findings).toEqual([]);
  });
});
