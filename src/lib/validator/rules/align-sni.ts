import type { Rule } from '../types.ts';
import { hostMatches, str, strs } from '../util.ts';
import { findBundles } from '../alignment.ts';
import { hostSet } from '../bundle-index.ts';
import { drTlsBlocks } from '../util.ts';

export const rule: Rule = {
  id: 'align-sni',
  severity: 'error',
  title: { ko: 'SNI와 호스트 정렬이 어긋났다', en: 'SNI and host alignment broken' },
  summary: {
    ko: '이중 mTLS 이그레스에서는 홉 1 DR의 `tls.sni`, Gateway 서버 `hosts`, VirtualService `hosts` 세 곳의 외부 호스트 문자열이 같아야 한다. 게이트웨이는 사이드카가 보낸 SNI로 필터 체인을 고르므로 `sni`가 Gateway `hosts`와 다르면 매칭에 실패해 연결이 리셋된다. VS `hosts`가 Gateway `hosts`에 없으면 그 VS는 게이트웨이에 붙지 않는다(istioctl IST0132). 세 값을 같은 문자열로 맞추자. 검사기 페이지의 정렬 지도가 어긋난 곳을 보여 준다.',
    en: 'In double-mTLS egress the same external host string must appear in three places: hop 1\'s DR `tls.sni`, the Gateway server `hosts` and the VirtualService `hosts`. The gateway picks its filter chain by the SNI the sidecar sends, so an `sni` that differs from the Gateway `hosts` fails the match and the connection is reset. A VS host missing from the Gateway `hosts` does not attach to the gateway (istioctl IST0132). Make the three strings equal; the validator page\'s alignment map shows where they differ.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    const bundles = findBundles(ctx.resources, ctx.index);
    // Hop-1 DRs: ISTIO_MUTUAL toward the gateway Service. Their sni must be a server host.
    const servers = ctx.index.servers.filter((s) => s.mode === 'ISTIO_MUTUAL');
    const hostsOfServers = hostSet(servers.flatMap((s) => s.hosts));
    const gwHosts = hostsOfServers.all;
    const meshHosts = new Set(bundles.flatMap((b) => (b.mesh ? [b.mesh.host] : [])));
    if (servers.length) {
      for (const dr of ctx.index.drs) {
        const host = ctx.index.drHost(dr);
        if (!/gateway/.test(host) && !meshHosts.has(host)) continue;
        for (const t of drTlsBlocks(dr)) {
          const sni = str(t.tls.sni);
          if (str(t.tls.mode) !== 'ISTIO_MUTUAL' || !sni || hostsOfServers.covers(sni)) continue;
          ctx.report({ rule: 'align-sni', at: dr, path: [...t.path, 'sni'], on: 'value', msg: {
            ko: `홉 1 DR의 \`sni: ${sni}\`가 Gateway 서버 \`hosts\`(${gwHosts.join(', ')})와 다르다. 게이트웨이가 필터 체인을 찾지 못해 연결이 리셋된다. \`sni: ${gwHosts[0]}\`로 맞추자.`,
            en: `Hop 1's DR \`sni: ${sni}\` differs from the Gateway server \`hosts\` (${gwHosts.join(', ')}). The gateway finds no filter chain and resets the connection. Write \`sni: ${gwHosts[0]}\`.` } });
        }
      }
    }
    // Every VS bound to an ISTIO_MUTUAL server: its hosts must be among that gateway's hosts.
    for (const b of bundles) {
      const serverHosts = [...new Set(b.servers.flatMap((s) => s.hosts))];
      strs(b.vs.spec.hosts).forEach((h, i) => {
        if (serverHosts.some((g) => hostMatches(g, h))) return;
        ctx.report({ rule: 'align-sni', at: b.vs, path: ['spec', 'hosts', i], on: 'value', msg: {
          ko: `VirtualService 호스트 \`${h}\`가 Gateway \`${b.server.gw.name}\`의 서버 \`hosts\`(${serverHosts.join(', ')})에 없다. 이 호스트의 라우트는 게이트웨이에 붙지 않는다. 두 곳의 호스트 문자열을 맞추자.`,
          en: `VirtualService host \`${h}\` is not among the \`hosts\` of Gateway \`${b.server.gw.name}\` (${serverHosts.join(', ')}). Routes for it do not attach to the gateway. Make both host strings equal.` } });
      });
    }
  },
};
