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
    const [f, ...rest] = found(`${gw('a', 'istio-system', https('shop.example.com', 'a'))}---\n${gw('b', 'shop', https('shop.example.com', 'b'))}`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', resource: 'Gateway/shop/b' });
    expect(f!.message).toContain('Gateway `istio-system/a`');
    expect(f!.message).not.toMatch(/same gateway\b(?! workload)/);
  });
  it('stays quiet on HTTP servers of one port in two Gateways (Istio merges them)', () => {
    expect(found(`${gw('a', 'team-a', http)}---\n${gw('b', 'team-b', http)}`)).toEqual([]);
  });
  it('mentions an identical HTTP server repeated inside one Gateway only as info', () => {
    expect(found(gw('a', 'team-a', http + http)).map((f) => f.severity)).toEqual(['info']);
  });
});
