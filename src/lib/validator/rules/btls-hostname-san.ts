// `validation.hostname` and `subjectAltNames` of a BackendTLSPolicy. gateway-api v1.5.1 apis/v1/
// backendtlspolicy_types.go: Hostname is the SNI and, unless SubjectAltNames are set, what the
// backend certificate must match; with SubjectAltNames, Hostname "MUST NOT be used for
// authentication". istio 1.30.3 backend_policies.go sets Sni from hostname and SubjectAltNames
// from the list (Hostname and URI entries). So a SAN list without the hostname means the
// certificate is checked against other names only: legitimate, but often a slip; an info.
// Without SubjectAltNames the spec wants the certificate checked against Hostname, but Istio 1.30.3
// does not: backend_policies.go copies Hostname to Sni only, and cluster_tls.go
// setAutoSniAndAutoSanValidation turns on auto SAN validation only when Sni is empty. For a
// Service target nothing else supplies SANs (only ServiceEntry hosts get the entry's
// subjectAltNames), so any certificate from the trusted CA is accepted: a warning.
import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { hostnamesIntersect, isGwApi } from './_gwapi.ts';

const ID = 'btls-hostname-san';

export const rule: Rule = {
  id: ID,
  severity: 'info',
  title: { ko: 'BackendTLSPolicy의 `subjectAltNames`에 `hostname`이 없다', en: 'BackendTLSPolicy `subjectAltNames` leave out `hostname`' },
  summary: {
    ko: 'BackendTLSPolicy의 `validation.hostname`은 SNI로 보내는 이름이고, `subjectAltNames`가 없을 때는 백엔드 인증서가 맞아야 하는 이름이다(Istio 1.30은 이 확인을 하지 않으므로 경고한다). `subjectAltNames`를 쓰면 인증서는 그 목록으로만 검증되고 `hostname`은 검증에 쓰이지 않는다. 목록에 `hostname`과 맞는 항목이 없다면 의도한 것인지 확인하자. 백엔드 인증서가 `hostname`을 담고 있다면 `{type: Hostname, hostname: <hostname>}`을 목록에 더하자.',
    en: 'A BackendTLSPolicy\'s `validation.hostname` is the name sent as SNI and, without `subjectAltNames`, the name the backend certificate must match (Istio 1.30 does not check it, so that case is a warning). With `subjectAltNames` the certificate is checked against that list only, and `hostname` is not used for validation. If no entry matches `hostname`, check that this is intended; if the backend certificate carries `hostname`, add `{type: Hostname, hostname: <hostname>}` to the list.',
  },
  docs: 'gateway-api/tls/',
  check(ctx) {
    for (const p of ctx.resources.filter((r) => isGwApi(r, 'BackendTLSPolicy'))) {
      const v = isObj(p.spec.validation) ? p.spec.validation : undefined;
      const host = v ? str(v.hostname) : undefined;
      const sans = arr(v?.subjectAltNames).filter(isObj);
      if (!host) continue;
      if (!sans.length) {
        ctx.report({ rule: ID, at: p, path: ['spec', 'validation', 'hostname'], severity: 'warning', msg: {
          ko: `Istio 1.30은 \`hostname: ${host}\`을 SNI로만 보내고, 백엔드 인증서가 이 이름을 담았는지는 확인하지 않는다. 신뢰하는 CA가 서명한 인증서라면 어떤 이름이든 받아들인다. 이름까지 확인하려면 \`subjectAltNames\`에 \`{type: Hostname, hostname: ${host}}\`를 적자.`,
          en: `Istio 1.30 sends \`hostname: ${host}\` as SNI only and does not check that the backend certificate carries that name: any certificate from a trusted CA is accepted. To have the name checked, add \`{type: Hostname, hostname: ${host}}\` to \`subjectAltNames\`.` } });
        continue;
      }
      const dns = sans.filter((s) => str(s.type) === 'Hostname').map((s) => str(s.hostname) ?? '');
      if (dns.some((h) => h && hostnamesIntersect(h, host))) continue;
      const list = sans.map((s) => str(s.hostname) ?? str(s.uri) ?? '').join(', ');
      ctx.report({ rule: ID, at: p, path: ['spec', 'validation', 'subjectAltNames'], msg: {
        ko: `\`subjectAltNames\`(${list})에 \`hostname: ${host}\`과 맞는 항목이 없다. 백엔드 인증서는 이 목록으로만 검증되고 \`${host}\`는 SNI로만 쓰인다. 의도한 것인지 확인하자. 인증서가 \`${host}\`를 담고 있다면 \`{type: Hostname, hostname: ${host}}\`를 더하자.`,
        en: `No entry of \`subjectAltNames\` (${list}) matches \`hostname: ${host}\`. The backend certificate is checked against this list only, and \`${host}\` is used only as SNI. Check that this is intended; if the certificate carries \`${host}\`, add \`{type: Hostname, hostname: ${host}}\`.` } });
    }
  },
};
