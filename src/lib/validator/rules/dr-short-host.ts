import type { Rule } from '../types.ts';
import { str } from '../util.ts';

export const rule: Rule = {
  id: 'dr-short-host',
  severity: 'warning',
  title: { ko: 'DestinationRule의 짧은 host 이름', en: 'Short host name in a DestinationRule' },
  summary: {
    ko: '`host: istio-egressgateway`처럼 점이 없는 짧은 이름은 DR이 있는 네임스페이스를 붙여 `istio-egressgateway.<DR 네임스페이스>.svc.cluster.local`로 해석된다. 서비스가 다른 네임스페이스에 있으면 DR은 없는 호스트를 가리키고, 오류 없이 무시된다(`proxy-config cluster`에서 DR이 붙지 않는다). `istio-egressgateway.istio-system.svc.cluster.local`처럼 FQDN을 쓰자. 같은 네임스페이스의 서비스라면 짧은 이름도 동작하므로 `info`로만 알린다.',
    en: 'A short name without dots, such as `host: istio-egressgateway`, is expanded with the DR\'s own namespace: `istio-egressgateway.<DR namespace>.svc.cluster.local`. If the service lives in another namespace, the DR points at a host that does not exist and is ignored without an error (no DR shows up in `proxy-config cluster`). Write the FQDN, e.g. `istio-egressgateway.istio-system.svc.cluster.local`. For a service in the same namespace the short name works, so that case is only an `info`.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    for (const dr of ctx.index.drs) {
      const host = str(dr.spec.host);
      if (!host || host.includes('.') || host.includes('*')) continue;
      const services = ctx.index.servicesByName.get(host) ?? [];
      const sameNs = services.some((s) => s.ns === dr.ns);
      const elsewhere = services.find((s) => s.ns !== dr.ns);
      const gatewayLike = /gateway/.test(host) && dr.ns !== 'istio-system' && !sameNs;
      const expanded = `${host}.${dr.ns}.svc.cluster.local`;
      const target = elsewhere ? `${host}.${elsewhere.ns}.svc.cluster.local` : gatewayLike ? `${host}.istio-system.svc.cluster.local` : undefined;
      ctx.report({ rule: 'dr-short-host', at: dr, path: ['spec', 'host'], on: 'value', severity: target ? 'warning' : 'info', msg: target ? {
        ko: `\`host: ${host}\`는 이 DR의 네임스페이스 기준으로 \`${expanded}\`로 해석된다. 서비스는 다른 네임스페이스에 있어 DR이 아무 클러스터에도 붙지 않고 조용히 무시된다. \`host: ${target}\`처럼 FQDN을 쓰자.`,
        en: `\`host: ${host}\` is expanded with this DR's namespace to \`${expanded}\`, but the service is in another namespace, so the DR attaches to no cluster and is silently ignored. Write the FQDN: \`host: ${target}\`.` } : {
        ko: `\`host: ${host}\`는 \`${expanded}\`로 해석된다. 서비스가 이 네임스페이스에 있으면 맞지만, 아니라면 DR이 조용히 무시된다. 헷갈리지 않게 FQDN을 쓰자.`,
        en: `\`host: ${host}\` is read as \`${expanded}\`. That is right if the service lives in this namespace; otherwise the DR is silently ignored. Write the FQDN to be unambiguous.` } });
    }
  },
};
