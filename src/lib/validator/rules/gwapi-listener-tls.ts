// The `tls` of a Gateway API listener. gateway-api v1.5.1 apis/v1/gateway_types.go: Listener.TLS
// is required for HTTPS and TLS and invalid for HTTP/TCP/UDP; CEL rules on `listeners` reject
// `tls` on HTTP/TCP/UDP, a mode other than Terminate on HTTPS, and a TLS listener without `tls`;
// ListenerTLSConfig's CEL rule rejects Terminate without `certificateRefs` or `options`. The CRD
// defaults `tls.mode` to Terminate before CEL runs (config/crd/standard/…_gateways.yaml), so a
// `tls` without `mode` is Terminate, on TLS listeners too. No CEL rule catches HTTPS without `tls`
// (tests/cel/gateway_test.go accepts it), but istio 1.30.3 then builds no TLS termination
// (pkg/config/gateway/gateway.go IsHTTPSServerWithTLSTermination needs server.Tls). The schema
// rule does not run CEL, so these are checked here. With `options` but no `certificateRefs`,
// istio 1.30.3 conversion.go buildTLS serves no certificate unless the option
// `gateway.istio.io/tls-terminate-mode` is ISTIO_SIMPLE or ISTIO_MUTUAL (the workload certificate).
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { k8sGateways, listeners } from './_gwapi.ts';

const ID = 'gwapi-listener-tls';
const OWN_CERT = ['ISTIO_SIMPLE', 'ISTIO_MUTUAL'];

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: 'Gateway API 리스너의 TLS 설정이 프로토콜과 맞지 않는다', en: 'Gateway API listener TLS settings do not fit its protocol' },
  summary: {
    ko: 'Gateway API는 `protocol: HTTPS`와 `TLS` 리스너에 `tls`를 요구하고 `HTTP`, `TCP`, `UDP` 리스너의 `tls`는 거부한다. HTTPS 리스너는 `mode: Terminate`만 받는다. `tls.mode`를 생략하면 API 서버가 `Terminate`로 채운다. `Terminate`인데 `certificateRefs`도 `options`도 없으면 API 서버가 Gateway를 거부한다. `options`만 있으면 받아들여지지만 Istio는 `gateway.istio.io/tls-terminate-mode`가 `ISTIO_SIMPLE`·`ISTIO_MUTUAL`일 때만 인증서를 스스로 고르므로, 그 밖에는 리스너가 내밀 서버 인증서가 없다. 종료할 리스너에는 `certificateRefs`로 TLS 시크릿을 지정하고, 그대로 넘길 리스너는 `protocol: TLS`와 `mode: Passthrough`로 쓰자.',
    en: 'The Gateway API requires `tls` on `protocol: HTTPS` and `TLS` listeners and rejects it on `HTTP`, `TCP` and `UDP` ones. An HTTPS listener takes only `mode: Terminate`. Without `tls.mode` the API server fills in `Terminate`. `Terminate` with neither `certificateRefs` nor `options` makes the API server reject the Gateway. With `options` alone it is accepted, but Istio picks a certificate by itself only when `gateway.istio.io/tls-terminate-mode` is `ISTIO_SIMPLE` or `ISTIO_MUTUAL`; otherwise the listener has no server certificate to present. Point `certificateRefs` at a TLS secret on a terminating listener; write a pass-through listener as `protocol: TLS` with `mode: Passthrough`.',
  },
  docs: 'gateway-api/tls/',
  check(ctx) {
    for (const gw of k8sGateways(ctx.resources)) {
      for (const l of listeners(gw, ctx.resources)) {
        const p = l.protocol;
        // Point at a scalar's value, or at the key of a block (`tls:`, `options:`).
        const at = (path: string[], ko: string, en: string) =>
          ctx.report({ rule: ID, at: gw, path: [...l.path, ...path], on: ['tls', 'options'].includes(path[path.length - 1]!) ? 'key' : 'value', msg: { ko, en } });
        if (['HTTP', 'TCP', 'UDP'].includes(p)) {
          if (l.tls) ctx.report({ rule: ID, at: gw, path: [...l.path, 'tls'], msg: {
            ko: `\`protocol: ${p}\` 리스너 \`${l.name}\`에는 \`tls\`를 둘 수 없어 API 서버가 Gateway를 거부한다. TLS를 종료하려면 \`protocol: HTTPS\`를, 그대로 넘기려면 \`protocol: TLS\`를 쓰자.`,
            en: `Listener \`${l.name}\` has \`protocol: ${p}\`, which cannot carry \`tls\`: the API server rejects the Gateway. Use \`protocol: HTTPS\` to terminate TLS, or \`protocol: TLS\` to pass it through.` } });
          continue;
        }
        if (p !== 'HTTPS' && p !== 'TLS') continue;
        if (!l.tls) {
          if (p === 'TLS') {
            at(['protocol'], `\`protocol: TLS\` 리스너 \`${l.name}\`에 \`tls\`가 없어 API 서버가 Gateway를 거부한다. SNI로 그대로 넘기려면 \`tls.mode: Passthrough\`를, 게이트웨이에서 종료하려면 \`tls.certificateRefs\`로 TLS 시크릿을 지정하자.`,
              `Listener \`${l.name}\` has \`protocol: TLS\` but no \`tls\`, so the API server rejects the Gateway. Write \`tls.mode: Passthrough\` to pass connections through by SNI, or point \`tls.certificateRefs\` at a TLS secret to terminate at the gateway.`);
          } else {
            at(['protocol'], `\`protocol: HTTPS\` 리스너 \`${l.name}\`에 \`tls\`가 없다. API 서버는 받아들이지만 Gateway API는 HTTPS에 \`tls\`를 요구하고, Istio는 이 리스너에서 TLS를 종료하지 않는다. 내밀 서버 인증서가 없으니 HTTPS 클라이언트의 핸드셰이크가 실패한다. \`tls.certificateRefs\`로 TLS 시크릿을 지정하자.`,
              `Listener \`${l.name}\` has \`protocol: HTTPS\` but no \`tls\`. The API server accepts it, but the Gateway API requires \`tls\` on HTTPS and Istio does not terminate TLS on this listener: with no server certificate to present, HTTPS clients fail the handshake. Point \`tls.certificateRefs\` at a TLS secret.`);
          }
          continue;
        }
        const written = str(l.tls.mode);
        if (p === 'HTTPS' && written && written !== 'Terminate') {
          at(['tls', 'mode'], `HTTPS 리스너 \`${l.name}\`는 \`mode: Terminate\`만 받아 API 서버가 Gateway를 거부한다. TLS를 그대로 넘기려면 \`protocol: TLS\`와 \`mode: ${written}\`을 쓰고 TLSRoute를 붙이자.`,
            `HTTPS listener \`${l.name}\` only takes \`mode: Terminate\`, so the API server rejects the Gateway. To pass TLS through, write \`protocol: TLS\` with \`mode: ${written}\` and attach a TLSRoute.`);
          continue;
        }
        if (l.mode !== 'Terminate' || arr(l.tls.certificateRefs).length) continue;
        const opts = isObj(l.tls.options) ? l.tls.options : undefined;
        if (!opts || !Object.keys(opts).length) {
          at(l.tls.mode ? ['tls', 'mode'] : ['tls'], `리스너 \`${l.name}\`는 TLS를 종료(Terminate)하는데 \`certificateRefs\`도 \`options\`도 없어 API 서버가 Gateway를 거부한다. 게이트웨이가 내밀 서버 인증서의 TLS 시크릿을 \`certificateRefs\`에 지정하자.`,
            `Listener \`${l.name}\` terminates TLS but has neither \`certificateRefs\` nor \`options\`, so the API server rejects the Gateway. Put the TLS secret of the server certificate in \`certificateRefs\`.`);
        } else if (l.istio && !OWN_CERT.includes(String(opts['gateway.istio.io/tls-terminate-mode'] ?? ''))) {
          at(['tls', 'options'], `리스너 \`${l.name}\`는 TLS를 종료하는데 \`certificateRefs\`가 없다. Gateway는 받아들여지지만 Istio는 \`gateway.istio.io/tls-terminate-mode: ISTIO_SIMPLE\`(또는 \`ISTIO_MUTUAL\`)일 때만 워크로드 인증서를 쓰므로, 이 리스너는 내밀 서버 인증서가 없어 핸드셰이크가 실패한다. \`certificateRefs\`를 추가하자.`,
            `Listener \`${l.name}\` terminates TLS without \`certificateRefs\`. The Gateway is accepted, but Istio uses the workload certificate only with \`gateway.istio.io/tls-terminate-mode: ISTIO_SIMPLE\` (or \`ISTIO_MUTUAL\`), so this listener has no server certificate and handshakes fail. Add \`certificateRefs\`.`);
        }
      }
    }
  },
};
