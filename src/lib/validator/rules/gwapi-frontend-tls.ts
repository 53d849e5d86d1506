// Client-certificate validation on a Gateway (`spec.tls.frontend`, Standard in gateway-api v1.5:
// apis/v1/gateway_types.go FrontendTLSConfig, FrontendTLSValidation). istio 1.30.3
// pilot/pkg/config/kube/gateway/conversion.go resolveGatewayTLS picks the `perPort` entry of the
// listener's port, else `default`; buildTLS reads it only on a Terminate listener, supports one
// `caCertificateRefs` entry ("only one caCertificateRef is supported", InvalidCertificateRef),
// of kind ConfigMap or Secret (buildCaCertificateReference), and a reference to another namespace
// only with a ReferenceGrant (RefNotPermitted). conformance/tests/gateway-with-invalid-
// clientcertificate-validation.yaml exercises the kind and namespace cases.
import type { Ctx, Resource, Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { GW_GROUP, grantAllows, isIstioGateway, k8sGateways, listeners } from './_gwapi.ts';

const ID = 'gwapi-frontend-tls';

function checkValidation(ctx: Ctx, gw: Resource, v: unknown, base: (string | number)[], where: { ko: string; en: string }) {
  if (!isObj(v)) return;
  const istio = isIstioGateway(gw, ctx.resources);
  const refs = arr(v.caCertificateRefs);
  if (istio && refs.length > 1) {
    ctx.report({ rule: ID, at: gw, path: [...base, 'caCertificateRefs', 1], msg: {
      ko: `${where.ko}의 \`caCertificateRefs\`가 ${refs.length}개다. Istio는 하나만 받아 해당 리스너가 \`InvalidCertificateRef\`("only one caCertificateRef is supported")가 된다. CA 인증서들을 한 번들(ConfigMap의 \`ca.crt\`)에 모으자.`,
      en: `${where.en} has ${refs.length} \`caCertificateRefs\`. Istio supports one, so the listeners it applies to get \`InvalidCertificateRef\` ("only one caCertificateRef is supported"). Put the CA certificates in one bundle (a ConfigMap's \`ca.crt\`).` } });
  }
  refs.forEach((ref, i) => {
    if (!isObj(ref)) return;
    const group = str(ref.group) ?? '', kind = str(ref.kind) ?? '';
    const name = str(ref.name) ?? '';
    // The API's core support is a ConfigMap; Istio reads Secrets too. Others: InvalidCACertificateKind.
    if (group !== '' || (kind !== 'ConfigMap' && kind !== 'Secret')) {
      ctx.report({ rule: ID, at: gw, path: [...base, 'caCertificateRefs', i, 'kind'], on: 'value', msg: {
        ko: `${where.ko}의 \`caCertificateRefs\`가 \`${group || 'core'}/${kind}\`를 가리킨다. Istio는 ConfigMap과 Secret만 읽으므로 해당 리스너가 \`ResolvedRefs=False\`가 되고 받아들여지지 않는다. \`kind: ConfigMap\`(키 \`ca.crt\`)을 쓰자.`,
        en: `${where.en} has a \`caCertificateRefs\` entry for \`${group || 'core'}/${kind}\`. Istio reads only ConfigMaps and Secrets, so the listeners it applies to get \`ResolvedRefs=False\` and are not accepted. Use \`kind: ConfigMap\` (key \`ca.crt\`).` } });
      return;
    }
    const ns = str(ref.namespace);
    if (!ns || ns === gw.ns) return;
    const verdict = grantAllows(ctx.resources, { group: GW_GROUP, kind: 'Gateway', ns: gw.ns }, { group: '', kind, ns, name });
    if (verdict === 'yes') return;
    const path = [...base, 'caCertificateRefs', i, 'namespace'];
    if (verdict === 'unknown' && !ctx.complete) {
      ctx.report({ rule: ID, at: gw, path, on: 'value', severity: 'info', msg: {
        ko: `${where.ko}가 \`${ns}\`의 ${kind} \`${name}\`를 클라이언트 인증서 CA로 쓴다. 붙여 넣은 내용에는 \`${ns}\`의 ReferenceGrant가 없다. \`${gw.ns}\`의 Gateway가 그 ${kind}를 참조하도록 허락하는 ReferenceGrant가 \`${ns}\`에 있는지 확인하자. 없으면 리스너가 \`RefNotPermitted\`가 된다.`,
        en: `${where.en} uses ${kind} \`${name}\` from \`${ns}\` as the client-certificate CA. The paste has no ReferenceGrant in \`${ns}\`. Check that one there lets Gateways from \`${gw.ns}\` refer to that ${kind}; without it the listeners get \`RefNotPermitted\`.` } });
      return;
    }
    ctx.report({ rule: ID, at: gw, path, on: 'value', msg: {
      ko: `${where.ko}가 \`${ns}\`의 ${kind} \`${name}\`를 클라이언트 인증서 CA로 쓰는데, \`${ns}\`의 ReferenceGrant 중 \`${gw.ns}\`의 Gateway에 이를 허락하는 것이 없다. 리스너가 \`RefNotPermitted\`가 된다. ReferenceGrant를 만들거나 CA를 Gateway 네임스페이스로 옮기자.`,
      en: `${where.en} uses ${kind} \`${name}\` from \`${ns}\` as the client-certificate CA, but no ReferenceGrant in \`${ns}\` allows Gateways from \`${gw.ns}\` to. The listeners get \`RefNotPermitted\`. Create the grant or move the CA next to the Gateway.` } });
  });
}

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: 'Gateway `tls.frontend` 클라이언트 인증서 검증을 Istio가 받지 않는다', en: 'Gateway `tls.frontend` client-certificate validation Istio does not accept' },
  summary: {
    ko: 'Gateway API v1.5의 `spec.tls.frontend`는 TLS를 종료하는 리스너에서 클라이언트 인증서를 검증할 CA를 정한다(`default`와 포트별 `perPort`). Istio 1.30은 `caCertificateRefs`를 하나만, ConfigMap이나 Secret만 받고, 다른 네임스페이스의 CA는 ReferenceGrant가 있을 때만 읽는다. 어긋나면 해당 리스너가 `ResolvedRefs=False`가 되어 받아들여지지 않는다. `perPort`의 포트에 TLS를 종료하는 리스너가 없으면 그 설정은 아무 데도 적용되지 않는다(`info`). CA 번들 하나를 Gateway 네임스페이스의 ConfigMap `ca.crt`에 두자.',
    en: 'Gateway API v1.5\'s `spec.tls.frontend` sets the CA that validates client certificates on terminating listeners (`default`, and `perPort` by port). Istio 1.30 takes one `caCertificateRefs` entry, of kind ConfigMap or Secret, and reads a CA in another namespace only with a ReferenceGrant. Otherwise the listeners it applies to get `ResolvedRefs=False` and are not accepted. A `perPort` entry whose port has no terminating listener applies nowhere (`info`). Keep one CA bundle in a ConfigMap `ca.crt` in the Gateway\'s namespace.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    for (const gw of k8sGateways(ctx.resources)) {
      const tls = isObj(gw.spec.tls) ? gw.spec.tls : undefined;
      const f = tls && isObj(tls.frontend) ? tls.frontend : undefined;
      if (!f) continue;
      const base = ['spec', 'tls', 'frontend'];
      const terminating = listeners(gw, ctx.resources).filter((l) => l.mode === 'Terminate');
      if (isObj(f.default)) checkValidation(ctx, gw, f.default.validation, [...base, 'default', 'validation'], { ko: '`frontend.default`', en: '`frontend.default`' });
      arr(f.perPort).forEach((pp, i) => {
        if (!isObj(pp)) return;
        const port = typeof pp.port === 'number' ? pp.port : undefined;
        const where = { ko: `\`frontend.perPort\`(포트 ${port})`, en: `\`frontend.perPort\` (port ${port})` };
        if (isObj(pp.tls)) checkValidation(ctx, gw, pp.tls.validation, [...base, 'perPort', i, 'tls', 'validation'], where);
        if (port !== undefined && !terminating.some((l) => l.port === port)) {
          ctx.report({ rule: ID, at: gw, path: [...base, 'perPort', i, 'port'], on: 'value', severity: 'info', msg: {
            ko: `${where.ko}에 해당하는 TLS 종료 리스너가 이 Gateway에 없어 이 설정은 어디에도 적용되지 않는다. 포트 번호가 HTTPS(또는 Terminate TLS) 리스너의 \`port\`와 같은지 확인하자.`,
            en: `${where.en} matches no terminating listener of this Gateway, so it applies nowhere. Check that the port is an HTTPS (or Terminate TLS) listener's \`port\`.` } });
        }
      });
    }
  },
};
