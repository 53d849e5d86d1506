import type { Rule } from '../types.ts';
import { arr, str, strs } from '../util.ts';
import { drHost, drPolicies } from './_kit.ts';

export const rule: Rule = {
  id: 'dr-outlier-single-endpoint',
  severity: 'warning',
  title: { ko: '엔드포인트가 하나뿐인 곳의 outlierDetection', en: 'outlierDetection toward a single endpoint' },
  summary: {
    ko: '`outlierDetection`은 오류를 내는 엔드포인트를 잠시 빼는 기능이다. ServiceEntry가 엔드포인트를 하나만 등록했다면 그 하나가 빠지는 순간 목적지 전체가 막히고(`503`, `UH`), 방출 시간 동안 회복되지 않는다. 엔드포인트가 여럿일 때만 쓰거나, 이 DR에서 `outlierDetection`을 지우자. DNS 이름 하나(엔드포인트 미지정)는 IP가 몇 개인지 알 수 없어 조용히 넘어간다.',
    en: '`outlierDetection` ejects failing endpoints for a while. If the ServiceEntry registers a single endpoint, ejecting it blocks the whole destination (`503`, `UH`) for the ejection time. Use it only with several endpoints, or remove `outlierDetection` from this DR. A bare DNS name (no endpoints listed) may resolve to many IPs, so it stays quiet.',
  },
  docs: 'egress/connection-tuning/',
  check(ctx) {
    const single = new Set<string>();
    for (const se of ctx.index.kind('ServiceEntry')) {
      const eps = arr(se.spec.endpoints);
      const addrs = strs(se.spec.addresses);
      if (eps.length === 1 || (eps.length === 0 && str(se.spec.resolution) === 'STATIC' && addrs.length === 1)) strs(se.spec.hosts).forEach((h) => single.add(h));
    }
    for (const dr of ctx.index.kind('DestinationRule')) {
      if (!single.has(drHost(dr))) continue;
      for (const { tp, path } of drPolicies(dr)) {
        if (!tp.outlierDetection) continue;
        ctx.report({ rule: 'dr-outlier-single-endpoint', at: dr, path: [...path, 'outlierDetection'], msg: {
          ko: `\`${drHost(dr)}\`의 ServiceEntry에는 엔드포인트가 하나뿐이다. \`outlierDetection\`이 그 하나를 방출하면 목적지 전체가 막힌다(\`503\`, \`UH\`). 이 \`outlierDetection\`을 지우자.`,
          en: `The ServiceEntry for \`${drHost(dr)}\` has a single endpoint. When \`outlierDetection\` ejects it, the whole destination is blocked (\`503\`, \`UH\`). Remove this \`outlierDetection\`.` } });
      }
    }
  },
};
