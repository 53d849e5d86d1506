import type { Rule } from '../types.ts';
import { drTlsBlocks, hostMatches, str } from '../util.ts';
import { destinations, drHost, TLS_ORIGINATING } from './_kit.ts';

export const rule: Rule = {
  id: 'dr-sni-missing',
  severity: 'warning',
  title: { ko: 'TLS를 시작하면서 sni가 없다', en: 'TLS origination without sni' },
  summary: {
    ko: '홉 1(사이드카→이그레스 게이트웨이, `ISTIO_MUTUAL`) DR에 `sni`가 없으면 사이드카는 클러스터 이름을 SNI로 보낸다. 게이트웨이의 `hosts`가 특정 호스트인 서버는 SNI로 필터 체인을 고르므로 매칭에 실패하고 연결이 리셋된다. `sni: <외부 호스트>`를 쓰자(Gateway `hosts`, VirtualService `hosts`와 같은 문자열). 외부 서버로 가는 `SIMPLE`/`MUTUAL`에서 `sni`가 없으면 HTTP는 Host 헤더로 채워지기도 하지만 TCP/TLS 라우트에서는 비므로 `info`로 알린다.',
    en: 'Without `sni` on the hop-1 DR (sidecar to egress gateway, `ISTIO_MUTUAL`) the sidecar sends the cluster name as SNI. A gateway server with specific `hosts` picks its filter chain by SNI, so the match fails and the connection is reset. Set `sni: <external host>` (the same string as the Gateway `hosts` and the VirtualService `hosts`). For `SIMPLE`/`MUTUAL` to an external server a missing `sni` may be filled from the HTTP Host header, but stays empty on TCP/TLS routes, so that case is an `info`.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    const servers = ctx.index.servers.filter((s) => s.mode === 'ISTIO_MUTUAL' && s.hosts.some((h) => h !== '*'));
    const meshToGw = new Set(ctx.index.allRoutes
      .filter((r) => r.gateways.includes('mesh')).flatMap(destinations).map((d) => d.host));
    for (const dr of ctx.index.kind('DestinationRule')) {
      const host = drHost(dr);
      for (const b of drTlsBlocks(dr)) {
        const mode = str(b.tls.mode);
        if (str(b.tls.sni)) continue;
        if (mode === 'ISTIO_MUTUAL' && servers.length && meshToGw.has(host) && /gateway/.test(host)) {
          ctx.report({ rule: 'dr-sni-missing', at: dr, path: [...b.path, 'mode'], msg: {
            ko: `게이트웨이로 가는 홉 1 DR에 \`sni\`가 없다. 게이트웨이 서버(\`hosts: ${servers[0]!.hosts.join(', ')}\`)는 SNI로 필터 체인을 고르므로 매칭에 실패해 연결이 리셋된다. \`sni: ${servers[0]!.hosts[0]}\`를 더하자.`,
            en: `The hop-1 DR toward the gateway has no \`sni\`. The gateway server (\`hosts: ${servers[0]!.hosts.join(', ')}\`) selects its filter chain by SNI, so the match fails and the connection is reset. Add \`sni: ${servers[0]!.hosts[0]}\`.` } });
        } else if (mode && TLS_ORIGINATING.includes(mode) && host.includes('.') && !hostMatches('*.local', host)) {
          ctx.report({ rule: 'dr-sni-missing', at: dr, path: [...b.path, 'mode'], severity: 'info', msg: {
            ko: `외부 호스트 \`${host}\`로 TLS를 시작하는데 \`sni\`가 없다. HTTP 요청이면 Host 헤더로 채워지지만 TCP/TLS 라우트에서는 SNI가 비어, SNI로 가상 호스트를 고르는 서버가 기본 인증서를 줄 수 있다. \`sni: ${host}\`를 쓰자.`,
            en: `TLS is originated to external host \`${host}\` without \`sni\`. HTTP requests get it from the Host header, but on TCP/TLS routes the SNI is empty and a server that picks virtual hosts by SNI may return its default certificate. Set \`sni: ${host}\`.` } });
        }
      }
    }
  },
};
