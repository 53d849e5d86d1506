import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('vs-gateway-missing');

describe('vs-gateway-missing on a partial paste', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop-gw, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api, namespace: team-b}
spec:
  hosts: [api.example.com]
  gateways: [istio-system/ingressgateway]
  http:
  - route: [{destination: {host: api.team-b.svc.cluster.local}}]
`;
  it('is only an info when no Gateway of that name or a similar one is in the paste', () => {
    const found = lint([{ name: 'p.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'vs-gateway-missing');
    expect(found.map((f) => f.severity)).toEqual(['info']);
    // No "`x` resolves to `x`" when the reference already names its namespace.
    expect(found[0]!.message).not.toMatch(/resolves to/);
    expect(found[0]!.message).toContain('Gateway `istio-system/ingressgateway` is not in the paste');
  });
  it('does not take another gateway two letters away for a typo', () => {
    const egress = text.replace('name: shop-gw, namespace: shop', 'name: egressgateway, namespace: istio-system');
    const found = lint([{ name: 'p.yaml', text: egress }], { lang: 'en' }).findings.filter((f) => f.rule === 'vs-gateway-missing');
    expect(found.map((f) => f.severity)).toEqual(['info']);
  });
  it('explains how a bare name is looked up', () => {
    const bare = text.replace('gateways: [istio-system/ingressgateway]', 'gateways: [ingressgateway]');
    const [f] = lint([{ name: 'p.yaml', text: bare }], { lang: 'en' }).findings.filter((x) => x.rule === 'vs-gateway-missing');
    expect(f!.message).toContain('`ingressgateway` is looked up in the VS\'s namespace as `team-b/ingressgateway`');
  });
});
