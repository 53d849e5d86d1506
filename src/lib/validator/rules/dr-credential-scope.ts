import type { Rule } from '../types.ts';
import { drTlsBlocks, exportScope, str } from '../util.ts';

export const rule: Rule = {
  id: 'dr-credential-scope',
  severity: 'warning',
  title: { ko: '사이드카에도 보이는 credentialName DR', en: 'credentialName DR visible to sidecars' },
  summary: {
    ko: '`credentialName`은 게이트웨이에서만 쓰인다(`workloadSelector`가 있는 DR은 예외). `workloadSelector` 없는 이 DR을 사이드카가 보면, Istio는 그 사이드카에서 TLS 설정 전체를 버리고 사이드카는 평문으로 보낸다. 애플리케이션 네임스페이스에 두면 게이트웨이는 DR을 아예 못 볼 수도 있다. 이 DR은 게이트웨이 네임스페이스(시크릿이 있는 곳)에 두고 `exportTo: ["."]`로 그 네임스페이스 안에 가두자.',
    en: '`credentialName` is used only by gateways (unless the DR has a `workloadSelector`). A sidecar that sees this DR without `workloadSelector` gets the whole TLS block dropped and sends plaintext. Placed in an application namespace, the gateway may not see the DR at all. Put it in the gateway\'s namespace (where the secret is) and keep it there with `exportTo: ["."]`.',
  },
  docs: 'egress/double-mtls/',
  check(ctx) {
    const gwNs = ctx.index.gatewayNamespaces;
    for (const dr of ctx.index.kind('DestinationRule')) {
      if (dr.spec.workloadSelector) continue;
      const b = drTlsBlocks(dr).find((x) => str(x.tls.credentialName));
      if (!b) continue;
      const scope = exportScope(dr);
      const onlyGw = scope !== '*' && [...scope].every((n) => gwNs.has(n));
      if (onlyGw) continue;
      const inGwNs = gwNs.has(dr.ns);
      ctx.report({ rule: 'dr-credential-scope', at: dr, path: inGwNs ? ['spec', 'host'] : ['metadata', 'namespace'], msg: inGwNs ? {
        ko: `\`credentialName\`이 있는 이 DR은 \`exportTo\`가 없어 모든 네임스페이스의 사이드카가 본다. 사이드카에서는 \`credentialName\`을 쓸 수 없어 TLS 설정 전체가 버려지고 평문이 나간다. \`exportTo: ["."]\`를 더해 게이트웨이 네임스페이스(\`${dr.ns}\`) 안에 가두자.`,
        en: `This DR carries \`credentialName\` and has no \`exportTo\`, so sidecars in every namespace see it. Sidecars cannot use \`credentialName\`: the whole TLS block is dropped there and plaintext goes out. Add \`exportTo: ["."]\` to keep it inside the gateway namespace (\`${dr.ns}\`).` } : {
        ko: `\`credentialName\`이 있는 DR이 애플리케이션 네임스페이스(\`${dr.ns}\`)에 있다. 이곳 사이드카는 TLS 설정 전체를 버리고 평문으로 보내며, 시크릿도 게이트웨이 네임스페이스에 있어야 한다. DR을 게이트웨이 네임스페이스(보통 \`istio-system\`)로 옮기고 \`exportTo: ["."]\`를 쓰자.`,
        en: `A DR with \`credentialName\` sits in an application namespace (\`${dr.ns}\`). Sidecars there drop the whole TLS block and send plaintext, and the secret must live in the gateway's namespace anyway. Move the DR to the gateway namespace (usually \`istio-system\`) and set \`exportTo: ["."]\`.` } });
    }
  },
};
