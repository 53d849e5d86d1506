import type { Rule } from '../types.ts';
import { hostMatches, strs } from '../util.ts';

const TERMINATING = ['SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'];

export const rule: Rule = {
  id: 'vs-route-kind-mismatch',
  severity: 'warning',
  title: { ko: '게이트웨이 서버와 맞지 않는 라우트 종류', en: 'Route kind does not fit the gateway server' },
  summary: {
    ko: '`PASSTHROUGH` 서버는 TLS를 풀지 않으므로 게이트웨이는 HTTP를 볼 수 없고, 그 서버에 걸린 `http` 라우트는 적용되지 않는다(`tls` 라우트와 `sniHosts`를 쓰자). 반대로 TLS를 종료하는 `protocol: HTTPS` 서버(`SIMPLE`, `MUTUAL`, `ISTIO_MUTUAL`)에서는 복호화된 HTTP가 흐르므로 `tls` 라우트가 맞지 않는다(`http` 라우트를 쓰자). 적용되지 않는 라우트의 트래픽은 `404`나 연결 리셋으로 끝난다.',
    en: 'A `PASSTHROUGH` server does not open TLS, so the gateway cannot see HTTP and `http` routes bound to it never apply (use `tls` routes with `sniHosts`). Conversely, a terminating `protocol: HTTPS` server (`SIMPLE`, `MUTUAL`, `ISTIO_MUTUAL`) carries decrypted HTTP, so `tls` routes do not fit (use `http` routes). Traffic meant for a route that does not apply ends in a `404` or a connection reset.',
  },
  docs: 'egress/passthrough-vs-origination/',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      const hosts = strs(vs.spec.hosts);
      for (const r of ctx.index.routes(vs)) {
        for (const g of r.gateways) {
          const relevant = (ctx.index.serversByGw.get(g) ?? []).filter((s) => s.hosts.some((sh) => hosts.some((h) => hostMatches(sh, h) || hostMatches(h, sh))));
          if (!relevant.length) continue;
          const allPassthrough = relevant.every((s) => s.mode === 'PASSTHROUGH' || s.mode === 'AUTO_PASSTHROUGH');
          const allTerminatingHttps = relevant.every((s) => s.protocol === 'HTTPS' && TERMINATING.includes(s.mode ?? ''));
          if (r.kind === 'http' && allPassthrough) {
            ctx.report({ rule: 'vs-route-kind-mismatch', at: vs, path: ['spec', 'http', r.index], msg: {
              ko: `\`${g}\`의 서버는 \`PASSTHROUGH\`라 게이트웨이가 TLS를 풀지 않는다. HTTP를 볼 수 없으므로 이 \`http\` 라우트는 적용되지 않는다. \`tls\` 라우트에 \`sniHosts\`를 쓰자.`,
              en: `The server on \`${g}\` is \`PASSTHROUGH\`: the gateway does not open TLS and cannot see HTTP, so this \`http\` route never applies. Use a \`tls\` route with \`sniHosts\`.` } });
          } else if (r.kind === 'tls' && allTerminatingHttps) {
            ctx.report({ rule: 'vs-route-kind-mismatch', at: vs, path: ['spec', 'tls', r.index], msg: {
              ko: `\`${g}\`의 서버는 \`protocol: HTTPS\`로 TLS를 종료하므로 그 뒤에는 HTTP가 흐른다. 이 \`tls\` 라우트는 적용되지 않는다. \`http\` 라우트로 바꾸자.`,
              en: `The server on \`${g}\` terminates TLS (\`protocol: HTTPS\`), so plain HTTP flows after it and this \`tls\` route never applies. Use an \`http\` route.` } });
          }
        }
      }
    }
  },
};
