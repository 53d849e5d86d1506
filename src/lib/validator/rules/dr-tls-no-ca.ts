// istioctl IST0128 / IST0129 (NoServerCertificateVerificationDestinationLevel / PortLevel), istio
// 1.30.3 pkg/config/analysis/analyzers/destinationrule/ca-certificates.go: `SIMPLE` or `MUTUAL` at
// the top level or in `portLevelSettings` without `caCertificates`, unless the block has a
// `credentialName` and the DR a `workloadSelector`. istioctl's text says the server certificate is
// then not verified; in 1.30 the proxy verifies against the system trust store instead
// (pilot/pkg/networking/core/cluster_tls.go constructUpstreamTLS: CaCertificatePath defaults to
// "system"). So this is an info: the chain is checked, but against every public CA.
import type { Rule } from '../types.ts';
import { drTlsBlocks, str } from '../util.ts';
import { TLS_ORIGINATING } from './_kit.ts';
import { secretEntries } from './_credentials.ts';

const CA_KEYS = ['ca.crt', 'cacert'];

const ID = 'dr-tls-no-ca';

export const rule: Rule = {
  id: ID,
  severity: 'info',
  istioctl: 'IST0128',
  title: { ko: 'CA를 지정하지 않은 업스트림 TLS', en: 'Upstream TLS without a CA' },
  summary: {
    ko: '`SIMPLE`이나 `MUTUAL`로 TLS를 시작하면서 `caCertificates`가 없으면 istioctl은 서버 인증서를 검증하지 않는다고 경고한다(DR 전체면 IST0128, `portLevelSettings`면 IST0129). Istio 1.30의 프록시는 이때 운영체제의 CA 번들로 검증하므로 검증 자체는 한다. 다만 공개 CA가 발급한 어떤 인증서든 받아들이고, 사설 CA를 쓰는 파트너와는 핸드셰이크가 실패한다. 그래서 `info`로 알린다. 파트너 CA를 `caCertificates`(또는 CA가 든 `credentialName` 시크릿)로 고정하고 `subjectAltNames`도 쓰자. `credentialName`과 `workloadSelector`가 함께 있으면 istioctl처럼 알리지 않고, 붙여 넣은 `credentialName` 시크릿에 CA(`ca.crt`, `cacert`, `<이름>-cacert` 시크릿)가 있어도 알리지 않는다.',
    en: 'Originating TLS with `SIMPLE` or `MUTUAL` and no `caCertificates` makes istioctl warn that the server certificate is not verified (IST0128 for the whole DR, IST0129 in `portLevelSettings`). In Istio 1.30 the proxy then verifies against the system trust store, so there is verification, but any certificate from a public CA is accepted, and handshakes with a partner using a private CA fail. Hence an `info`. Pin the partner CA with `caCertificates` (or a `credentialName` secret that carries it) and set `subjectAltNames`. With both `credentialName` and a `workloadSelector` the rule stays quiet, as istioctl does, and also when the pasted `credentialName` secret carries a CA (`ca.crt`, `cacert`, or a `<name>-cacert` secret).',
  },
  docs: 'patterns/origination/',
  check(ctx) {
    for (const dr of ctx.index.drs) {
      for (const b of drTlsBlocks(dr)) {
        const mode = str(b.tls.mode);
        if (!mode || !TLS_ORIGINATING.includes(mode) || str(b.tls.caCertificates)) continue;
        if (str(b.tls.credentialName) && dr.spec.workloadSelector) continue;
        if (b.tls.insecureSkipVerify === true) continue; // dr-tls-no-verify says more
        const portLevel = b.path.includes('portLevelSettings');
        // istioctl looks at the top-level policy only, not at subsets.
        const code = b.subset !== undefined ? '' : portLevel ? 'IST0129' : 'IST0128';
        const cred = str(b.tls.credentialName);
        // The paste shows the credential carrying a CA (`ca.crt`/`cacert`, or a `<name>-cacert` secret):
        // the CA is pinned, whatever istioctl (which does not read the secret) says.
        if (cred && (ctx.index.secretsByName.get(`${cred}-cacert`)?.length
          || (ctx.index.secretsByName.get(cred) ?? []).some((x) => secretEntries(x).some((e) => CA_KEYS.includes(e.key))))) continue;
        ctx.report({ rule: ID, at: dr, path: [...b.path, 'mode'], on: 'value', istioctl: code, msg: cred ? {
          ko: `\`${mode}\`인데 \`caCertificates\`가 없다. CA는 시크릿 \`${cred}\`의 \`ca.crt\`(또는 \`${cred}-cacert\` 시크릿)에서 오고, 그것도 없으면 운영체제의 CA 번들로 검증한다. istioctl은 \`workloadSelector\` 없는 DR에서 이를 경고한다. 시크릿에 파트너 CA가 들어 있는지 확인하자.`,
          en: `\`${mode}\` without \`caCertificates\`: the CA comes from \`ca.crt\` of secret \`${cred}\` (or a \`${cred}-cacert\` secret), else the system trust store. istioctl warns about this on a DR without \`workloadSelector\`. Make sure the secret carries the partner CA.` } : {
          ko: `\`${mode}\`인데 \`caCertificates\`가 없어 프록시는 운영체제의 CA 번들로 서버 인증서를 검증한다. 공개 CA가 발급한 어떤 인증서든 통과하고, 사설 CA를 쓰는 서버와는 핸드셰이크가 실패한다. 파트너 CA를 \`caCertificates\`로 고정하고 \`subjectAltNames\`도 쓰자.`,
          en: `\`${mode}\` without \`caCertificates\`: the proxy verifies the server certificate against the system trust store. Any certificate from a public CA passes, and servers with a private CA fail the handshake. Pin the partner CA with \`caCertificates\` and set \`subjectAltNames\`.` } });
      }
    }
  },
};
