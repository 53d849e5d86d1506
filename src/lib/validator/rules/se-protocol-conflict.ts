// istioctl IST0177 (ConflictingServiceEntryProtocol), added in istio 1.31 (pkg/config/analysis/
// analyzers/serviceentry/conflictingserviceentries.go at 1.31.0-rc.0; not in 1.30.x): ServiceEntries
// that share a host (as written) and a port number, in an overlapping `exportTo` scope, with
// different protocols. Only one protocol can apply to a host and port: istiod builds the listener
// and cluster for one of them, and traffic written for the other breaks.
import type { Resource, Rule } from '../types.ts';
import { arr, isObj, str, strs } from '../util.ts';
import { pushTo } from './_kit.ts';

const ID = 'se-protocol-conflict';
interface Entry { se: Resource; portIndex: number; protocol: string }

/** `exportTo` scopes as istioctl keys them: '*' for all, else namespaces. */
function scopes(se: Resource): string[] {
  const list = strs(se.spec.exportTo);
  if (!list.length || list.includes('*')) return ['*'];
  return [...new Set(list.map((n) => (n === '.' ? se.ns : n)))];
}

export const rule: Rule = {
  id: ID,
  severity: 'warning',
  istioctl: 'IST0177',
  title: { ko: '같은 호스트와 포트에 다른 프로토콜을 쓰는 ServiceEntry', en: 'ServiceEntries with conflicting protocols for one host and port' },
  summary: {
    ko: 'ServiceEntry 여럿이 같은 호스트와 포트 번호에 서로 다른 `protocol`을 쓰면(`exportTo` 범위가 겹칠 때), istiod는 그 호스트와 포트에 프로토콜 하나만 적용한다. 예를 들어 `HTTP`와 `TLS`가 겹치면 한쪽 트래픽은 맞지 않는 리스너와 클러스터를 타고 실패한다. 호스트와 포트마다 프로토콜을 하나로 맞추자. istioctl은 1.31부터 IST0177로 알린다(1.30에는 없다).',
    en: 'When ServiceEntries with the same host and port number (in overlapping `exportTo` scopes) declare different `protocol`s, istiod applies only one protocol to that host and port. With `HTTP` and `TLS` overlapping, say, one side\'s traffic gets a listener and cluster that do not fit and fails. Use one protocol per host and port. istioctl reports this as IST0177 from 1.31 (not in 1.30).',
  },
  docs: 'tools/validator-rules/#se-protocol-conflict',
  check(ctx) {
    const index = new Map<string, Entry[]>();
    for (const se of ctx.index.serviceEntries) {
      arr(se.spec.ports).forEach((p, portIndex) => {
        if (!isObj(p) || typeof p.number !== 'number') return;
        const protocol = (str(p.protocol) ?? '').toUpperCase();
        for (const scope of scopes(se)) for (const h of new Set(strs(se.spec.hosts))) {
          const key = `${scope}|${h}|${p.number}`;
          pushTo(index, key, { se, portIndex, protocol });
        }
      });
    }
    const reported = new Set<Resource>();
    for (const [key, own] of index) {
      const [scope, host, port] = key.split('|') as [string, string, string];
      const entries = scope === '*' ? own : [...own, ...(index.get(`*|${host}|${port}`) ?? [])];
      const protocols = [...new Set(entries.map((e) => e.protocol))].sort();
      if (protocols.length < 2) continue;
      const names = [...new Set(entries.map((e) => `${e.se.ns}/${e.se.name}`))].sort().join(', ');
      const shown = protocols.map((p) => p || '(none)').join(', ');
      for (const e of entries) {
        if (reported.has(e.se)) continue;
        reported.add(e.se);
        ctx.report({ rule: ID, at: e.se, path: ['spec', 'ports', e.portIndex, 'protocol'], on: 'value', msg: {
          ko: `호스트 \`${host}\`의 포트 ${port}를 ServiceEntry ${names}가 서로 다른 프로토콜(${shown})로 정의한다. istiod는 프로토콜 하나만 적용하므로 다른 쪽 트래픽은 맞지 않는 리스너를 타고 실패한다. 프로토콜을 하나로 맞추자.`,
          en: `ServiceEntries ${names} define port ${port} of host \`${host}\` with different protocols (${shown}). istiod applies only one, so the other side's traffic gets a listener that does not fit and fails. Use one protocol.` } });
      }
    }
  },
};
