import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('gw-duplicate-server');

const gw = (name: string, ns: string, servers: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    istio: ingressgateway
  servers:
${servers}`;
const https = (host: string, cred: string) => `  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["${host}"]
    tls: {mode: SIMPLE, credentialName: ${cred}}
`;
const http = `  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
`;
const found = (text: string) => lint([{ name: 'g.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'gw-duplicate-server');

describe('gw-duplicate-server across Gateway resources', () => {
  it('names the other Gateway, and does not call it "the same gateway"', () => {
    const [first, f, ...rest] = found(`${gw('a', 'istio-system', https('shop.example.com', 'a'))}---\n${gw('b', 'shop', https('shop.example.com', 'b'))}`);
    expect(rest).toEqual([]);
    // istioctl reports IST0145 on both Gateways; istiod drops the later server.
    expect(first).toMatchObject({ severity: 'error', resource: 'Gateway/istio-system/a', istioctl: 'IST0145' });
    expect(first!.message).toContain('istiod drops that server');
    expect(f).toMatchObject({ severity: 'error', resource: 'Gateway/shop/b', istioctl: 'IST0145' });
    expect(f!.message).toContain('Gateway `istio-system/a`');
    expect(f!.message).not.toMatch(/same gateway\b(?! workload)/);
  });
  it('warns on HTTP servers with one host in two Gateways (istiod merges them; istioctl IST0145)', () => {
    const f = found(`${gw('a', 'team-a', http)}---\n${gw('b', 'team-b', http)}`);
    expect(f.map((x) => [x.resource, x.severity, x.istioctl])).toEqual([['Gateway/team-a/a', 'warning', 'IST0145'], ['Gateway/team-b/b', 'warning', 'IST0145']]);
  });
  it('stays quiet on HTTP servers of one port with different hosts in two Gateways', () => {
    const other = http.replace('"*"', 'other.example.com');
    expect(found(`${gw('a', 'team-a', http)}---\n${gw('b', 'team-b', other)}`)).toEqual([]);
  });
  it('mentions an identical HTTP server repeated inside one Gateway only as info', () => {
    expect(found(gw('a', 'team-a', http + http)).map((f) => f.severity)).toEqual(['info']);
  });
});
