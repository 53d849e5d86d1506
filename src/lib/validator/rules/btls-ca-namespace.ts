// `caCertificateRefs` are namespace-local. gateway-api v1.5.1 apis/v1/backendtlspolicy_types.go:
// CACertificateRefs are LocalObjectReferences (no namespace field; "a resource in another
// namespace" is invalid), and istio 1.30.3 backend_policies.go getBackendTLSCredentialName
// resolves the name in the policy's namespace (LocalPolicyRef; configmap://<policy ns>/<name>).
// A ConfigMap of that name only in another namespace of the paste is never found: the policy is
// InvalidCACertificateRef / NoValidCACertificate: gateways and waypoints block the traffic, sidecars
// up to 1.30.3 send it in plaintext (see btls-ca-source.ts).
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { isGwApi } from './_gwapi.ts';

const ID = 'btls-ca-namespace';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: 'BackendTLSPolicy의 CA ConfigMap이 다른 네임스페이스에 있다', en: 'BackendTLSPolicy CA ConfigMap in another namespace' },
  summary: {
    ko: 'BackendTLSPolicy의 `caCertificateRefs`는 정책과 같은 네임스페이스의 ConfigMap만 가리킨다. 네임스페이스 필드가 없고 ReferenceGrant로도 넓힐 수 없다. 붙여 넣은 내용에서 그 이름의 ConfigMap이 다른 네임스페이스에만 있으면 정책이 `ResolvedRefs=False`(`InvalidCACertificateRef`)와 `NoValidCACertificate`가 되고, Istio는 잘못된 자격 증명을 넣는다. 게이트웨이와 웨이포인트는 그 백엔드로 가는 요청을 막지만, Istio 1.30.3까지의 사이드카는 평문으로 보낸다. ConfigMap을 정책의 네임스페이스에 복사하자.',
    en: 'A BackendTLSPolicy\'s `caCertificateRefs` can only name ConfigMaps in the policy\'s own namespace: there is no namespace field, and no ReferenceGrant widens it. If the paste has a ConfigMap of that name only in another namespace, the policy becomes `ResolvedRefs=False` (`InvalidCACertificateRef`) and `NoValidCACertificate`, and Istio puts in an invalid credential: gateways and waypoints block requests to the backend, but sidecars up to Istio 1.30.3 send them in plaintext. Copy the ConfigMap into the policy\'s namespace.',
  },
  docs: 'gateway-api/tls/',
  check(ctx) {
    const cms = ctx.resources.filter((r) => r.group === '' && r.kind === 'ConfigMap');
    for (const p of ctx.resources.filter((r) => isGwApi(r, 'BackendTLSPolicy'))) {
      const v = isObj(p.spec.validation) ? p.spec.validation : undefined;
      arr(v?.caCertificateRefs).forEach((ref, i) => {
        if (!isObj(ref) || str(ref.kind) !== 'ConfigMap') return;
        const name = str(ref.name) ?? '';
        const named = cms.filter((c) => c.name === name);
        if (!named.length || named.some((c) => c.ns === p.ns)) return;
        const where = named.map((c) => c.ns).join(', ');
        ctx.report({ rule: ID, at: p, path: ['spec', 'validation', 'caCertificateRefs', i, 'name'], on: 'value', msg: {
          ko: `ConfigMap \`${name}\`는 \`${where}\`에 있는데 정책은 \`${p.ns}\`에 있다. \`caCertificateRefs\`는 정책의 네임스페이스에서만 찾으므로 CA를 찾지 못해 정책이 \`InvalidCACertificateRef\`가 된다. 게이트웨이와 웨이포인트는 이 백엔드로 가는 요청을 막고, Istio 1.30.3까지의 사이드카는 평문으로 보낸다. ConfigMap을 \`${p.ns}\`에 만들자.`,
          en: `ConfigMap \`${name}\` is in \`${where}\`, but the policy is in \`${p.ns}\`. \`caCertificateRefs\` are looked up only in the policy's namespace, so the CA is not found: the policy is \`InvalidCACertificateRef\`, gateways and waypoints block requests to this backend, and sidecars up to Istio 1.30.3 send them in plaintext. Create the ConfigMap in \`${p.ns}\`.` } });
      });
    }
  },
};
