import type { Rule } from '../types.ts';
import { isObj, str, strs } from '../util.ts';

/** Modes in which the gateway terminates TLS with its own certificate. */
const TERMINATING = ['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'];

export const rule: Rule = {
  id: 'gw-tls-missing',
  severity: 'error',
  title: { ko: 'HTTPS/TLS 서버에 TLS 설정이 없다', en: 'HTTPS/TLS server without TLS settings' },
  summary: {
    ko: '`protocol: HTTPS`나 `TLS`인 Gateway 서버에 `tls`가 없으면 Istio가 Gateway를 거부한다. `tls.mode`가 `SIMPLE`, `MUTUAL`, `OPTIONAL_MUTUAL`인데 `credentialName`(또는 `serverCertificate`/`privateKey`)이 없으면 게이트웨이가 내밀 서버 인증서가 없어 핸드셰이크가 실패한다. 종료할 거라면 `mode: SIMPLE`과 `credentialName: <시크릿>`을, 그대로 넘길 거라면 `mode: PASSTHROUGH`를, 메시 상호 TLS라면 `mode: ISTIO_MUTUAL`을 쓰자.',
    en: 'A Gateway server with `protocol: HTTPS` or `TLS` and no `tls` block is rejected by Istio. With `tls.mode` `SIMPLE`, `MUTUAL` or `OPTIONAL_MUTUAL` but no `credentialName` (or `serverCertificate`/`privateKey`) the gateway has no server certificate to present and handshakes fail. To terminate, write `mode: SIMPLE` and `credentialName: <secret>`; to pass through, `mode: PASSTHROUGH`; for mesh mutual TLS, `mode: ISTIO_MUTUAL`.',
  },
  docs: 'patterns/termination/',
  check(ctx) {
    for (const s of ctx.index.servers) {
      const base = ['spec', 'servers', s.index];
      if ((s.protocol === 'HTTPS' || s.protocol === 'TLS') && !isObj(s.server.tls)) {
        ctx.report({ rule: 'gw-tls-missing', at: s.gw, path: [...base, 'port', 'protocol'], on: 'value', msg: {
          ko: `\`protocol: ${s.protocol}\` 서버에 \`tls\` 설정이 없어 Istio가 이 Gateway를 거부한다. \`tls.mode\`(SIMPLE, MUTUAL, PASSTHROUGH, ISTIO_MUTUAL)를 쓰자.`,
          en: `A \`protocol: ${s.protocol}\` server without \`tls\` makes Istio reject this Gateway. Add \`tls.mode\` (SIMPLE, MUTUAL, PASSTHROUGH, ISTIO_MUTUAL).` } });
      } else if (isObj(s.server.tls) && TERMINATING.includes(s.mode ?? '')) {
        const t = s.server.tls;
        if (str(t.credentialName) || strs(t.credentialNames).length || (str(t.serverCertificate) && str(t.privateKey))) continue;
        ctx.report({ rule: 'gw-tls-missing', at: s.gw, path: [...base, 'tls', 'mode'], on: 'value', msg: {
          ko: `\`mode: ${s.mode}\`인데 \`credentialName\`(또는 \`serverCertificate\`/\`privateKey\`)이 없어 게이트웨이가 내밀 서버 인증서가 없다. 클라이언트 핸드셰이크가 실패한다. 게이트웨이 네임스페이스의 TLS 시크릿을 \`credentialName\`으로 지정하자.`,
          en: `\`mode: ${s.mode}\` without \`credentialName\` (or \`serverCertificate\`/\`privateKey\`): the gateway has no server certificate and client handshakes fail. Point \`credentialName\` at a TLS secret in the gateway's namespace.` } });
      }
    }
  },
};
