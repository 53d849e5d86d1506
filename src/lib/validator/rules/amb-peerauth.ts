// PeerAuthentication in ambient mode. istio 1.30.3 pilot/pkg/serviceregistry/ambient/
// authorization.go: ztunnel enforces mTLS only as a STRICT policy (a static deny of connections
// without a peer principal); PERMISSIVE and DISABLE both mean "plain text accepted"
// (convertPeerAuthentication and effectivePeerAuthenticationKeys treat them alike). Ambient
// clients reach ambient workloads over HBONE either way, so DISABLE does not turn their mTLS off,
// and without STRICT a workload still takes plain text from outside the mesh.
import type { Rule } from '../types.ts';
import { isObj, str } from '../util.ts';
import { ambientNamespaces } from './_gwapi.ts';

const ID = 'amb-peerauth';

export const rule: Rule = {
  id: ID,
  severity: 'info',
  title: { ko: '앰비언트 모드에서 PeerAuthentication이 하는 일', en: 'What a PeerAuthentication does in ambient mode' },
  summary: {
    ko: '앰비언트 모드에서 ztunnel끼리는 PeerAuthentication과 상관없이 HBONE(상호 TLS)으로 연결된다. PeerAuthentication이 바꾸는 것은 평문을 받느냐뿐이다. `STRICT`면 피어 신원이 없는 연결을 거부하고, `PERMISSIVE`와 `DISABLE`은 둘 다 평문을 받는다. 그래서 `DISABLE`로 앰비언트 모드의 상호 TLS를 끌 수 없고, HBONE만으로는 메시 밖의 평문 연결이 거부되지 않는다. 평문을 막으려면 네임스페이스(또는 `istio-system`의 메시 전체) PeerAuthentication을 `STRICT`로 두자.',
    en: 'In ambient mode, ztunnels connect over HBONE (mutual TLS) whatever the PeerAuthentication says. What a PeerAuthentication changes is only whether plain text is accepted: `STRICT` rejects connections without a peer identity, while `PERMISSIVE` and `DISABLE` both accept plain text. So `DISABLE` does not turn ambient mutual TLS off, and HBONE alone does not reject plain-text connections from outside the mesh. To reject plain text, make the namespace (or the mesh-wide one in `istio-system`) PeerAuthentication `STRICT`.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    const ambient = ambientNamespaces(ctx.resources);
    if (!ambient.size) return;
    for (const pa of ctx.resources.filter((r) => r.group === 'security.istio.io' && r.kind === 'PeerAuthentication' && ambient.has(r.ns))) {
      const mode = isObj(pa.spec.mtls) ? str(pa.spec.mtls.mode) : undefined;
      if (mode !== 'DISABLE' && mode !== 'PERMISSIVE') continue;
      ctx.report({ rule: ID, at: pa, path: ['spec', 'mtls', 'mode'], on: 'value', msg: mode === 'DISABLE' ? {
        ko: `\`${pa.ns}\`는 앰비언트 모드 네임스페이스다. ztunnel은 \`DISABLE\`을 \`PERMISSIVE\`처럼 다룬다. 앰비언트 모드 클라이언트와는 여전히 HBONE(상호 TLS)으로 연결되고, 메시 밖의 평문 연결도 받는다. 상호 TLS를 끄는 설정이 아니다. 평문을 막으려면 \`STRICT\`를 쓰자.`,
        en: `\`${pa.ns}\` is an ambient namespace. ztunnel treats \`DISABLE\` like \`PERMISSIVE\`: ambient clients still connect over HBONE (mutual TLS), and plain-text connections from outside the mesh are accepted too. It does not turn mutual TLS off. To reject plain text, use \`STRICT\`.` } : {
        ko: `\`${pa.ns}\`는 앰비언트 모드 네임스페이스다. 앰비언트 모드 클라이언트와는 HBONE(상호 TLS)으로 연결되지만 \`PERMISSIVE\`라서 메시 밖의 평문 연결도 받는다. 마이그레이션 중이 아니라면 \`STRICT\`로 평문을 막자.`,
        en: `\`${pa.ns}\` is an ambient namespace. Ambient clients connect over HBONE (mutual TLS), but with \`PERMISSIVE\` plain-text connections from outside the mesh are accepted too. Unless you are migrating, use \`STRICT\` to reject plain text.` } });
    }
  },
};
