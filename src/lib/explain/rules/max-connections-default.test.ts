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

describe('max-connections-default without a bootstrap', () => {
  it("knows istioctl proxy-config cluster output as Istio's by its cluster names", async () => {
    const r = await run(['gateway-clusters.istioctl.json']);
    expect(r.proxies[0]!.kind).toBe('unknown');
    expect(r.clusters.some((c) => c.name === 'BlackHoleCluster' && c.circuitBreaker.maxConnections === undefined)).toBe(true);
    expect(r.findings.filter((x) => x.rule === 'max-connections-default')).toEqual([]);
  });
});
