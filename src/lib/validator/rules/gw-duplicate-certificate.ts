// istioctl IST0138 (GatewayDuplicateCertificate), istio 1.30.3 pkg/config/analysis/analyzers/
// gateway/certificate.go: two Gateways of one gateway workload (the other's selector contains all of
// this one's labels; an empty selector matches every Gateway) whose TLS servers use the same
// certificate (same `credentialName`, or same `serverCertificate` and `privateKey` files).
// With PILOT_SCOPE_GATEWAY_TO_NAMESPACE=true istioctl compares Gateways of one namespace only; the
// default (false) is assumed here.
import type { Rule } from '../types.ts';
import { isObj, str } from '../util.ts';
import { gwKey, pushTo } from './_kit.ts';
import type { Server } from './_kit.ts';

const ID = 'gw-duplicate-certificate';

/** Every label of `x` is in `y` with the same value (istioctl's selectorSubset). */
function subset(x: unknown, y: unknown): boolean {
  const a = isObj(x) ? x : {};
  const b = isObj(y) ? y : {};
  return Object.entries(a).every(([k, v]) => k in b && b[k] === v);
}

/** What istioctl's haveSameCertificate compares: the credentialName, else certificate and key files. */
function certKey(tls: Record<string, unknown>): string | undefined {
  const cred = str(tls.credentialName);
  if (cred) return `cred:${cred}`;
  const [cert, key] = [str(tls.serverCertificate), str(tls.privateKey)];
  return cert && key ? `files:${cert}|${key}` : undefined;
}

const what = (tls: Record<string, unknown>) => (str(tls.credentialName) ? `credentialName \`${str(tls.credentialName)}\`` : `serverCertificate \`${str(tls.serverCertificate)}\``);

export const rule: Rule = {
  id: ID,
  severity: 'warning',
  istioctl: 'IST0138',
  title: { ko: '같은 인증서를 쓰는 Gateway가 여럿', en: 'Several Gateways use the same certificate' },
  summary: {
    ko: '같은 게이트웨이 워크로드를 고르는 두 Gateway의 TLS 서버가 같은 인증서를 쓰는 경우다(같은 `credentialName`, 또는 같은 `serverCertificate`와 `privateKey`). 브라우저 같은 HTTP/2 클라이언트는 인증서가 덮는 다른 호스트에도 이미 열린 연결을 다시 쓴다. 그 연결의 필터 체인은 처음 호스트의 Gateway 것이라 다른 Gateway의 호스트 요청은 `404`(`NR`)로 끝날 수 있다(istioctl IST0138). 같은 인증서를 쓰는 호스트는 한 Gateway의 한 서버에 모으자. 비교 범위는 istioctl과 같다. 다른 Gateway의 `selector`에 이 Gateway의 `selector` 레이블이 모두 들어 있으면 같은 워크로드로 본다(빈 `selector`면 모든 Gateway와 비교한다).',
    en: 'When TLS servers of two Gateways for the same gateway workload use the same certificate (same `credentialName`, or the same `serverCertificate` and `privateKey`), HTTP/2 clients such as browsers reuse an open connection for other hosts the certificate covers. That connection\'s filter chain belongs to the first host\'s Gateway, so requests for the other Gateway\'s hosts can end in `404` (`NR`) (istioctl IST0138). Put the hosts that share a certificate into one server of one Gateway. The comparison is istioctl\'s: other Gateways whose `selector` has all of this Gateway\'s labels (every Gateway, for an empty `selector`).',
  },
  docs: 'tools/validator-rules/#gw-duplicate-certificate',
  check(ctx) {
    // Servers by certificate, so only Gateways that share one are compared (a big paste stays linear).
    const byCert = new Map<string, Server[]>();
    for (const s of ctx.index.servers) {
      if (!isObj(s.server.tls)) continue;
      const key = certKey(s.server.tls);
      if (key) pushTo(byCert, key, s);
    }
    const done = new Set<string>();
    for (const servers of byCert.values()) {
      for (const a of servers) {
        const gw = a.gw;
        if (done.has(gwKey(gw))) continue;
        const others = [...new Set(servers.map((b) => b.gw))].filter((o) => o !== gw && subset(gw.spec.selector, o.spec.selector));
        if (!others.length) continue;
        done.add(gwKey(gw));
        const names = others.slice(0, 3).map((o) => `\`${gwKey(o)}\``).join(', ') + (others.length > 3 ? ` (+${others.length - 3})` : '');
        const tls = a.server.tls as Record<string, unknown>;
        const field = str(tls.credentialName) ? 'credentialName' : 'serverCertificate';
        ctx.report({ rule: ID, at: gw, path: ['spec', 'servers', a.index, 'tls', field], on: 'value', msg: {
          ko: `Gateway ${names}도 같은 게이트웨이 워크로드에서 같은 인증서(${what(tls)})를 쓴다. HTTP/2 클라이언트가 한 연결을 여러 Gateway의 호스트에 다시 쓰면 요청이 다른 Gateway의 필터 체인으로 들어가 \`404\`가 날 수 있다. 이 인증서의 호스트를 한 Gateway의 한 서버에 모으자.`,
          en: `Gateway ${names} also use${others.length === 1 ? 's' : ''} the same certificate (${what(tls)}) on the same gateway workload. When an HTTP/2 client reuses one connection for hosts of several Gateways, requests land in another Gateway's filter chain and can get \`404\`. Serve this certificate's hosts from one server of one Gateway.` } });
      }
    }
  },
};
