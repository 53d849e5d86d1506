// istioctl's gateway.SecretAnalyzer (istio 1.30.3 pkg/config/analysis/analyzers/gateway/secret.go
// getGatewayNamespace) reports IST0101 "selector" on a Gateway whose `selector` matches no pod:
// no gateway proxy takes its servers. istioctl itself assumes a pod labelled `istio: ingressgateway`
// in istio-system (pkg/config/analysis/local/defaults.go).
import type { Rule } from '../types.ts';
import { isObj } from '../util.ts';
import { gatewayWorkloadNs } from './_kit.ts';

const ID = 'gw-workload-missing';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  istioctl: 'IST0101',
  title: { ko: 'Gateway의 selector가 고르는 게이트웨이 워크로드가 없다', en: 'No gateway workload matches the Gateway selector' },
  summary: {
    ko: 'Gateway는 `selector`의 레이블이 모두 붙은 게이트웨이 파드에만 적용된다. 그런 파드가 없으면 어느 프록시도 이 Gateway의 서버를 열지 않아 연결이 거부된다(istioctl IST0101). 워크로드는 클러스터에 있어서 붙여 넣은 내용만으로는 보통 알 수 없다. 그래서 기본 설치의 `istio: ingressgateway`·`istio: egressgateway`가 아닌 `selector`에 맞는 Deployment나 Pod가 붙여 넣은 내용에 없으면, 확인할 명령을 `info`로 알린다. 붙여 넣은 내용을 클러스터 전체로 읽을 때는 오류다.',
    en: 'A Gateway applies only to gateway pods that carry all its `selector` labels. With no such pod, no proxy opens the Gateway\'s servers and connections are refused (istioctl IST0101). Workloads live in the cluster and a paste usually cannot tell, so when the paste has no Deployment or Pod matching a `selector` other than the default install\'s `istio: ingressgateway` / `istio: egressgateway`, an `info` gives the command to check. Reading the paste as the whole cluster, it is an error.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    for (const gw of ctx.index.gateways) {
      const sel = gw.spec.selector;
      if (!isObj(sel) || !Object.keys(sel).length || gatewayWorkloadNs(gw, ctx.resources, { complete: ctx.complete })) continue;
      const labels = Object.entries(sel).map(([k, v]) => `${k}=${String(v)}`).join(',');
      ctx.report({ rule: ID, at: gw, path: ['spec', 'selector'], severity: ctx.complete ? 'error' : 'info', msg: ctx.complete ? {
        ko: `\`selector\`(${labels})에 맞는 게이트웨이 파드가 없다. 어느 프록시도 이 Gateway의 서버를 열지 않아 연결이 거부된다. 게이트웨이 Deployment의 파드 레이블과 \`selector\`를 맞추자.`,
        en: `No gateway pod matches the \`selector\` (${labels}). No proxy opens this Gateway's servers, so connections are refused. Match the \`selector\` to the gateway Deployment's pod labels.` } : {
        ko: `붙여 넣은 내용에는 \`selector\`(${labels})에 맞는 게이트웨이 워크로드가 없다. 클러스터에 그런 파드가 없으면 이 Gateway는 어디에도 적용되지 않는다. \`kubectl get pods -A -l ${labels}\`로 확인하자.`,
        en: `The paste has no gateway workload matching the \`selector\` (${labels}). If the cluster has no such pod either, this Gateway applies nowhere. Check with \`kubectl get pods -A -l ${labels}\`.` } });
    }
  },
};
