// Decoder path: small numbers with a fixed meaning.
//   TLS alerts:        "SSL alert number 48" (OpenSSL)
//   X.509 verify:      "verify error:num=10:certificate has expired" (openssl s_client/s_server),
//                      "Verify return code: 20 (unable to get local issuer certificate)",
//                      nginx "upstream SSL certificate verify error: (10:certificate has expired)"
//   curl exit codes:   "curl: (60) SSL certificate problem: …"
import { ALERTS, CURL_EXIT, x509Verify, type Lang } from './codes.ts';
import type { Finding } from './types.ts';

const ALERT_NUMBER = /alert number (\d{1,3})\b/gi;
// The text after the number tells OpenSSL 3 from 1.1/BoringSSL where their numbers disagree (24).
const VERIFY = /verify error:num=(\d{1,3})(?::([^\n:]{1,80}))?|verify return code: (\d{1,3}) \(([^)\n]{1,80})\)?|verify error: \((\d{1,3}):([^)\n]{1,80})\)?/gi;
const CURL = /curl: \((\d{1,3})\)/g;
// Alerts named rather than numbered: Java (JSSE "Received fatal alert: certificate_unknown",
// BouncyCastle "TlsFatalAlertReceived: unknown_ca(48)", "raised fatal(2) certificate_unknown(46)")
// JSSE's debug log ("SEND TLSv1.2 ALERT:  fatal, description = certificate_unknown") and Erlang
// ("{tls_alert, {certificate_unknown, …").
const ALERT_NAMED = /(?:fatal alert: |TlsFatalAlert(?:Received)?: |raised fatal\(2\) |\{tls_alert,\s?\{|ALERT: {1,2}fatal, description = )([a-z_]{5,40})\b(?:\((\d{1,3})\)?)?/g;
const ALERT_BY_NAME: ReadonlyMap<string, number> = new Map([...ALERTS].map(([n, a]) => [a.name, n]));

export function recognizeNumbers(line: string, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const lower = line.toLowerCase();
  if (lower.includes('alert number')) {
    for (const m of line.matchAll(ALERT_NUMBER)) {
      const n = Number(m[1]);
      const alert = ALERTS.get(n);
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        names: alert ? [alert.reason] : [],
        part: {
          kind: 'alert',
          raw: m[0],
          values: { alert: n, ...(alert ? { name: alert.name, reasonName: alert.reason } : {}) },
          note: lang === 'ko'
            ? `TLS 경고(TLS alert) ${n}${alert ? `(${alert.name})` : ''}. OpenSSL이 이 번호를 오류로 보고하면 상대편(피어)이 보낸 경고다. 즉 상대편이 이쪽을 거부했다.`
            : `TLS alert ${n}${alert ? ` (${alert.name})` : ''}. When OpenSSL reports it as the error, the peer sent it: the other side rejected us.`,
        },
      });
    }
  }
  if (/fatal|tls_alert/i.test(line)) {
    for (const m of line.matchAll(ALERT_NAMED)) {
      const n = ALERT_BY_NAME.get(m[1]!);
      if (n === undefined) continue;
      const alert = ALERTS.get(n)!;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        names: [alert.reason],
        part: {
          kind: 'alert',
          raw: m[0],
          values: { alert: n, name: alert.name, reasonName: alert.reason },
          note: lang === 'ko'
            ? `TLS 경고(TLS alert) ${n}(${alert.name}), 이름으로 적혀 있다.`
            : `TLS alert ${n} (${alert.name}), given by name.`,
        },
      });
    }
  }
  if (lower.includes('verify')) {
    for (const m of line.matchAll(VERIFY)) {
      const n = Number(m[1] ?? m[3] ?? m[5]);
      if (n === 0) continue; // 0 is "ok"
      const v = x509Verify(n, m[2] ?? m[4] ?? m[6]);
      const other = v?.legacy
        ? (lang === 'ko'
          ? ` OpenSSL 1.1과 BoringSSL에서 ${n}번은 ${v.legacy.name}("${v.legacy.text}")이다.`
          : ` In OpenSSL 1.1 and BoringSSL, ${n} is ${v.legacy.name} ("${v.legacy.text}").`)
        : '';
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        names: v ? [v.name, ...(v.legacy ? [v.legacy.name] : [])] : [],
        // A verify result without an entry of its own is still a failed verification.
        fallback: ['CERTIFICATE_VERIFY_FAILED'],
        part: {
          kind: 'x509-verify',
          raw: m[0],
          values: { code: n, ...(v ? { name: v.name, text: v.text } : {}) },
          note: (lang === 'ko'
            ? `X.509 검증 결과 ${n}${v ? ` = ${v.name}("${v.text}")` : ''}. 이 로그를 남긴 쪽이 상대편 인증서를 거부했다.`
            : `X.509 verify result ${n}${v ? ` = ${v.name} ("${v.text}")` : ''}: the side that logged this rejected its peer's certificate.`) + other,
        },
      });
    }
  }
  if (line.includes('curl: (')) {
    for (const m of line.matchAll(CURL)) {
      const n = Number(m[1]);
      const c = CURL_EXIT.get(n);
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        names: c ? [c.name] : [],
        part: {
          kind: 'curl-exit',
          raw: m[0],
          values: { exit: n, ...(c ? { name: c.name } : {}) },
          note: lang === 'ko'
            ? `curl 종료 코드 ${n}${c ? ` = ${c.name}(${c.text.ko})` : ''}.`
            : `curl exit code ${n}${c ? ` = ${c.name} (${c.text.en})` : ''}.`,
        },
      });
    }
  }
  return out;
}
