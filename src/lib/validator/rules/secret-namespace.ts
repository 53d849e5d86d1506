import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'secret-namespace',
  severity: 'error',
  title: { ko: '자격 증명 시크릿이 게이트웨이 네임스페이스에 없다', en: 'Credential secret not in the gateway namespace' },
  summary: {
    ko: '`credentialName`의 시크릿은 그 인증서를 쓰는 게이트웨이 워크로드와 같은 네임스페이스에 있어야 SDS가 찾는다(이그레스 게이트웨이가 `istio-system`에 있으면 시크릿도 `istio-system`). 다른 네임스페이스에 두면 게이트웨이에 인증서가 오지 않아 핸드셰이크가 실패하고 `503`(`UF`, `Secret is not supplied by SDS`)이 난다. 시크릿을 게이트웨이 네임스페이스에 만들고, 그 네임스페이스에 DR/Gateway도 두자.',
    en: 'A `credentialName` secret must be in the same namespace as the gateway workload that uses it (egress gateway in `istio-system`, secret in `istio-system`) for SDS to find it. Elsewhere, the certificate never reaches the gateway: handshakes fail with `503` (`UF`, `Secret is not supplied by SDS`). Create the secret in the gateway\'s namespace and keep the DR/Gateway there too.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    for (const ref of ctx.index.credentialRefs) {
      const named = ctx.index.secretsByName.get(ref.name) ?? [];
      if (!named.length || named.some((s) => s.ns === ref.by.ns)) continue;
      const where = named.map((s) => s.ns).join(', ');
      ctx.report({ rule: 'secret-namespace', at: ref.by, path: ref.path, on: 'value', msg: {
        ko: `시크릿 \`${ref.name}\`는 네임스페이스 \`${where}\`에 있는데 이 ${ref.by.kind}는 \`${ref.by.ns}\`에 있다. 게이트웨이는 자기 네임스페이스의 시크릿만 받으므로 인증서가 오지 않는다(\`Secret is not supplied by SDS\`). 시크릿을 게이트웨이 네임스페이스(\`${ref.by.ns}\`)에 만들자.`,
        en: `Secret \`${ref.name}\` is in namespace \`${where}\`, but this ${ref.by.kind} is in \`${ref.by.ns}\`. A gateway only gets secrets from its own namespace, so no certificate arrives (\`Secret is not supplied by SDS\`). Create the secret in the gateway namespace (\`${ref.by.ns}\`).` } });
    }
  },
};
