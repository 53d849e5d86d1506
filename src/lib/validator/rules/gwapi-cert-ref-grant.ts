// A listener certificate in another namespace. istio 1.30.3 pilot/pkg/config/kube/gateway/
// conversion.go buildTLS: a `certificateRefs` entry whose namespace differs from the Gateway's
// needs a ReferenceGrant there (grants.SecretAllowed); without one the listener gets
// ResolvedRefs=False with reason RefNotPermitted. gateway-api v1.5.1 apis/v1/gateway_types.go
// GatewayTLSConfig.CertificateRefs and conformance/tests/gateway-secret-missing-reference-grant.yaml
// say the same. The grant lives in the Secret's namespace, from Gateway in the Gateway's namespace,
// to Secret (optionally by name).
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { GW_GROUP, grantAllows, k8sGateways, listeners } from './_gwapi.ts';

const ID = 'gwapi-cert-ref-grant';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '다른 네임스페이스의 인증서 시크릿에 ReferenceGrant가 없다', en: 'Certificate secret in another namespace without a ReferenceGrant' },
  summary: {
    ko: 'Gateway API 리스너의 `certificateRefs`가 다른 네임스페이스의 시크릿을 가리키면, 그 네임스페이스에 Gateway의 네임스페이스에서 오는 `Gateway`가 `Secret`을 참조해도 된다고 허락하는 ReferenceGrant가 있어야 한다. 없으면 리스너가 `ResolvedRefs=False`(`RefNotPermitted`)가 되고 인증서 없이 남는다. 시크릿 네임스페이스에 `from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: <Gateway 네임스페이스>}]`, `to: [{group: "", kind: Secret}]`인 ReferenceGrant를 만들거나 시크릿을 Gateway 네임스페이스로 옮기자. 붙여 넣은 내용에 그 네임스페이스의 ReferenceGrant가 하나도 없으면 클러스터에 있을 수 있으므로 확인할 점을 `info`로 알린다.',
    en: 'When a Gateway API listener\'s `certificateRefs` names a secret in another namespace, that namespace needs a ReferenceGrant letting a `Gateway` from the Gateway\'s namespace refer to a `Secret`. Without it the listener gets `ResolvedRefs=False` (`RefNotPermitted`) and stays without a certificate. Create a ReferenceGrant in the secret\'s namespace with `from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: <gateway namespace>}]` and `to: [{group: "", kind: Secret}]`, or move the secret next to the Gateway. When the paste has no ReferenceGrant in that namespace at all, one may exist in the cluster: an `info` says what to check.',
  },
  docs: 'patterns/termination/',
  check(ctx) {
    for (const gw of k8sGateways(ctx.resources)) {
      for (const l of listeners(gw, ctx.resources)) {
        if (!l.tls || l.mode !== 'Terminate') continue;
        arr(l.tls.certificateRefs).forEach((ref, i) => {
          if (!isObj(ref) || (str(ref.group) ?? '') !== '' || (str(ref.kind) ?? 'Secret') !== 'Secret') return;
          const ns = str(ref.namespace);
          const name = str(ref.name) ?? '';
          if (!ns || ns === gw.ns) return;
          const verdict = grantAllows(ctx.resources, { group: GW_GROUP, kind: 'Gateway', ns: gw.ns }, { group: '', kind: 'Secret', ns, name });
          if (verdict === 'yes') return;
          const path = [...l.path, 'tls', 'certificateRefs', i, 'namespace'];
          if (verdict === 'unknown' && !ctx.complete) {
            ctx.report({ rule: ID, at: gw, path, on: 'value', severity: 'info', msg: {
              ko: `리스너 \`${l.name}\`가 \`${ns}\` 네임스페이스의 시크릿 \`${name}\`를 쓴다. 붙여 넣은 내용에는 \`${ns}\`의 ReferenceGrant가 없다. 클러스터에 \`${gw.ns}\`의 Gateway가 Secret을 참조하도록 허락하는 ReferenceGrant가 \`${ns}\`에 있는지 확인하자(\`kubectl get referencegrants -n ${ns}\`). 없으면 리스너가 \`RefNotPermitted\`가 된다.`,
              en: `Listener \`${l.name}\` uses secret \`${name}\` from namespace \`${ns}\`. The paste has no ReferenceGrant in \`${ns}\`. Check that the cluster has one there letting Gateways from \`${gw.ns}\` refer to Secrets (\`kubectl get referencegrants -n ${ns}\`); without it the listener gets \`RefNotPermitted\`.` } });
            return;
          }
          ctx.report({ rule: ID, at: gw, path, on: 'value', msg: {
            ko: `리스너 \`${l.name}\`가 \`${ns}\` 네임스페이스의 시크릿 \`${name}\`를 쓰는데 \`${ns}\`의 ReferenceGrant 중 \`${gw.ns}\`의 Gateway에 이 Secret을 허락하는 것이 없다. 리스너가 \`ResolvedRefs=False\`(\`RefNotPermitted\`)가 되어 인증서 없이 남는다. \`${ns}\`에 \`from: {group: gateway.networking.k8s.io, kind: Gateway, namespace: ${gw.ns}}\`, \`to: {group: "", kind: Secret}\`인 ReferenceGrant를 만들자.`,
            en: `Listener \`${l.name}\` uses secret \`${name}\` from namespace \`${ns}\`, but no ReferenceGrant in \`${ns}\` lets Gateways from \`${gw.ns}\` refer to it. The listener gets \`ResolvedRefs=False\` (\`RefNotPermitted\`) and has no certificate. Create a ReferenceGrant in \`${ns}\` with \`from: {group: gateway.networking.k8s.io, kind: Gateway, namespace: ${gw.ns}}\` and \`to: {group: "", kind: Secret}\`.` } });
        });
      }
    }
  },
};
