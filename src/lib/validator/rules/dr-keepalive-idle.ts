import type { Rule } from '../types.ts';
import { isObj } from '../util.ts';
import { drPolicies, seconds } from './_kit.ts';

export const rule: Rule = {
  id: 'dr-keepalive-idle',
  severity: 'warning',
  title: { ko: 'keepalive를 켰지만 idleTimeout은 그대로', en: 'Keepalive set, idleTimeout left as is' },
  summary: {
    ko: 'TCP keepalive 프로브는 데이터가 아니라서 Envoy의 유휴 타이머(`tcp.idleTimeout`, 기본 1시간)를 되돌리지 못한다. keepalive만 넣으면 방화벽의 유휴 끊김은 막아도 "정확히 1시간마다 끊긴다"는 증상이 남는다. `idleTimeout`이 keepalive `time`보다 짧으면 프로브가 나가기 전에 연결이 닫혀 keepalive가 의미가 없다. `tcp.idleTimeout`을 채널의 가장 긴 유휴 간격보다 길게 쓰자. `idleTimeout`을 생략한 경우는 기본값이 맞을 수도 있어 `info`로 알린다.',
    en: 'TCP keepalive probes are not data, so they do not reset Envoy\'s idle timer (`tcp.idleTimeout`, one hour by default). Keepalive alone keeps firewalls from dropping idle sessions but leaves "it disconnects exactly every hour". An `idleTimeout` shorter than the keepalive `time` closes the connection before the first probe, making keepalive pointless. Set `tcp.idleTimeout` longer than the longest idle gap of the channel. A missing `idleTimeout` may be fine with the default, so that case is an `info`.',
  },
  docs: 'egress/connection-tuning/',
  check(ctx) {
    for (const dr of ctx.index.kind('DestinationRule')) {
      for (const { tp, path } of drPolicies(dr)) {
        const tcp = isObj(tp.connectionPool) && isObj(tp.connectionPool.tcp) ? tp.connectionPool.tcp : undefined;
        if (!tcp || !isObj(tcp.tcpKeepalive)) continue;
        const base = [...path, 'connectionPool', 'tcp'];
        const ka = seconds(tcp.tcpKeepalive.time);
        const idle = seconds(tcp.idleTimeout);
        if (tcp.idleTimeout === undefined) {
          ctx.report({ rule: 'dr-keepalive-idle', at: dr, path: [...base, 'tcpKeepalive'], severity: 'info', msg: {
            ko: '`tcpKeepalive`는 있지만 `tcp.idleTimeout`이 없어 기본값 1시간이 쓰인다. keepalive 프로브는 유휴 타이머를 되돌리지 못하므로 1시간 넘게 조용한 연결은 끊긴다. 그보다 긴 유휴가 있다면 `idleTimeout`을 더 길게 쓰자.',
            en: '`tcpKeepalive` is set but `tcp.idleTimeout` is not, so the one-hour default applies. Keepalive probes do not reset the idle timer: a connection quiet for more than an hour is closed. If channels idle longer, set a longer `idleTimeout`.' } });
        } else if (ka !== undefined && idle !== undefined && idle <= ka) {
          ctx.report({ rule: 'dr-keepalive-idle', at: dr, path: [...base, 'idleTimeout'], on: 'value', msg: {
            ko: `\`idleTimeout\`(${idle}s)이 keepalive \`time\`(${ka}s)보다 짧거나 같아, 첫 프로브가 나가기 전에 유휴 연결이 닫힌다. keepalive가 아무 일도 하지 못한다. \`idleTimeout\`을 \`time\`보다 충분히 길게 쓰자.`,
            en: `\`idleTimeout\` (${idle}s) is not longer than the keepalive \`time\` (${ka}s): idle connections close before the first probe, so keepalive does nothing. Make \`idleTimeout\` well above \`time\`.` } });
        }
      }
    }
  },
};
