import type { Rule } from '../types.ts';
import { arr, drTlsBlocks, exportScope, isObj, str } from '../util.ts';
import { destinations, TLS_ORIGINATING } from './_kit.ts';

export const rule: Rule = {
  id: 'se-double-tls',
  severity: 'warning',
  title: { ko: '이미 TLS인 포트에 TLS를 또 시작한다', en: 'TLS originated on a port that already carries TLS' },
  summary: {
    ko: 'ServiceEntry가 포트를 `HTTPS`나 `TLS`로 선언했다는 것은 애플리케이션이 그 포트로 이미 TLS를 보낸다는 뜻이다. 사이드카가 보는 DestinationRule이 같은 포트에 `SIMPLE`/`MUTUAL`로 TLS를 또 시작하면 TLS 안에 TLS가 들어가 서버가 알아듣지 못한다(`wrong version number` 등). 애플리케이션은 평문 `http://`로 80 같은 HTTP 포트를 부르게 하고 그 포트에서 TLS를 시작하거나(`targetPort: 443`), 앱이 TLS를 직접 한다면 DR의 TLS 설정을 지우자. 게이트웨이에서만 보이는 홉 2 DR(게이트웨이가 홉 1을 종료한 뒤 시작하는 TLS)은 정상이라 알리지 않는다.',
    en: 'A ServiceEntry port declared `HTTPS` or `TLS` means the application already sends TLS to it. If a DestinationRule that sidecars see originates TLS (`SIMPLE`/`MUTUAL`) on the same port, TLS is wrapped in TLS and the server cannot understand it (`wrong version number` and similar). Have the application call plain `http://` on an HTTP port such as 80 and originate TLS there (`targetPort: 443`), or, if the app does TLS itself, drop the DR\'s TLS settings. A hop-2 DR seen only by the gateway (TLS started after the gateway terminates hop 1) is fine and not reported.',
  },
  docs: 'patterns/origination/',
  check(ctx) {
    const gwNs = ctx.index.gatewayNamespaces;
    const viaGateway = new Set(ctx.index.allRoutes
      .filter((r) => !r.gateways.includes('mesh')).flatMap(destinations).map((d) => `${d.host}|${d.port ?? ''}`));
    for (const dr of ctx.index.drs) {
      const host = ctx.index.drHost(dr);
      const ses = ctx.index.seByHost.get(host);
      if (!ses) continue;
      const scope = exportScope(dr);
      if (scope !== '*' && [...scope].every((n) => gwNs.has(n))) continue; // gateway-only DR
      const tlsPorts = new Map<number, string>();
      for (const se of ses) {
        for (const p of arr(se.spec.ports)) {
          if (isObj(p) && typeof p.number === 'number' && ['HTTPS', 'TLS'].includes(String(p.protocol).toUpperCase())) tlsPorts.set(p.number, String(p.protocol));
        }
      }
      if (!tlsPorts.size) continue;
      for (const b of drTlsBlocks(dr)) {
        if (!TLS_ORIGINATING.includes(str(b.tls.mode) ?? '')) continue;
        const ports = b.port !== undefined ? [b.port] : [...tlsPorts.keys()];
        for (const port of ports) {
          if (!tlsPorts.has(port) || viaGateway.has(`${host}|${port}`)) continue;
          ctx.report({ rule: 'se-double-tls', at: dr, path: [...b.path, 'mode'], on: 'value', msg: {
            ko: `ServiceEntry가 \`${host}\`의 포트 ${port}를 \`${tlsPorts.get(port)}\`로 선언했으니 앱이 이미 TLS를 보낸다. 이 DR이 같은 포트에서 \`${str(b.tls.mode)}\`로 TLS를 또 시작하면 TLS 안에 TLS가 들어가 실패한다. 앱은 HTTP 포트(예: 80)로 평문을 보내게 하고 그 포트에 TLS를 시작하거나, 이 TLS 설정을 지우자.`,
            en: `The ServiceEntry declares port ${port} of \`${host}\` as \`${tlsPorts.get(port)}\`, so the app already sends TLS there. This DR originates TLS again (\`${str(b.tls.mode)}\`) on that port: TLS inside TLS fails. Let the app send plaintext to an HTTP port (e.g. 80) and originate TLS on that port, or remove this TLS setting.` } });
        }
      }
    }
  },
};
