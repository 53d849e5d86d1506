// Example bundles the validator widget offers (/tools/validator/#preset=<id>): the valid
// double-mTLS bundle and one bundle per classic pitfall, each derived from the valid one by a
// single textual change so the difference is easy to see.
import type { Text } from '../types.ts';
import { VALID_DOUBLE_MTLS } from './valid.ts';

export interface Preset { id: string; title: Text; description: Text; yaml: string; expect: string[] }

function variant(from: string, to: string): string {
  if (!VALID_DOUBLE_MTLS.includes(from)) throw new Error(`preset edit not found: ${from}`);
  return VALID_DOUBLE_MTLS.replace(from, to);
}

const SECOND_DR = `---
# A second DR for the same external host, "just for the timeout".
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner-timeouts
  namespace: istio-egress
spec:
  host: api.northwind.example
  exportTo:
  - "."
  trafficPolicy:
    connectionPool:
      tcp:
        connectTimeout: 1s
`;

export const presets: Preset[] = [
  {
    id: 'double-mtls-valid',
    title: { ko: '올바른 이중 mTLS 이그레스', en: 'Valid double-mTLS egress' },
    description: { ko: 'ServiceEntry, Gateway, 홉마다 하나씩인 DR 두 개, VirtualService, 시크릿이 모두 맞물린 번들이다.', en: 'ServiceEntry, Gateway, one DR per hop, VirtualService and secret, all aligned.' },
    yaml: VALID_DOUBLE_MTLS,
    expect: [],
  },
  {
    id: 'pitfall-duplicate-dr',
    title: { ko: '함정: 한 호스트에 DR 두 개', en: 'Pitfall: two DRs for one host' },
    description: { ko: '외부 호스트에 DR이 하나 더 생겨 두 DR이 조용히 합쳐지고 한쪽의 trafficPolicy가 무시된다.', en: 'A second DR for the external host: the two merge silently and one trafficPolicy is ignored.' },
    yaml: VALID_DOUBLE_MTLS + SECOND_DR,
    expect: ['dr-duplicate-host'],
  },
  {
    id: 'pitfall-host-mismatch',
    title: { ko: '함정: host 문자열의 조용한 불일치', en: 'Pitfall: silent host mismatch' },
    description: { ko: '홉 2 DR의 host에 오타가 있어 어느 레지스트리 이름과도 맞지 않고, DR은 오류 없이 무시된다.', en: 'A typo in the hop-2 DR host matches no registry name; the DR is ignored without an error.' },
    yaml: variant('  host: api.northwind.example\n  exportTo:', '  host: api.northwind.exmaple\n  exportTo:'),
    expect: ['align-host-registry'],
  },
  {
    id: 'pitfall-mesh-route-missing',
    title: { ko: '함정: 메시 라우트가 없어 조용히 우회', en: 'Pitfall: silent bypass without a mesh route' },
    description: { ko: 'VirtualService에 메시 라우트가 없어 사이드카가 게이트웨이를 거치지 않고 바로 나간다. 요청은 200이지만 mTLS는 한 겹도 없다.', en: 'No mesh route: sidecars go straight out instead of through the gateway. Requests return 200 with no mTLS at all.' },
    yaml: variant(`  gateways:
  - mesh
  - partner-egress
  http:
  - match:
    - gateways:
      - mesh
      port: 80
    route:
    - destination:
        host: istio-egressgateway.istio-egress.svc.cluster.local
        subset: partner
        port:
          number: 443
`, `  gateways:
  - partner-egress
  http:
`),
    expect: ['vs-mesh-route-missing'],
  },
  {
    id: 'pitfall-sni-mismatch',
    title: { ko: '함정: SNI와 호스트 정렬 붕괴', en: 'Pitfall: SNI/host misalignment' },
    description: { ko: '홉 1 DR의 sni가 Gateway hosts와 달라 게이트웨이가 필터 체인을 찾지 못하고 연결을 리셋한다.', en: 'Hop 1\'s sni differs from the Gateway hosts: the gateway finds no filter chain and resets the connection.' },
    yaml: variant('        mode: ISTIO_MUTUAL\n        sni: api.northwind.example', '        mode: ISTIO_MUTUAL\n        sni: northwind.example'),
    expect: ['align-sni'],
  },
  {
    id: 'pitfall-secret',
    title: { ko: '함정: 시크릿 위치와 키 이름', en: 'Pitfall: secret location and keys' },
    description: { ko: '시크릿이 애플리케이션 네임스페이스에 있고 키 이름도 tls.crt/tls.key가 아니라 게이트웨이가 인증서를 받지 못한다.', en: 'The secret sits in an application namespace with keys other than tls.crt/tls.key: the gateway gets no certificate.' },
    yaml: variant(`  name: partner-client-cert
  namespace: istio-egress
type: Opaque
stringData:
  tls.crt: "<client certificate PEM>"
  tls.key: "<client private key PEM>"`, `  name: partner-client-cert
  namespace: apps
type: Opaque
stringData:
  client.crt: "<client certificate PEM>"
  client.key: "<client private key PEM>"`),
    expect: ['secret-keys', 'secret-namespace'],
  },
  {
    id: 'pitfall-port-level',
    title: { ko: '함정: portLevelSettings는 통째로 대체한다', en: 'Pitfall: port-level settings replace' },
    description: { ko: '커넥션 풀을 상위에 두고 포트 항목에는 tls만 써서, 트래픽이 타는 443 포트에서는 커넥션 풀이 기본값으로 돌아간다.', en: 'The connection pool sits at the top and the port entry has only tls, so port 443 falls back to default pool settings.' },
    yaml: variant(`  trafficPolicy:
    portLevelSettings:
    - port:
        number: 443
      tls:
        mode: ISTIO_MUTUAL
        sni: api.northwind.example
      connectionPool:
        tcp:
          maxConnections: 1024
          connectTimeout: 3s`, `  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 1024
        connectTimeout: 3s
    portLevelSettings:
    - port:
        number: 443
      tls:
        mode: ISTIO_MUTUAL
        sni: api.northwind.example`),
    expect: ['dr-port-level-replaces'],
  },
  {
    id: 'pitfall-duration-unit',
    title: { ko: '함정: 단위 없는 Duration', en: 'Pitfall: Duration without a unit' },
    description: { ko: 'tcpKeepalive.time에 300처럼 숫자만 써서 Istio가 DR 전체를 거부한다.', en: 'tcpKeepalive.time written as a bare 300: Istio rejects the whole DR.' },
    yaml: variant('            time: 300s', '            time: 300'),
    expect: ['duration-unit'],
  },
];
