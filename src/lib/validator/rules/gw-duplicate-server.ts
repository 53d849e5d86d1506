import type { Rule } from '../types.ts';
import { isObj } from '../util.ts';
import { gwKey } from './_kit.ts';
import type { Server } from './_kit.ts';

const selectorKey = (s: unknown) => (isObj(s) ? JSON.stringify(Object.entries(s).sort()) : '');
/** Servers whose port carries TLS: Envoy picks their filter chain by SNI, one chain per host. */
const isTls = (s: Server) => s.protocol === 'HTTPS' || s.protocol === 'TLS';
const sameServer = (a: Server, b: Server) => a.protocol === b.protocol
  && JSON.stringify([...a.hosts].sort()) === JSON.stringify([...b.hosts].sort())
  && JSON.stringify(a.server.tls ?? null) === JSON.stringify(b.server.tls ?? null);

export const rule: Rule = {
  id: 'gw-duplicate-server',
  severity: 'warning',
  title: { ko: '같은 포트, 같은 호스트의 Gateway 서버가 둘', en: 'Two Gateway servers for the same port and host' },
  summary: {
    ko: '같은 게이트웨이 워크로드(`selector`)에 같은 포트 번호와 같은 호스트를 가진 TLS 서버(`HTTPS`, `TLS`)가 둘 있으면, Envoy는 SNI 하나에 필터 체인 하나만 둘 수 있어 Istio가 그중 하나만 쓰고, 어느 쪽인지는 생성 순서에 달려 있다(istioctl IST0145). 두 서버가 다른 Gateway 리소스에 있어도 같은 워크로드를 고르면 마찬가지다. 한 서버로 합치거나 호스트를 나누자. 평문 `HTTP` 서버는 같은 포트끼리 한 라우트 설정으로 합쳐지므로 충돌이 아니다. 한 Gateway 안에 똑같은 HTTP 서버를 되풀이한 경우만 `info`로 알린다. 포트가 다르거나 `selector`가 다르거나 와일드카드와 구체 호스트가 섞인 경우도 알리지 않는다.',
    en: 'Two TLS servers (`HTTPS`, `TLS`) with the same port number and the same host on the same gateway workload (`selector`) conflict: Envoy can hold one filter chain per SNI, so Istio uses only one of them, depending on creation order (istioctl IST0145). That holds across Gateway resources too, when they select the same workload. Merge them into one server or split the hosts. Plaintext `HTTP` servers on one port are merged into one route configuration and do not conflict; only an identical HTTP server repeated inside one Gateway is mentioned, as `info`. Different ports, different selectors, or a wildcard next to a concrete host are not reported either.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    const seen = new Map<string, Server[]>();
    for (const s of ctx.index.servers) {
      if (s.port === undefined) continue;
      for (const [hi, host] of s.hosts.entries()) {
        const key = `${selectorKey(s.gw.spec.selector)}|${s.port}|${host}`;
        let earlier = seen.get(key);
        if (!earlier) seen.set(key, (earlier = []));
        if (earlier[earlier.length - 1] !== s) earlier.push(s);
        const path = ['spec', 'servers', s.index, 'hosts', hi];
        const clash = isTls(s) ? earlier.find((p) => p !== s && isTls(p)) : undefined;
        if (clash) {
          const sameGw = clash.gw === s.gw;
          ctx.report({ rule: 'gw-duplicate-server', at: s.gw, path, on: 'value', msg: sameGw ? {
            ko: `포트 ${s.port}의 \`${host}\`는 이 Gateway의 다른 TLS 서버(${clash.index + 1}번째)에도 있다. SNI 하나에 필터 체인은 하나뿐이라 둘 중 하나만 쓰이고, 어느 쪽일지는 알 수 없다. 한 서버로 합치자.`,
            en: `\`${host}\` on port ${s.port} is also served by another TLS server of this Gateway (server ${clash.index + 1}). There is one filter chain per SNI, so only one of them is used, and which is not defined. Merge them into one server.` } : {
            ko: `포트 ${s.port}의 \`${host}\`는 Gateway \`${gwKey(clash.gw)}\`의 TLS 서버에도 있고, 두 Gateway는 같은 게이트웨이 워크로드(\`selector\`)를 고른다. SNI 하나에 필터 체인은 하나뿐이라 둘 중 하나만 쓰이고, 어느 쪽일지는 생성 순서에 달려 있다. 한 서버로 합치거나 호스트를 나누자.`,
            en: `\`${host}\` on port ${s.port} is also served by a TLS server of Gateway \`${gwKey(clash.gw)}\`, and both Gateways select the same gateway workload (\`selector\`). There is one filter chain per SNI, so only one of them is used, depending on creation order. Merge them into one server or split the hosts.` } });
          continue;
        }
        const repeated = !isTls(s) && earlier.find((p) => p !== s && p.gw === s.gw && sameServer(p, s));
        if (repeated) {
          ctx.report({ rule: 'gw-duplicate-server', at: s.gw, path, on: 'value', severity: 'info', msg: {
            ko: `이 서버는 같은 Gateway의 ${repeated.index + 1}번째 서버와 똑같다(포트 ${s.port}, \`${host}\`). 평문 서버는 합쳐지므로 동작에는 문제가 없지만 하나는 필요 없다.`,
            en: `This server repeats server ${repeated.index + 1} of the same Gateway (port ${s.port}, \`${host}\`). Plaintext servers are merged, so it does no harm, but one of them is redundant.` } });
        }
      }
    }
  },
};
