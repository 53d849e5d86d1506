import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('se-double-tls');

// The shape of Istio's earlier "Egress TLS origination" task: the ServiceEntry declares 80/HTTP
// and 443/HTTPS, a mesh VirtualService sends port-80 requests to port 443 and the DR originates
// TLS on 443.
const task = (match: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: news
spec:
  hosts:
  - news.example.com
  ports:
  - number: 80
    name: http-port
    protocol: HTTP
  - number: 443
    name: https-port
    protocol: HTTPS
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: rewrite-port-for-news
spec:
  hosts:
  - news.example.com
  http:
  - ${match}route:
    - destination:
        host: news.example.com
        port:
          number: 443
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: originate-tls-for-news
spec:
  host: news.example.com
  trafficPolicy:
    portLevelSettings:
    - port:
        number: 443
      tls:
        mode: SIMPLE
        sni: news.example.com
`;
const found = (text: string) => lint([{ name: 't.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'se-double-tls');

describe('se-double-tls with a port rewrite', () => {
  it('is only an info when the traffic reaches the TLS port from an HTTP port', () => {
    const f = found(task('match:\n    - port: 80\n    '));
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0]!.message).toContain('from port 80 to port 443');
  });
  it('stays a warning when the route does not say which port it moves traffic from', () => {
    expect(found(task('')).map((x) => x.severity)).toEqual(['warning']);
  });
});
