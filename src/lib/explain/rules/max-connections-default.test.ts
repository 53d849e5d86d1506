import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('max-connections-default', () => {
  it("finds a hand-written cluster without circuit breakers, not the tuned one", async () => {
    const r = await run(['hand-written-envoy.yaml']);
    const f = r.findings.filter((x) => x.rule === 'max-connections-default');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([['warning', 'backend']]);
    expect(f[0]!.message).toContain('1024');
    expect(r.clusters.find((c) => c.name === 'tuned')!.circuitBreaker.maxConnections).toBe(4096);
  });

  it("ignores Istio's bootstrap clusters and the clusters istiod builds", async () => {
    const r = await run(['sidecar-egress.json']);
    expect(r.clusters.filter((c) => c.state === 'static').length).toBe(3);
    expect(r.findings.filter((x) => x.rule === 'max-connections-default')).toEqual([]);
  });
});
