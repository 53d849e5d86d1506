import type { Rule } from '../types.ts';
import { drTlsBlocks, str } from '../util.ts';
import { TLS_ORIGINATING } from './_kit.ts';

export const rule: Rule = {
  id: 'dr-tls-no-verify',
  severity: 'warning',
  title: { ko: '업스트림 서버 인증서를 검증하지 않는 TLS', en: 'Upstream TLS that does not verify the server' },
  summary: {
    ko: '`SIMPLE`이나 `MUTUAL`로 TLS를 시작하면서 `insecureSkipVerify: true`를 쓰면 서버 인증서를 전혀 검증하지 않는다. DNS 하이재킹이나 잘못된 라우팅으로 엉뚱한 서버에 연결해도 모르고, `MUTUAL`이면 클라이언트 인증서까지 그 서버에 내민다. `caCertificates`나 CA가 든 `credentialName` 시크릿, `subjectAltNames`를 쓰자. CA를 생략한 경우는 `dr-tls-no-ca`가 알린다.',
    en: 'Originating TLS with `SIMPLE` or `MUTUAL` and `insecureSkipVerify: true` skips server certificate verification entirely: a hijacked DNS name or a wrong route goes unnoticed, and with `MUTUAL` the client certificate is presented to that server. Set `caCertificates`, a `credentialName` secret that carries a CA, and `subjectAltNames`. A missing CA is reported by `dr-tls-no-ca`.',
  },
  docs: 'patterns/origination/',
  check(ctx) {
    for (const dr of ctx.index.kind('DestinationRule')) {
      for (const b of drTlsBlocks(dr)) {
        const mode = str(b.tls.mode);
        if (!mode || !TLS_ORIGINATING.includes(mode)) continue;
        if (b.tls.insecureSkipVerify === true) {
          // istioctl's IST0128/IST0129 condition (ca-certificates.go) holds here too when no CA is set.
          const noCa = !str(b.tls.caCertificates) && !(str(b.tls.credentialName) && dr.spec.workloadSelector) && b.subset === undefined;
          const istioctl = noCa ? (b.path.includes('portLevelSettings') ? 'IST0129' : 'IST0128') : undefined;
          ctx.report({ rule: 'dr-tls-no-verify', at: dr, path: [...b.path, 'insecureSkipVerify'], istioctl, msg: {
            ko: `\`insecureSkipVerify: true\`라서 \`${mode}\` 연결이 서버 인증서를 검증하지 않는다. 엉뚱한 서버와도 연결이 성립한다. 이 줄을 지우고 \`caCertificates\`(또는 CA가 든 \`credentialName\`)와 \`subjectAltNames\`를 쓰자.`,
            en: `\`insecureSkipVerify: true\` makes this \`${mode}\` connection skip server certificate verification: it will connect to any server. Remove it and set \`caCertificates\` (or a \`credentialName\` with a CA) and \`subjectAltNames\`.` } });
        }
      }
    }
  },
};
