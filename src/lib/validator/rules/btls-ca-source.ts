// Where a BackendTLSPolicy gets its trust anchors. gateway-api v1.5.1 apis/v1/backendtlspolicy_
// types.go BackendTLSPolicyValidation: CEL rules require exactly one of `caCertificateRefs` and
// `wellKnownCACertificates` (the schema rule runs no CEL). istio 1.30.3 pilot/pkg/config/kube/
// gateway/backend_policies.go getBackendTLSCredentialName: `wellKnownCACertificates` other than
// System is Accepted=False (Invalid); only a ConfigMap is read from `caCertificateRefs` (a Secret
// is "not supported", InvalidKind, and the generated rule carries the invalid:// credential); only
// the first entry is used. That credential blocks traffic at gateways and waypoints, but a sidecar
// up to 1.30.3 sends it in plaintext (cluster_tls.go buildUpstreamClusterTLSContext skips TLS for a
// non-ConfigMap credentialName on a selector-less SIMPLE rule; fixed in 1.30.4, GHSA-qm8v-g4f9-qhjx).
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { isGwApi } from './_gwapi.ts';

const ID = 'btls-ca-source';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: 'BackendTLSPolicy의 CA 지정이 잘못됐다', en: 'BackendTLSPolicy CA source is wrong' },
  summary: {
    ko: 'BackendTLSPolicy의 `validation`에는 `caCertificateRefs`와 `wellKnownCACertificates` 중 정확히 하나를 써야 한다. 둘 다 쓰거나 둘 다 빼면 API 서버가 거부한다. Istio 1.30은 `wellKnownCACertificates: System`만 알고(다른 값은 `Accepted=False`), `caCertificateRefs`에서는 ConfigMap만 읽는다. Secret을 가리키면 `InvalidKind`가 된다. 게이트웨이와 웨이포인트는 그 백엔드로 가는 요청을 막지만, Istio 1.30.3까지의 사이드카는 평문으로 보낸다(1.30.4에서 고쳐짐). 여러 개를 쓰면 첫 번째만 쓰인다(`warning`). 사설 CA는 같은 네임스페이스의 ConfigMap(키 `ca.crt`) 하나로, 공인 CA는 `wellKnownCACertificates: System`으로 쓰자.',
    en: 'A BackendTLSPolicy\'s `validation` takes exactly one of `caCertificateRefs` and `wellKnownCACertificates`: both, or neither, and the API server rejects it. Istio 1.30 knows only `wellKnownCACertificates: System` (anything else is `Accepted=False`) and reads only ConfigMaps from `caCertificateRefs`: a Secret is `InvalidKind`. Gateways and waypoints then block requests to the backend, but sidecars up to Istio 1.30.3 send them in plaintext (fixed in 1.30.4). With several entries only the first is used (`warning`). Write a private CA as one ConfigMap (key `ca.crt`) in the same namespace, a public one as `wellKnownCACertificates: System`.',
  },
  docs: 'gateway-api/tls/',
  check(ctx) {
    for (const p of ctx.resources.filter((r) => isGwApi(r, 'BackendTLSPolicy'))) {
      const v = isObj(p.spec.validation) ? p.spec.validation : undefined;
      if (!v) continue;
      const base = ['spec', 'validation'];
      const refs = arr(v.caCertificateRefs);
      const wk = str(v.wellKnownCACertificates);
      if (refs.length && wk) {
        ctx.report({ rule: ID, at: p, path: [...base, 'wellKnownCACertificates'], msg: {
          ko: '`caCertificateRefs`와 `wellKnownCACertificates`를 함께 쓸 수 없어 API 서버가 정책을 거부한다. 사설 CA면 `caCertificateRefs`만, 공인 CA면 `wellKnownCACertificates: System`만 남기자.',
          en: '`caCertificateRefs` and `wellKnownCACertificates` cannot both be set: the API server rejects the policy. Keep `caCertificateRefs` for a private CA, or only `wellKnownCACertificates: System` for a public one.' } });
        continue;
      }
      if (!refs.length && !wk) {
        ctx.report({ rule: ID, at: p, path: ['spec', 'validation'], msg: {
          ko: '`caCertificateRefs`도 `wellKnownCACertificates`도 없어 API 서버가 정책을 거부한다. 백엔드 인증서를 검증할 CA를 정해야 한다. 사설 CA는 ConfigMap(키 `ca.crt`)을 `caCertificateRefs`로, 공인 CA는 `wellKnownCACertificates: System`으로 쓰자.',
          en: 'Neither `caCertificateRefs` nor `wellKnownCACertificates` is set: the API server rejects the policy, which must say which CA validates the backend. Reference a ConfigMap (key `ca.crt`) in `caCertificateRefs` for a private CA, or write `wellKnownCACertificates: System`.' } });
        continue;
      }
      if (wk && wk !== 'System') {
        ctx.report({ rule: ID, at: p, path: [...base, 'wellKnownCACertificates'], on: 'value', msg: {
          ko: `Istio 1.30은 \`wellKnownCACertificates: ${wk}\`를 모른다. \`System\`만 받으므로 정책이 \`Accepted=False\`(\`Invalid\`)가 된다. \`System\`을 쓰거나 CA를 ConfigMap으로 \`caCertificateRefs\`에 지정하자.`,
          en: `Istio 1.30 does not know \`wellKnownCACertificates: ${wk}\`; it takes only \`System\`, so the policy is \`Accepted=False\` (\`Invalid\`). Write \`System\`, or reference the CA as a ConfigMap in \`caCertificateRefs\`.` } });
      }
      refs.forEach((ref, i) => {
        if (!isObj(ref)) return;
        const group = str(ref.group) ?? '', kind = str(ref.kind) ?? '';
        if (group === '' && kind === 'ConfigMap') return;
        ctx.report({ rule: ID, at: p, path: [...base, 'caCertificateRefs', i, 'kind'], on: 'value', msg: {
          ko: `\`caCertificateRefs\`가 \`${group || 'core'}/${kind}\`를 가리킨다. Istio 1.30은 ConfigMap만 읽으므로(${kind === 'Secret' ? 'Secret은 아직 지원하지 않는다' : '다른 종류는 모른다'}) 정책이 \`InvalidKind\`가 된다. 게이트웨이와 웨이포인트는 이 백엔드로 가는 요청을 막고, Istio 1.30.3까지의 사이드카는 평문으로 보낸다. CA 인증서를 ConfigMap의 \`ca.crt\`에 넣고 \`kind: ConfigMap\`으로 가리키자.`,
          en: `\`caCertificateRefs\` names \`${group || 'core'}/${kind}\`. Istio 1.30 reads only ConfigMaps (${kind === 'Secret' ? 'Secrets are not supported yet' : 'it does not know this kind'}), so the policy is \`InvalidKind\`: gateways and waypoints block requests to this backend, and sidecars up to Istio 1.30.3 send them in plaintext. Put the CA certificate in a ConfigMap's \`ca.crt\` and reference it with \`kind: ConfigMap\`.` } });
      });
      if (refs.length > 1) {
        ctx.report({ rule: ID, at: p, path: [...base, 'caCertificateRefs', 1], severity: 'warning', msg: {
          ko: `\`caCertificateRefs\`가 ${refs.length}개인데 Istio 1.30은 첫 번째만 쓴다. 나머지 CA로 서명된 백엔드 인증서는 검증에 실패한다. 필요한 CA 인증서를 한 ConfigMap의 \`ca.crt\`에 모으자.`,
          en: `\`caCertificateRefs\` has ${refs.length} entries, and Istio 1.30 uses only the first: backend certificates signed by the other CAs fail validation. Put all the CA certificates in one ConfigMap's \`ca.crt\`.` } });
      }
    }
  },
};
