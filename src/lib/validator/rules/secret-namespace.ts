// Where istiod looks for a `credentialName` secret: the namespace of the proxy that uses it
// (istio 1.30.3 pilot/pkg/model/credentials/resource.go ParseResourceName defaults the namespace
// to the proxy's; pilot/pkg/xds/sds.go filterAuthorizedResources serves a Kubernetes secret only
// from the proxy's own namespace). For a Gateway that proxy is the workload its `selector` picks,
// whatever namespace the Gateway resource is in (push_context.go mergeGateways; with
// PILOT_SCOPE_GATEWAY_TO_NAMESPACE=true the workload must also be in the Gateway's namespace).
// istioctl analyze's gateway.SecretAnalyzer (pkg/config/analysis/analyzers/gateway/secret.go)
// reports IST0101 when the secret is not in that namespace.
import type { Ctx, Resource, Rule } from '../types.ts';
import { exportScope, isObj } from '../util.ts';
import { gatewayWorkloadNs, workloads, selects } from './_kit.ts';
import type { CredRef } from './_credentials.ts';

const ID = 'secret-namespace';
const sel = (gw: Resource) => (isObj(gw.spec.selector) ? Object.entries(gw.spec.selector).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '');

function checkGateway(ctx: Ctx, ref: CredRef, named: Resource[]) {
  const gw = ref.by;
  const wl = gatewayWorkloadNs(gw, ctx.resources, { complete: ctx.complete });
  const where = named.map((s) => s.ns).join(', ');
  if (!wl) {
    // The paste does not say where the workload runs: compare with what it does say, softly.
    if (!named.length || named.some((s) => s.ns === gw.ns) || ctx.complete) return;
    ctx.report({ rule: ID, at: gw, path: ref.path, on: 'value', severity: 'info', msg: {
      ko: `istiod는 시크릿 \`${ref.name}\`를 Gateway 리소스가 아니라 \`selector\`(${sel(gw)})가 고르는 게이트웨이 워크로드의 네임스페이스에서 읽는다. 붙여 넣은 내용에는 그 워크로드가 없어 네임스페이스를 알 수 없다. 시크릿은 \`${where}\`에 있으니 게이트웨이 파드가 그 네임스페이스에서 도는지 확인하자(\`kubectl get pods -A -l ${sel(gw).replace(': ', '=')}\`).`,
      en: `istiod reads secret \`${ref.name}\` from the namespace of the gateway workload that the \`selector\` (${sel(gw)}) picks, not from the Gateway resource's. The paste has no such workload, so that namespace is unknown. The secret is in \`${where}\`: check that the gateway pods run there (\`kubectl get pods -A -l ${sel(gw).replace(': ', '=')}\`).` } });
    return;
  }
  if (named.some((s) => s.ns === wl.ns)) return;
  // The namespace is only the default install's guess, and the Gateway and its secret share an
  // `istio-*` namespace: that is how a gateway installed in its own namespace is set up (the guide's
  // istio-egress, istio.io's Helm install in istio-ingress). Say what to check instead of an error.
  if (wl.from === 'default' && !ctx.complete && gw.ns.startsWith('istio-') && named.some((s) => s.ns === gw.ns)) {
    ctx.report({ rule: ID, at: gw, path: ref.path, on: 'value', severity: 'info', msg: {
      ko: `시크릿 \`${ref.name}\`는 Gateway와 같은 \`${gw.ns}\`에 있다. 게이트웨이를 \`${gw.ns}\`에 설치했다면 맞다. 기본 설치처럼 \`selector\`(${sel(gw)})의 게이트웨이가 \`${wl.ns}\`에서 돈다면 istiod는 그곳에서만 시크릿을 읽는다. 어디서 도는지 확인하자(\`kubectl get pods -A -l ${sel(gw).replace(': ', '=')}\`).`,
      en: `Secret \`${ref.name}\` is in \`${gw.ns}\`, beside the Gateway. That is right if the gateway is installed in \`${gw.ns}\`. If the \`selector\` (${sel(gw)}) picks the default install's gateway in \`${wl.ns}\`, istiod reads the secret only there. Check where it runs (\`kubectl get pods -A -l ${sel(gw).replace(': ', '=')}\`).` } });
    return;
  }
  const whose = wl.from === 'paste'
    ? { ko: `\`selector\`(${sel(gw)})가 고르는 워크로드 \`${wl.workload!.kind}/${wl.workload!.name}\`는 \`${wl.ns}\`에 있다.`,
        en: `The workload the \`selector\` (${sel(gw)}) picks, \`${wl.workload!.kind}/${wl.workload!.name}\`, runs in \`${wl.ns}\`.` }
    : { ko: `\`selector\`(${sel(gw)})는 기본 설치에서 \`${wl.ns}\`의 게이트웨이를 고른다(다른 곳에 설치했다면 그 네임스페이스다).`,
        en: `The \`selector\` (${sel(gw)}) picks the default install's gateway in \`${wl.ns}\` (or wherever you installed it).` };
  if (!named.length) {
    // Not in the paste at all: only an error when the paste is the whole cluster.
    if (!ctx.complete) return;
    ctx.report({ rule: ID, at: gw, path: ref.path, on: 'value', msg: {
      ko: `${whose.ko} 그 네임스페이스에 시크릿 \`${ref.name}\`가 없어 게이트웨이에 인증서가 오지 않고 이 서버의 TLS 핸드셰이크는 실패한다. \`${wl.ns}\`에 시크릿을 만들자.`,
      en: `${whose.en} There is no secret \`${ref.name}\` in that namespace, so no certificate reaches the gateway and TLS handshakes on this server fail. Create the secret in \`${wl.ns}\`.` } });
    return;
  }
  ctx.report({ rule: ID, at: gw, path: ref.path, on: 'value', msg: {
    ko: `시크릿 \`${ref.name}\`는 \`${where}\`에 있다. ${whose.ko} istiod는 시크릿을 Gateway 리소스의 네임스페이스가 아니라 게이트웨이 워크로드의 네임스페이스에서만 읽으므로 인증서가 오지 않는다(\`Secret is not supplied by SDS\`). 시크릿을 \`${wl.ns}\`에 만들자.`,
    en: `Secret \`${ref.name}\` is in \`${where}\`. ${whose.en} istiod reads the secret only from the gateway workload's namespace, not the Gateway resource's, so no certificate arrives (\`Secret is not supplied by SDS\`). Create the secret in \`${wl.ns}\`.` } });
}

/** A DR's credentialName is read by the gateway proxies that see the DR (its exportTo), in their namespace. */
function checkDr(ctx: Ctx, ref: CredRef, named: Resource[]) {
  const dr = ref.by;
  if (!named.length) return;
  const ws = dr.spec.workloadSelector;
  const picked = isObj(ws) && isObj(ws.matchLabels) ? workloads(ctx.resources).filter((w) => selects(ws.matchLabels, w.labels)) : [];
  const scope = exportScope(dr);
  // Namespaces whose proxies can use this DR: the selected workloads', else wherever it is exported.
  const usable = (ns: string) => (picked.length ? picked.some((w) => w.ns === ns) : ns === dr.ns || scope === '*' || scope.has(ns));
  if (named.some((s) => usable(s.ns))) return;
  const where = named.map((s) => s.ns).join(', ');
  const seen = picked.length ? picked.map((w) => w.ns).join(', ') : scope === '*' ? '*' : [...scope].join(', ');
  ctx.report({ rule: ID, at: dr, path: ref.path, on: 'value', msg: {
    ko: `시크릿 \`${ref.name}\`는 \`${where}\`에 있는데 이 DestinationRule을 쓰는 게이트웨이는 \`${seen}\`에 있다(\`exportTo\`·\`workloadSelector\` 기준). 게이트웨이는 자기 네임스페이스의 시크릿만 받으므로 인증서가 오지 않는다(\`Secret is not supplied by SDS\`). 시크릿을 게이트웨이 네임스페이스에 만들자.`,
    en: `Secret \`${ref.name}\` is in \`${where}\`, but the gateways that use this DestinationRule run in \`${seen}\` (by its \`exportTo\` and \`workloadSelector\`). A gateway only gets secrets from its own namespace, so no certificate arrives (\`Secret is not supplied by SDS\`). Create the secret in the gateway's namespace.` } });
}

export const rule: Rule = {
  id: ID,
  severity: 'error',
  istioctl: 'IST0101',
  title: { ko: '자격 증명 시크릿이 게이트웨이 워크로드의 네임스페이스에 없다', en: 'Credential secret not in the gateway workload\'s namespace' },
  summary: {
    ko: 'istiod는 `credentialName`의 시크릿을 그 인증서를 쓰는 게이트웨이 프록시의 네임스페이스에서만 읽는다. Gateway라면 Gateway 리소스의 네임스페이스가 아니라 `selector`가 고르는 게이트웨이 워크로드의 네임스페이스다. 그래서 애플리케이션 네임스페이스의 Gateway가 `istio: ingressgateway`를 고르고 시크릿은 `istio-system`에 두는 istio.io의 보안 인그레스 구성은 올바르다. 워크로드 네임스페이스는 붙여 넣은 Deployment나 Pod의 레이블로 정하고, 없으면 기본 설치의 `istio: ingressgateway`·`istio: egressgateway`를 `istio-system`으로 본다. 그래도 모르면 `info`로 확인할 점을 알린다. DestinationRule의 `credentialName`은 그 DR을 보는(`exportTo`, `workloadSelector`) 게이트웨이의 네임스페이스에 시크릿이 있어야 한다. 다른 곳에 두면 인증서가 오지 않아 핸드셰이크가 실패하고 `503`(`UF`, `Secret is not supplied by SDS`)이 난다. 시크릿을 게이트웨이 워크로드의 네임스페이스에 만들자.',
    en: 'istiod reads a `credentialName` secret only from the namespace of the gateway proxy that uses the certificate. For a Gateway that is the namespace of the gateway workload its `selector` picks, not the Gateway resource\'s: istio.io\'s secure-ingress setup (Gateway in the app namespace selecting `istio: ingressgateway`, secret in `istio-system`) is correct. The workload\'s namespace comes from a Deployment or Pod in the paste whose labels match; otherwise the default install\'s `istio: ingressgateway` / `istio: egressgateway` are taken to run in `istio-system`; when even that is unknown, an `info` says what to check. For a DestinationRule `credentialName`, the secret must be in the namespace of a gateway that sees the DR (`exportTo`, `workloadSelector`). Elsewhere the certificate never arrives: handshakes fail with `503` (`UF`, `Secret is not supplied by SDS`). Create the secret in the gateway workload\'s namespace.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    for (const ref of ctx.index.credentialRefs) {
      const named = ctx.index.secretsByName.get(ref.name) ?? [];
      if (ref.role === 'gateway') checkGateway(ctx, ref, named);
      else checkDr(ctx, ref, named);
    }
  },
};
