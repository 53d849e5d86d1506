// Decoder path: packed library error codes.
//   BoringSSL/Envoy:  268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED
//                     (also `SSL_routines` in access-log fields, and the hex form gRPC prints:
//                     error:1000007d:SSL routines:OPENSSL_internal:…; the older Envoy form in
//                     access-log fields puts `_` before the number: TLS_error:_268436501:…)
//   OpenSSL 3:        error:0A000086:SSL routines::certificate verify failed
//   OpenSSL 1.1:      error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed
import { ALERTS, guessOpenSslFlavor, unpack, type Flavor, type Lang, type PackedCode } from './codes.ts';
import type { Finding } from './types.ts';

// The number may follow `_` (a space in an access-log field), never another digit, letter or dot.
const BORING_DECIMAL = /(?<![0-9A-Za-z.])(\d{6,10}):([A-Za-z][\w .]{0,29}):OPENSSL_internal:([\w ]{1,80})/g;
// Envoy's reason cut short after the number (`TLS error: 268436501:SSL`): the number alone decodes.
const BORING_TRUNCATED = /TLS[ _]error:[ _|]{0,2}(\d{9,10})(?=:|$|\s)/g;
const HEX = /error:([0-9A-Fa-f]{8}):([^:\n]{0,40}):([^:\n]{0,60}):([^:\n]{0,120})/g;

const FLAVOR_LABEL: Record<Flavor, string> = {
  boringssl: 'BoringSSL',
  openssl3: 'OpenSSL 3',
  openssl1: 'OpenSSL 1.x',
};

export function describePacked(p: PackedCode, lang: Lang): string {
  if (p.system) {
    return lang === 'ko'
      ? `${FLAVOR_LABEL[p.flavor]} 시스템 오류 코드. 최상위 비트(ERR_SYSTEM_FLAG)가 켜져 있어 나머지 값이 운영체제 오류 번호(errno) ${p.reason}${p.reasonName ? `(${p.reasonName})` : ''}이다.`
      : `${FLAVOR_LABEL[p.flavor]} system error code: the top bit (ERR_SYSTEM_FLAG) is set, so the rest is the operating-system errno ${p.reason}${p.reasonName ? ` (${p.reasonName})` : ''}.`;
  }
  const lib = `${p.lib}${p.libName ? ` (${p.libName})` : ''}`;
  const reason = `${p.reason}${p.reasonName ? ` ${p.reasonName}` : ''}`;
  const head = lang === 'ko'
    ? `${FLAVOR_LABEL[p.flavor]} 오류 코드. 라이브러리 ${lib}, 사유 ${reason}.`
    : `${FLAVOR_LABEL[p.flavor]} error code: library ${lib}, reason ${reason}.`;
  if (p.alert === undefined) return head;
  const name = ALERTS.get(p.alert)?.name ?? '?';
  return lang === 'ko'
    ? `${head} 사유가 1000 + ${p.alert}이므로 상대편(피어)이 TLS 경고(TLS alert) ${p.alert}(${name})를 보냈다는 뜻이다. 즉 상대편이 이쪽을 거부했다.`
    : `${head} A reason of 1000 + ${p.alert} means the peer sent TLS alert ${p.alert} (${name}): the other side rejected us.`;
}

function finding(match: RegExpExecArray, p: PackedCode, printed: string, lang: Lang): Finding {
  const values: Record<string, string | number> = { code: p.code, lib: p.lib, reason: p.reason };
  if (p.libName) values.libName = p.libName;
  if (p.reasonName) values.reasonName = p.reasonName;
  if (p.func !== undefined) values.func = p.func;
  if (p.alert !== undefined) values.alert = p.alert;
  if (p.system) values.errno = p.reason;
  if (printed) values.printed = printed;
  const names = [p.reasonName, printed.replace(/ /g, '_').toUpperCase()].filter((n): n is string => !!n);
  return {
    start: match.index,
    end: match.index + match[0].length,
    part: { kind: p.flavor, raw: match[0], values, note: describePacked(p, lang) },
    names,
  };
}

export function recognizePacked(line: string, lang: Lang): Finding[] {
  const out: Finding[] = [];
  if (line.includes('OPENSSL_internal')) {
    for (const m of line.matchAll(BORING_DECIMAL)) {
      out.push(finding(m, unpack(Number(m[1]), 'boringssl'), (m[3] ?? '').trim(), lang));
    }
  }
  if (/TLS[ _]error/.test(line)) {
    for (const m of line.matchAll(BORING_TRUNCATED)) {
      const at = m.index + m[0].indexOf(m[1]!);
      if (out.some((f) => f.start <= at && at < f.end)) continue;
      out.push(finding(m, unpack(Number(m[1]), 'boringssl'), '', lang));
    }
  }
  if (line.includes('error:')) {
    for (const m of line.matchAll(HEX)) {
      const code = parseInt(m[1] ?? '0', 16);
      const func = (m[3] ?? '').trim();
      const flavor: Flavor = func === 'OPENSSL_internal' ? 'boringssl' : func === '' ? 'openssl3' : guessOpenSslFlavor(code);
      // OpenSSL prints reasons in lower case with spaces; the catalog patterns match that text.
      out.push(finding(m, unpack(code, flavor), flavor === 'boringssl' ? (m[4] ?? '').trim() : '', lang));
    }
  }
  return out;
}
