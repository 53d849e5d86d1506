import type { Rule } from '../types.ts';
import { isObj } from '../util.ts';

const selectorKey = (s: unknown) => (isObj(s) ? JSON.stringify(Object.entries(s).sort()) : '');

export const rule: Rule = {
  id: 'gw-duplicate-server',
  severity: 'warning',
  title: { ko: '같은 포트, 같은 호스트의 Gateway 서버가 둘', en: 'Two Gateway servers for the same port and host' },
  summary: {
    ko: '같은 게이트웨이 워크로드(`selector`)에 같은 포트 번호와 같은 호스트를 가진 서버가 둘 있으면 Istio는 그중 하나만 쓰고, 어느 쪽인지는 생성 순서에 달려 있다(istioctl IST0145). 한 서버로 합치거나 호스트를 나누자. 포트가 다르거나 `selector`가 다르거나 와일드카드와 구체 호스트가 섞인 경우는 충돌이 아니므로 알리지 않는다.',
    en: 'Two servers with the same port number and the same host on the same gateway workload (`selector`) conflict: Istio uses only one of them, depending on creation order (istioctl IST0145). Merge them into one server or split the hosts. Different ports, different selectors, or a wildcard next to a concrete host are not conflicts and are not reported.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    const seen = new Map<string, string>();
    for (const s of ctx.index.servers) {
      if (s.port === undefined) continue;
      for (const [hi, host] of s.hosts.entries()) {
        const key = `${selectorKey(s.gw.spec.selector)}|${s.port}|${host}`;
        const prev = seen.get(key);
        const here = `${s.gw.ns}/${s.gw.name}#${s.index}`;
        if (prev) {
          ctx.report({ rule: 'gw-duplicate-server', at: s.gw, path: ['spec', 'servers', s.index, 'hosts', hi], on: 'value', msg: {
            ko: `포트 ${s.port}의 \`${host}\`는 같은 게이트웨이의 다른 서버(\`${prev.split('#')[0]}\`)에도 있다. 둘 중 하나만 쓰이고 어느 쪽일지는 생성 순서에 달려 있다. 한 서버로 합치자.`,
            en: `\`${host}\` on port ${s.port} is also served by another server on the same gateway (\`${prev.split('#')[0]}\`). Only one of them is used, depending on creation order. Merge them into one server.` } });
        } else seen.set(key, here);
      }
    }
  },
};
