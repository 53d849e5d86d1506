import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { presets } from '../presets/index.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('vs-host-not-in-gateway');

describe('vs-host-not-in-gateway', () => {
  const found = (text: string) => lint([{ name: 'v.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'vs-host-not-in-gateway');
  it('says why a namespace-restricted Gateway host does not count', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: ingress}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [team-a/api.example.com]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api, namespace: team-b}
spec:
  hosts: [api.example.com]
  gateways: [ingress/public]
  http:
  - route: [{destination: {host: api.team-b.svc.cluster.local}}]
`;
    const [f] = found(text);
    expect(f!.message).toContain('only to VirtualServices in namespace `team-a`');
    expect(f!.docs).toBe('tools/validator-rules/#vs-host-not-in-gateway');
  });
  it('leaves double-mTLS bundles to align-sni and partial pastes alone', () => {
    for (const p of presets) expect(found(p.yaml)).toEqual([]);
    const vsOnly = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: a}\nspec:\n  hosts: [x.example.com]\n  gateways: [istio-system/elsewhere]\n  http:\n  - route: [{destination: {host: x.example.com}}]\n';
    expect(found(vsOnly)).toEqual([]);
  });
});
