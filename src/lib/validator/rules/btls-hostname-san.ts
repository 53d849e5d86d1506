// `validation.hostname` and `subjectAltNames` of a BackendTLSPolicy. gateway-api v1.5.1 apis/v1/
// backendtlspolicy_types.go: Hostname is the SNI and, unless SubjectAltNames are set, what the
// backend certificate must match; with SubjectAltNames, Hostname "MUST NOT be used for
// authentication". istio 1.30.3 backend_policies.go sets Sni from hostname and SubjectAltNames
// from the list (Hostname and URI entries). So a SAN list without the hostname means the
// certificate is checked against other names only: legitimate, but often a slip; an info.
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { hostnamesIntersect, isGwApi } from './_gwapi.ts';

const ID = 'btls-hostname-san';

export const rule: Rule = {
  id: ID,
  severity: 'info',
  title: { ko: 'BackendTLSPolicy의 `subjectAltNames`에 `hostname`이 없다', en: 'BackendTLSPolicy `subjectAltNames` leave out `hostname`' },
  summary: {
    ko: 'BackendTLSPolicy의 `validation.hostname`은 SNI로 보내는 이름이고, `subjectAltNames`가 없을 때는 백엔드 인증서가 맞아야 하는 이름이다. `subjectAltNames`를 쓰면 인증서는 그 목록으로만 검증되고 `hostname`은 검증에 쓰이지 않는다. 목록에 `hostname`과 맞는 항목이 없다면 의도한 것인지 확인하자. 백엔드 인증서가 `hostname`을 담고 있다면 `{type: Hostname, hostname: <hostname>}`을 목록에 더하자.',
    en: 'A BackendTLSPolicy\'s `validation.hostname` is the name sent as SNI and, without `subjectAltNames`, the name the backend certificate must match. With `subjectAltNames` the certificate is checked against that list only, and `hostname` is not used for validation. If no entry matches `hostname`, check that this is intended; if the backend certificate carries `hostname`, add `{type: Hostname, hostname: <hostname>}` to the list.',
  },
  docs: 'patterns/origination/',
  check(ctx) {
    for (const p of ctx.resources.filter((r) => isGwApi(r, 'BackendTLSPolicy'))) {
      const v = isObj(p.spec.validation) ? p.spec.validation : undefined;
      const host = v ? str(v.hostname) : undefined;
      const sans = arr(v?.subjectAltNames).filter(isObj);
      if (!host || !sans.length) continue;
      const dns = sans.filter((s) => str(s.type) === 'Hostname').map((s) => str(s.hostname) ?? '');
      if (dns.some((h) => h && hostnamesIntersect(h, host))) continue;
      const list = sans.map((s) => str(s.hostname) ?? str(s.uri) ?? '').join(', ');
      ctx.report({ rule: ID, at: p, path: ['spec', 'validation', 'subjectAltNames'], msg: {
        ko: `\`subjectAltNames\`(${list})에 \`hostname: ${host}\`과 맞는 항목이 없다. 백엔드 인증서는 이 목록으로만 검증되고 \`${host}\`는 SNI로만 쓰인다. 의도한 것인지 확인하자. 인증서가 \`${host}\`를 담고 있다면 \`{type: Hostname, hostname: ${host}}\`를 더하자.`,
        en: `No entry of \`subjectAltNames\` (${list}) matches \`hostname: ${host}\`. The backend certificate is checked against this list only, and \`${host}\` is used only as SNI. Check that this is intended; if the certificate carries \`${host}\`, add \`{type: Hostname, hostname: ${host}}\`.` } });
    }
  },
};
