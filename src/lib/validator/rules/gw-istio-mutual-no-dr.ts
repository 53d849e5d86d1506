import type { Rule } from '../types.ts';
import { drTlsBlocks, str } from '../util.ts';
import { destinations, gwKey } from './_kit.ts';

export const rule: Rule = {
  id: 'gw-istio-mutual-no-dr',
  severity: 'warning',
  title: { ko: 'ISTIO_MUTUAL 게이트웨이 서버에 짝이 되는 DR이 없다', en: 'ISTIO_MUTUAL gateway server without its hop-1 DR' },
  summary: {
    ko: 'Gateway 서버의 `tls.mode: ISTIO_MUTUAL`은 클라이언트 인증서를 요구한다. 사이드카 쪽에서 게이트웨이 Service로 가는 DR이 `ISTIO_MUTUAL`(그리고 `sni`)을 쓰지 않으면, 사이드카가 게이트웨이의 기대와 다른 핸드셰이크를 하고 연결이 리셋된다. 게이트웨이 Service FQDN을 host로 하는 DR에 `tls.mode: ISTIO_MUTUAL`과 `sni: <외부 호스트>`를 쓰자. 번들에 게이트웨이로 가는 메시 라우트가 없으면(일부만 붙여 넣은 경우) 조용히 넘어간다.',
    en: 'A Gateway server with `tls.mode: ISTIO_MUTUAL` requires a client certificate. If the DR that sidecars use toward the gateway Service does not set `ISTIO_MUTUAL` (and `sni`), the sidecar\'s handshake is not what the gateway expects and the connection is reset. Give the DR whose host is the gateway Service FQDN `tls.mode: ISTIO_MUTUAL` and `sni: <external host>`. When the bundle has no mesh route to the gateway (a partial paste), the rule stays quiet.',
  },
  docs: 'egress/double-mtls/',
  check(ctx) {
    const servers = ctx.index.servers.filter((s) => s.mode === 'ISTIO_MUTUAL');
    if (!servers.length) return;
    for (const s of servers) {
      const key = gwKey(s.gw);
      // Which VSs attach to this gateway, and where do their mesh routes send traffic?
      const vss = new Set((ctx.index.routesByGateway.get(key) ?? []).map((r) => r.vs));
      const gwHosts = new Set([...vss].flatMap((vs) => ctx.index.routes(vs)).filter((r) => r.gateways.includes('mesh')).flatMap(destinations).map((d) => d.host));
      for (const host of gwHosts) {
        const ok = (ctx.index.drsByHost.get(host) ?? []).some((d) => drTlsBlocks(d).some((b) => str(b.tls.mode) === 'ISTIO_MUTUAL'));
        if (ok) continue;
        ctx.report({ rule: 'gw-istio-mutual-no-dr', at: s.gw, path: ['spec', 'servers', s.index, 'tls', 'mode'], on: 'value', msg: {
          ko: `이 서버는 \`ISTIO_MUTUAL\`로 클라이언트 인증서를 요구하는데, 사이드카가 \`${host}\`로 갈 때 쓸 \`ISTIO_MUTUAL\` DR이 번들에 없다. 핸드셰이크가 맞지 않아 연결이 리셋된다. \`host: ${host}\`, \`tls.mode: ISTIO_MUTUAL\`, \`sni: ${s.hosts[0] ?? '<외부 호스트>'}\`인 DR을 더하자.`,
          en: `This server requires client certificates (\`ISTIO_MUTUAL\`), but the bundle has no \`ISTIO_MUTUAL\` DR for sidecars going to \`${host}\`. The handshakes do not match and connections are reset. Add a DR with \`host: ${host}\`, \`tls.mode: ISTIO_MUTUAL\` and \`sni: ${s.hosts[0] ?? '<external host>'}\`.` } });
      }
    }
  },
};
