// istioctl IST0161 (InvalidGatewayCredential), istio 1.30.3 pkg/config/analysis/analyzers/gateway/
// secret.go isValidSecret: the secret a Gateway server's `credentialName` finds in the gateway
// workload's namespace must hold `cert`/`key` or `tls.crt`/`tls.key`, both non-empty
// (pilot/pkg/credentials/kube/secrets.go ExtractCertInfo), and its certificate must be PEM that
// parses and is valid now (pilot/pkg/xds/sds.go ValidateCertificate).
import type { Ctx, Resource, Rule } from '../types.ts';
import { parseCert, pemBlocks } from '../pem.ts';
import { gatewayWorkloadNs } from './_kit.ts';
import { secretEntries } from './_credentials.ts';

const ID = 'gw-credential-invalid';
const PAIRS: [string, string][] = [['cert', 'key'], ['tls.crt', 'tls.key']];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Why istiod cannot use this secret as a server certificate, or undefined. */
function problem(ctx: Ctx, s: Resource): { ko: string; en: string } | undefined {
  const entries = secretEntries(s);
  const value = (k: string) => entries.find((e) => e.key === k);
  const pair = PAIRS.find(([c, k]) => value(c)?.text && value(k)?.text);
  if (!pair) {
    const keys = entries.map((e) => e.key).join(', ') || '-';
    return { ko: `\`cert\`/\`key\`나 \`tls.crt\`/\`tls.key\` 쌍에 값이 들어 있지 않다(있는 키: ${keys})`, en: `it has no non-empty \`cert\`/\`key\` or \`tls.crt\`/\`tls.key\` pair (keys: ${keys})` };
  }
  const text = value(pair[0])!.text!;
  if (!text.includes('-----BEGIN')) {
    // A placeholder in a documentation paste is fine; a paste read as the whole cluster has the real value.
    return ctx.complete ? { ko: `\`${pair[0]}\`가 PEM 인증서가 아니다`, en: `\`${pair[0]}\` is not a PEM certificate` } : undefined;
  }
  const block = pemBlocks(text).find((b) => b.label === 'CERTIFICATE');
  if (!block) return { ko: `\`${pair[0]}\`의 PEM을 읽을 수 없다`, en: `the PEM in \`${pair[0]}\` does not decode` };
  try {
    const c = parseCert(block.der);
    if (c.notAfter < ctx.now) return { ko: `\`${pair[0]}\`의 인증서가 ${day(c.notAfter)}에 만료됐다`, en: `the certificate in \`${pair[0]}\` expired on ${day(c.notAfter)}` };
    if (c.notBefore > ctx.now) return { ko: `\`${pair[0]}\`의 인증서는 ${day(c.notBefore)}부터 유효하다`, en: `the certificate in \`${pair[0]}\` is valid only from ${day(c.notBefore)}` };
  } catch {
    return { ko: `\`${pair[0]}\`의 인증서를 해석할 수 없다`, en: `the certificate in \`${pair[0]}\` does not parse` };
  }
  return undefined;
}

export const rule: Rule = {
  id: ID,
  severity: 'error',
  istioctl: 'IST0161',
  title: { ko: 'Gateway 서버의 자격 증명 시크릿을 쓸 수 없다', en: 'Gateway server credential is unusable' },
  summary: {
    ko: 'Gateway 서버의 `credentialName`이 게이트웨이 워크로드의 네임스페이스에서 찾은 시크릿은 `cert`/`key`나 `tls.crt`/`tls.key` 쌍을 비어 있지 않은 값으로 담아야 하고, 인증서는 읽을 수 있는 PEM이며 지금 유효해야 한다. 아니면 istiod가 인증서를 내려 주지 않아 이 서버의 TLS 핸드셰이크가 실패한다(istioctl IST0161, Gateway에 표시). 시크릿의 키 이름과 PEM 내용은 `secret-keys`가 시크릿 쪽에서 자세히 알린다. `<certificate PEM>` 같은 자리표시자는 문서용으로 보고 넘어간다(붙여 넣은 내용을 클러스터 전체로 읽을 때는 오류다).',
    en: 'The secret a Gateway server\'s `credentialName` finds in the gateway workload\'s namespace must hold a non-empty `cert`/`key` or `tls.crt`/`tls.key` pair, and the certificate must be PEM that parses and is valid now. Otherwise istiod sends no certificate and TLS handshakes on the server fail (istioctl IST0161, shown on the Gateway). `secret-keys` details key names and PEM content on the secret itself. Placeholders such as `<certificate PEM>` are taken as documentation and let pass (reading the paste as the whole cluster, they are errors).',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    for (const ref of ctx.index.credentialRefs) {
      if (ref.role !== 'gateway') continue;
      const wl = gatewayWorkloadNs(ref.by, ctx.resources, { complete: ctx.complete });
      const s = wl && (ctx.index.secretsByName.get(ref.name) ?? []).find((x) => x.ns === wl.ns);
      if (!s) continue;
      const why = problem(ctx, s);
      if (!why) continue;
      ctx.report({ rule: ID, at: ref.by, path: ref.path, on: 'value', msg: {
        ko: `이 서버가 쓰는 시크릿 \`${s.ns}/${ref.name}\`를 istiod가 인증서로 쓸 수 없다. ${why.ko}. 게이트웨이에 인증서가 오지 않아 TLS 핸드셰이크가 실패한다. 시크릿을 \`kubectl create secret tls\`로 다시 만들자.`,
        en: `istiod cannot use secret \`${s.ns}/${ref.name}\`, which this server uses, as a certificate: ${why.en}. No certificate reaches the gateway and TLS handshakes fail. Recreate the secret with \`kubectl create secret tls\`.` } });
    }
  },
};
