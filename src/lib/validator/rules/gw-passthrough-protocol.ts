import type { Rule } from '../types.ts';
import { isObj, str } from '../util.ts';

export const rule: Rule = {
  id: 'gw-passthrough-protocol',
  severity: 'error',
  title: { ko: 'TLS 패스스루 서버의 프로토콜', en: 'Protocol of a TLS passthrough server' },
  summary: {
    ko: '`tls.mode: PASSTHROUGH`(또는 `AUTO_PASSTHROUGH`)는 게이트웨이가 TLS를 풀지 않고 SNI만 보고 넘기는 방식이라, 서버 `protocol`이 `TLS`나 `HTTPS`여야 한다. `HTTP`, `TCP` 같은 프로토콜과 함께 쓰면 SNI로 고를 TLS가 없어 라우팅이 되지 않는다. `protocol: TLS`로 쓰자. 패스스루 서버의 `credentialName`은 쓰이지 않으므로 `info`로 알린다.',
    en: '`tls.mode: PASSTHROUGH` (or `AUTO_PASSTHROUGH`) forwards TLS unopened, routing by SNI only, so the server `protocol` must be `TLS` or `HTTPS`. With `HTTP`, `TCP` or another protocol there is no TLS to read an SNI from and routing fails. Write `protocol: TLS`. A `credentialName` on a passthrough server is never used, reported as `info`.',
  },
  docs: 'patterns/passthrough/',
  check(ctx) {
    for (const s of ctx.index.servers) {
      if (s.mode !== 'PASSTHROUGH' && s.mode !== 'AUTO_PASSTHROUGH') continue;
      const base = ['spec', 'servers', s.index];
      if (s.protocol && s.protocol !== 'TLS' && s.protocol !== 'HTTPS') {
        ctx.report({ rule: 'gw-passthrough-protocol', at: s.gw, path: [...base, 'port', 'protocol'], on: 'value', msg: {
          ko: `\`mode: ${s.mode}\`인데 \`protocol: ${s.protocol}\`다. 패스스루는 TLS의 SNI로 라우팅하므로 이 조합은 동작하지 않는다. \`protocol: TLS\`로 쓰자.`,
          en: `\`mode: ${s.mode}\` with \`protocol: ${s.protocol}\`: passthrough routes on the TLS SNI, so this combination cannot work. Write \`protocol: TLS\`.` } });
      }
      if (isObj(s.server.tls) && (str(s.server.tls.credentialName) || str(s.server.tls.serverCertificate))) {
        ctx.report({ rule: 'gw-passthrough-protocol', at: s.gw, path: [...base, 'tls', 'mode'], on: 'value', severity: 'info', msg: {
          ko: '패스스루 서버는 TLS를 풀지 않으므로 여기 지정한 인증서(`credentialName` 등)는 쓰이지 않는다. 종료가 목적이면 `mode: SIMPLE`을 쓰자.',
          en: 'A passthrough server does not open TLS, so the certificate given here (`credentialName` etc.) is never used. To terminate, use `mode: SIMPLE`.' } });
      }
    }
  },
};
