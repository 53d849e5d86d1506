import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('tls-inspector-missing', () => {
  it('finds a listener that matches server_names without the TLS inspector (hand-written Envoy)', async () => {
    const r = await run(['hand-written-envoy.yaml']);
    expect(r.proxies[0]!.kind).toBe('unknown');
    const f = r.findings.filter((x) => x.rule === 'tls-inspector-missing');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([['error', 'sni_router']]);
    expect(r.listeners.map((l) => [l.name, l.tlsInspector])).toEqual([['sni_router', false], ['sni_router_ok', true]]);
  });
});
