import type { Rule } from '../types.ts';
import { arr, drTlsBlocks, exportScope, isObj, str } from '../util.ts';
import { destinations, TLS_ORIGINATING } from './_kit.ts';

export const rule: Rule = {
  id: 'se-double-tls',
  severity: 'warning',
  title: { ko: '이미 TLS인 포트에 TLS를 또 시작한다', en: 'TLS originated on a port that already carries TLS' },
  summary: {
    ko: 'ServiceEntry가 포트를 `HTTPS`나 `TLS`로 선언했다는 것은 애플리케이션이 그 포트로 이미 TLS를 보낸다는 뜻이다. 사이드카가 보는 DestinationRule이 같은 포트에 `SIMPLE`/`MUTUAL`로 TLS를 또 시작하면 TLS 안에 TLS가 들어가 서버가 해석하지 못한다(`wrong version number` 등). 애플리케이션은 평문 `http://`로 80 같은 HTTP 포트를 부르게 하고 그 포트에서 TLS를 시작하거나(`targetPort: 443`), 애플리케이션이 TLS를 직접 한다면 DR의 TLS 설정을 지우자. 게이트웨이에서만 보이는 홉 2 DR(게이트웨이가 홉 1을 종료한 뒤 시작하는 TLS)은 정상이라 알리지 않는다. 메시 VirtualService가 HTTP 포트(80)의 요청을 이 포트(443)로 옮겨 거기서 TLS를 시작하는 예전 Istio 예제의 방식은 평문 호출에는 동작하므로 `info`로만 알린다.',
    en: 'A ServiceEntry port declared `HTTPS` or `TLS` means the application already sends TLS to it. If a DestinationRule that sidecars see originates TLS (`SIMPLE`/`MUTUAL`) on the same port, TLS is wrapped in TLS and the server cannot understand it (`wrong version number` and similar). Have the application call plain `http://` on an HTTP port such as 80 and originate TLS there (`targetPort: 443`), or, if the app does TLS itself, drop the DR\'s TLS settings. A hop-2 DR seen only by the gateway (TLS started after the gateway terminates hop 1) is fine and not reported. The old Istio task\'s setup, where a mesh VirtualService moves requests from an HTTP port (80) to this port (443) and TLS is originated there, works for plaintext callers and is only an `info`.',
  },
  docs: 'patterns/origination/',
  check(ctx) {
    const gwNs = ctx.index.gatewayNamespaces;
    const viaGateway = new Set(ctx.index.allRoutes
      .filter((r) => !r.gateways.includes('mesh')).flatMap(destinations).map((d) => `${d.host}|${d.port ?? ''}`));
    // Sidecar routes that move traffic from other ports onto host:port (the old TLS-origination
    // task: match port 80, destination port 443), with the ports they match.
    const rewrites = new Map<string, (number | undefined)[]>();
    for (const r of ctx.index.allRoutes) {
      if (r.kind !== 'http' || !r.gateways.includes('mesh')) continue;
      for (const d of destinations(r)) {
        if (d.port === undefined) continue;
        const key = `${d.host}|${d.port}`;
        const list = rewrites.get(key) ?? [];
        list.push(...r.ports);
        rewrites.set(key, list);
      }
    }
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
          const from = rewrites.get(`${host}|${port}`);
          // Every route onto this port comes from an explicit other, non-TLS port: the app sends
          // plaintext there and the sidecar moves it here. Only a direct https:// caller is hurt.
          if (from?.length && from.every((p) => p !== undefined && p !== port && !tlsPorts.has(p))) {
            const src = [...new Set(from)].join(', ');
            ctx.report({ rule: 'se-double-tls', at: dr, path: [...b.path, 'mode'], on: 'value', severity: 'info', msg: {
              ko: `VirtualService가 포트 ${src}의 평문 요청을 \`${host}\`의 포트 ${port}로 옮기고 이 DR이 거기서 TLS를 시작한다(예전 Istio TLS 오리지네이션 예제의 방식). 그 경로는 동작한다. 다만 ServiceEntry가 포트 ${port}를 \`${tlsPorts.get(port)}\`로 선언했으니, 애플리케이션이 \`https://\`로 포트 ${port}를 직접 부르면 TLS 안에 TLS가 들어가 실패한다. 지금의 방식은 ServiceEntry 포트 80에 \`targetPort: 443\`을 두고 DR의 TLS를 포트 80에 거는 것이다.`,
              en: `A VirtualService moves plaintext requests from port ${src} to port ${port} of \`${host}\`, where this DR originates TLS (the way the old Istio TLS-origination task did it). That path works. But the ServiceEntry declares port ${port} as \`${tlsPorts.get(port)}\`, so an app calling \`https://\` on port ${port} directly gets TLS inside TLS and fails. The current pattern is ServiceEntry port 80 with \`targetPort: 443\` and the DR's TLS on port 80.` } });
            continue;
          }
          ctx.report({ rule: 'se-double-tls', at: dr, path: [...b.path, 'mode'], on: 'value', msg: {
            ko: `ServiceEntry가 \`${host}\`의 포트 ${port}를 \`${tlsPorts.get(port)}\`로 선언했으니 애플리케이션이 이미 TLS를 보낸다. 이 DR이 같은 포트에서 \`${str(b.tls.mode)}\`로 TLS를 또 시작하면 TLS 안에 TLS가 들어가 실패한다. 애플리케이션은 HTTP 포트(예: 80)로 평문을 보내게 하고 그 포트에 TLS를 시작하거나, 이 TLS 설정을 지우자.`,
            en: `The ServiceEntry declares port ${port} of \`${host}\` as \`${tlsPorts.get(port)}\`, so the app already sends TLS there. This DR originates TLS again (\`${str(b.tls.mode)}\`) on that port: TLS inside TLS fails. Let the app send plaintext to an HTTP port (e.g. 80) and originate TLS on that port, or remove this TLS setting.` } });
        }
      }
    }
  },
};
