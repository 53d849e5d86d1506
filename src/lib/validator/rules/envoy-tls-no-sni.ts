import type { Rule } from '../types.ts';
import { envoyDocs, field, TLS_UPSTREAM, tlsContext } from '../envoy/model.ts';
import { arr, isObj, str } from '../util.ts';

export const rule: Rule = {
  id: 'envoy-tls-no-sni',
  severity: 'warning',
  title: { ko: 'Envoy 업스트림 TLS에 sni가 없다', en: 'Envoy upstream TLS without sni' },
  summary: {
    ko: '`UpstreamTlsContext`에 `sni`가 없으면 Envoy는 ClientHello에 서버 이름을 넣지 않는다. SNI로 가상 호스트를 고르는 서버나 CDN은 기본 인증서를 주거나 핸드셰이크를 거부한다(`alert handshake failure`). `sni: <업스트림 호스트 이름>`을 쓰자. HTTP라면 클러스터의 `auto_sni`로 Host 헤더에서 채우는 방법도 있다.',
    en: 'Without `sni` in an `UpstreamTlsContext`, Envoy sends no server name in its ClientHello. Servers and CDNs that pick virtual hosts by SNI return a default certificate or refuse the handshake (`alert handshake failure`). Set `sni: <upstream host name>`; for HTTP, a cluster\'s `auto_sni` can fill it from the Host header.',
  },
  docs: 'envoy/tls-troubleshooting/',
  check(ctx) {
    for (const d of envoyDocs(ctx)) {
      for (const c of d.clusters) {
        const sockets = [{ ts: field(c.value, 'transport_socket'), path: [...c.path, 'transport_socket'] },
          ...arr(field(c.value, 'transport_socket_matches')).map((m, i) => ({ ts: isObj(m) ? field(m, 'transport_socket') : undefined, path: [...c.path, 'transport_socket_matches', i, 'transport_socket'] }))];
        const autoSni = JSON.stringify(c.value).includes('"auto_sni":true') || JSON.stringify(c.value).includes('"autoSni":true');
        for (const s of sockets) {
          const tls = tlsContext(s.ts, TLS_UPSTREAM);
          if (!tls || str(tls.sni) || autoSni) continue;
          ctx.report({ rule: 'envoy-tls-no-sni', at: d.src, path: [...s.path, 'typed_config'], msg: {
            ko: `클러스터 \`${str(c.value.name) ?? ''}\`의 업스트림 TLS에 \`sni\`가 없어 ClientHello에 서버 이름이 빠진다. SNI로 인증서를 고르는 서버는 기본 인증서를 주거나 핸드셰이크를 거부한다. \`sni: <호스트 이름>\`을 더하자.`,
            en: `The upstream TLS of cluster \`${str(c.value.name) ?? ''}\` has no \`sni\`, so the ClientHello carries no server name. Servers that choose certificates by SNI send a default one or refuse the handshake. Add \`sni: <host name>\`.` } });
        }
      }
    }
  },
};
