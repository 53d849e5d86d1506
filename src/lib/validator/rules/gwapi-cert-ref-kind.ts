// What a listener's `certificateRefs` may name. istio 1.30.3 pilot/pkg/config/kube/gateway/
// conversion.go buildTLS allows at most two certificates per listener, and buildSecretReference
// only a core `Secret` (group "", kind Secret): anything else sets ResolvedRefs=False with reason
// InvalidCertificateRef (conditions.go InvalidTLS). gateway-api v1.5.1 conformance/tests/
// gateway-invalid-tls-configuration.yaml expects the same reason for a wrong group or kind.
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { k8sGateways, listeners } from './_gwapi.ts';

const ID = 'gwapi-cert-ref-kind';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '리스너 `certificateRefs`가 Secret이 아니거나 너무 많다', en: 'Listener `certificateRefs` not a Secret, or too many' },
  summary: {
    ko: 'Istio는 Gateway API 리스너의 `certificateRefs`로 core `Secret`(`group: ""`, `kind: Secret`)만 읽고, 리스너 하나에 인증서를 두 개(예를 들어 RSA와 ECDSA)까지만 받는다. 다른 그룹이나 종류를 가리키거나 세 개 이상이면 리스너가 `ResolvedRefs=False`(`InvalidCertificateRef`)가 되고 그 인증서는 쓰이지 않는다. `kind: Secret`과 빈 `group`으로 `kubernetes.io/tls` 시크릿을 가리키자.',
    en: 'Istio reads only a core `Secret` (`group: ""`, `kind: Secret`) from a Gateway API listener\'s `certificateRefs`, and at most two certificates per listener (an RSA and an ECDSA one, say). Another group or kind, or three or more references, set the listener to `ResolvedRefs=False` (`InvalidCertificateRef`) and the certificate is not used. Point `kind: Secret` with an empty `group` at a `kubernetes.io/tls` secret.',
  },
  docs: 'patterns/termination/',
  check(ctx) {
    for (const gw of k8sGateways(ctx.resources)) {
      for (const l of listeners(gw, ctx.resources)) {
        if (!l.tls || l.mode !== 'Terminate') continue;
        const refs = arr(l.tls.certificateRefs);
        refs.forEach((ref, i) => {
          if (!isObj(ref)) return;
          const group = str(ref.group) ?? '', kind = str(ref.kind) ?? 'Secret';
          if (group === '' && kind === 'Secret') return;
          const key = str(ref.kind) !== undefined && kind !== 'Secret' ? 'kind' : 'group';
          ctx.report({ rule: ID, at: gw, path: [...l.path, 'tls', 'certificateRefs', i, key], on: 'value', msg: {
            ko: `리스너 \`${l.name}\`의 \`certificateRefs\`가 \`${group || 'core'}/${kind}\`를 가리킨다. Istio는 core \`Secret\`만 읽으므로 리스너가 \`ResolvedRefs=False\`(\`InvalidCertificateRef\`)가 되고 이 인증서는 쓰이지 않는다. \`group: ""\`, \`kind: Secret\`으로 고치자.`,
            en: `Listener \`${l.name}\` has a \`certificateRefs\` entry for \`${group || 'core'}/${kind}\`. Istio reads only a core \`Secret\`, so the listener gets \`ResolvedRefs=False\` (\`InvalidCertificateRef\`) and this certificate is not used. Use \`group: ""\` and \`kind: Secret\`.` } });
        });
        if (l.istio && refs.length > 2) {
          ctx.report({ rule: ID, at: gw, path: [...l.path, 'tls', 'certificateRefs', 2], msg: {
            ko: `리스너 \`${l.name}\`에 \`certificateRefs\`가 ${refs.length}개다. Istio는 리스너 하나에 서버 인증서를 두 개까지만 받아 리스너가 \`InvalidCertificateRef\`가 된다. 호스트 이름이 다른 인증서는 \`hostname\`이 다른 리스너로 나누자.`,
            en: `Listener \`${l.name}\` has ${refs.length} \`certificateRefs\`. Istio takes at most two server certificates per listener, so the listener gets \`InvalidCertificateRef\`. Put certificates for other host names on listeners with their own \`hostname\`.` } });
        }
      }
    }
  },
};
