// What a BackendTLSPolicy's `targetRefs` name. istio 1.30.3 pilot/pkg/config/kube/gateway/
// backend_policies.go: a target must be a Service or an Istio ServiceEntry in the policy's
// namespace (LocalPolicyTargetRef), and a `sectionName` must be the `name` of one of its ports;
// otherwise Accepted=False with reason TargetNotFound ("unsupported reference kind", "sectionName
// ... does not exist"). gateway-api v1.5.1 apis/v1/backendtlspolicy_types.go: targetRefs are
// local (no namespace field). A target the paste lacks gets an info saying what to check.
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { isGwApi } from './_gwapi.ts';

const ID = 'btls-target';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: 'BackendTLSPolicy의 대상 서비스나 포트가 없다', en: 'BackendTLSPolicy target Service or port not found' },
  summary: {
    ko: 'BackendTLSPolicy는 `targetRefs`로 같은 네임스페이스의 Service(또는 Istio에서는 ServiceEntry)를 가리키고, `sectionName`을 쓰면 그 서비스 포트의 `name`이어야 한다(포트 번호가 아니다). 다른 종류이거나 포트 이름이 없으면 Istio가 정책을 `Accepted=False`(`TargetNotFound`)로 두고 TLS 오리지네이션을 하지 않아 백엔드에 평문이 간다. 대상이 붙여 넣은 내용에 없으면 확인할 점을 `info`로 알린다. `kind: Service`(`group: ""`)와 포트의 `name`을 쓰자.',
    en: 'A BackendTLSPolicy\'s `targetRefs` name a Service (or, in Istio, a ServiceEntry) in its own namespace; a `sectionName` must be the `name` of one of its ports (not a number). Another kind, or a port name the target lacks, leaves the policy `Accepted=False` (`TargetNotFound`) in Istio: no TLS origination, so plain text goes to the backend. When the target is not in the paste, an `info` says what to check. Use `kind: Service` (`group: ""`) and the port\'s `name`.',
  },
  docs: 'patterns/origination/',
  check(ctx) {
    for (const p of ctx.resources.filter((r) => isGwApi(r, 'BackendTLSPolicy'))) {
      arr(p.spec.targetRefs).forEach((t, i) => {
        if (!isObj(t)) return;
        const group = str(t.group) ?? '', kind = str(t.kind) ?? '', name = str(t.name) ?? '';
        const section = str(t.sectionName);
        const base = ['spec', 'targetRefs', i];
        const isSvc = group === '' && kind === 'Service';
        const isSe = group === 'networking.istio.io' && kind === 'ServiceEntry';
        if (!isSvc && !isSe) {
          ctx.report({ rule: ID, at: p, path: [...base, 'kind'], on: 'value', msg: {
            ko: `\`targetRefs\`가 \`${group || 'core'}/${kind}\`를 가리킨다. Istio는 Service와 ServiceEntry만 대상으로 받으므로 정책이 \`TargetNotFound\`로 적용되지 않고 TLS 오리지네이션이 일어나지 않는다. \`group: ""\`, \`kind: Service\`를 쓰자.`,
            en: `\`targetRefs\` names \`${group || 'core'}/${kind}\`. Istio takes only Services and ServiceEntries as targets, so the policy is not applied (\`TargetNotFound\`) and no TLS origination happens. Use \`group: ""\` and \`kind: Service\`.` } });
          return;
        }
        const target = ctx.resources.find((r) => r.kind === kind && r.name === name && r.ns === p.ns && (isSvc ? r.group === '' : r.group === 'networking.istio.io'));
        if (!target) {
          ctx.report({ rule: ID, at: p, path: [...base, 'name'], on: 'value', severity: ctx.complete ? 'error' : 'info', msg: {
            ko: `대상 ${kind} \`${name}\`가 붙여 넣은 내용의 \`${p.ns}\` 네임스페이스에 없다. 정책은 같은 네임스페이스의 대상에만 적용된다. \`kubectl get ${kind.toLowerCase()} ${name} -n ${p.ns}\`로 있는지${section ? `, 포트 이름 \`${section}\`이 있는지` : ''} 확인하자. 없으면 \`TargetNotFound\`로 TLS 오리지네이션이 일어나지 않는다.`,
            en: `Target ${kind} \`${name}\` is not in namespace \`${p.ns}\` in the paste; a policy applies only to targets in its own namespace. Check with \`kubectl get ${kind.toLowerCase()} ${name} -n ${p.ns}\` that it exists${section ? ` and has a port named \`${section}\`` : ''}. Otherwise the policy is \`TargetNotFound\` and no TLS origination happens.` } });
          return;
        }
        if (!section) return;
        const ports = arr(target.spec.ports).flatMap((pt) => (isObj(pt) && str(pt.name) ? [str(pt.name)!] : []));
        if (ports.includes(section)) return;
        ctx.report({ rule: ID, at: p, path: [...base, 'sectionName'], on: 'value', msg: {
          ko: `\`sectionName: ${section}\`은 ${kind} \`${name}\`의 포트 이름이 아니다(포트 이름: ${ports.join(', ') || '없음'}). Istio가 정책을 \`TargetNotFound\`로 두어 TLS 오리지네이션이 일어나지 않는다. 포트 번호가 아니라 포트의 \`name\`을 쓰자.`,
          en: `\`sectionName: ${section}\` is not a port name of ${kind} \`${name}\` (port names: ${ports.join(', ') || 'none'}). Istio leaves the policy \`TargetNotFound\` and no TLS origination happens. Use the port's \`name\`, not its number.` } });
      });
    }
  },
};
