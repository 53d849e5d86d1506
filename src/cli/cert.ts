// `meshtls cert [--host NAME] [--ca FILE] [--purpose server|client] [--at ISO-TIME]
// [--format text|json] [--lang ko|en] FILE…`: a thin shell over the certificate inspector
// (src/lib/cert). `-` reads stdin. Exit 0 when the verdict is ok, 1 when it is not, 2 on a usage
// error or a FILE that cannot be read. Its usage lives here (help.ts is shared by lint/decode).
import { parseTime, walkArgs } from './args.ts';
import { readFile } from 'node:fs/promises';
import { inspect, type InspectInput, type InspectReport, type Lang } from '../lib/cert/index.ts';
import { endOnBrokenPipe, type CliIo } from './io.ts';
import { isLang, langFromEnv, resolveLang } from './lang.ts';
import { siteUrl } from './site.ts';

export const CERT_USAGE: Record<Lang, string> = {
  en: `Usage: meshtls cert [--host NAME] [--ca FILE] [--purpose server|client] [--at ISO-TIME] [--format text|json] [--lang ko|en] FILE...   (- reads stdin)

Reads PEM bundles (certificates, keys, CSRs), base64 DER, openssl s_client -showcerts output,
Kubernetes Secrets (YAML or JSON), istioctl proxy-config secret -o json and ztunnel certificate
dumps, and says whether a TLS handshake would accept the chain, with the words OpenSSL,
BoringSSL/Envoy and Go would print. Private keys are only compared by their public part.
  --host NAME        the name (or IP) the client dials; checked against the SANs (RFC 9525)
  --ca FILE          the trust bundle of the verifier (repeatable)
  --purpose P        server (default: what a client checks) or client (what a server checks in mTLS)
  --at ISO-TIME      check at this time instead of now (2027-01-31T00:00:00Z)
  --format text|json text (default) or {"certificates": [...], "chains": [...], "verdict": {...}}
Exit codes: 0 the handshake would succeed, 1 it would not, 2 usage error or unreadable FILE.
`,
  ko: `사용법: meshtls cert [--host NAME] [--ca FILE] [--purpose server|client] [--at ISO-TIME] [--format text|json] [--lang ko|en] FILE...   (-는 표준 입력)

PEM 묶음(인증서, 키, CSR), base64 DER, openssl s_client -showcerts 출력, 쿠버네티스 Secret(YAML·JSON),
istioctl proxy-config secret -o json, ztunnel 인증서 덤프를 읽고, TLS 핸드셰이크가 이 체인을 받아들일지와
OpenSSL, BoringSSL(Envoy), Go가 찍을 문구를 알려 준다. 개인 키는 공개 부분만 비교한다.
  --host NAME        클라이언트가 접속하는 이름(또는 IP). SAN과 비교한다(RFC 9525)
  --ca FILE          검증하는 쪽의 신뢰 번들(여러 번 줄 수 있다)
  --purpose P        server(기본값, 클라이언트가 서버를 검사) 또는 client(mTLS에서 서버가 클라이언트를 검사)
  --at ISO-TIME      지금 대신 이 시각에 검사한다(2027-01-31T00:00:00Z)
  --format text|json text(기본값) 또는 {"certificates": [...], "chains": [...], "verdict": {...}}
종료 코드: 0 핸드셰이크가 성공한다, 1 실패한다, 2 사용법이 틀렸거나 읽을 수 없는 FILE이 있다.
`,
};

const MESSAGES = {
  en: {
    needsValue: (v: string) => `${v} needs a value`,
    unknownOption: (v: string) => `unknown option ${v}`,
    badFormat: (v: string) => `--format must be text or json ("${v}")`,
    badLang: (v: string) => `--lang must be ko or en ("${v}")`,
    badPurpose: (v: string) => `--purpose must be server or client ("${v}")`,
    badTime: (v: string) => `--at must be an ISO 8601 time such as 2027-01-31T00:00:00Z ("${v}")`,
    noFile: 'no FILE given',
    cannotRead: (f: string, code?: string) => `cannot read ${f}${code ? ` (${code})` : ''}`,
    certificates: 'Certificates',
    chain: 'Chain',
    trusted: 'trusted',
    notAnchored: 'does not reach a trusted root',
    verdict: 'Verdict',
    ok: 'OK',
    fail: 'FAIL',
    catalog: 'explained at',
    findings: 'Findings',
    notes: 'Notes',
    problems: 'Input problems',
    issuer: 'issuer', serial: 'serial', valid: 'valid', left: (d: number) => (d >= 0 ? `${d} days left` : `expired ${-d} days ago`),
    key: 'key', signature: 'signature', ca: 'CA', yes: 'yes', no: 'no',
  },
  ko: {
    needsValue: (v: string) => `${v}에 값이 필요하다`,
    unknownOption: (v: string) => `알 수 없는 옵션 ${v}`,
    badFormat: (v: string) => `--format은 text 또는 json이어야 한다("${v}")`,
    badLang: (v: string) => `--lang은 ko 또는 en이어야 한다("${v}")`,
    badPurpose: (v: string) => `--purpose는 server 또는 client여야 한다("${v}")`,
    badTime: (v: string) => `--at은 2027-01-31T00:00:00Z 같은 ISO 8601 시각이어야 한다("${v}")`,
    noFile: '검사할 FILE을 주지 않았다',
    cannotRead: (f: string, code?: string) => `${f}을(를) 읽을 수 없다${code ? `(${code})` : ''}`,
    certificates: '인증서',
    chain: '체인',
    trusted: '신뢰함',
    notAnchored: '신뢰하는 루트까지 이어지지 않는다',
    verdict: '판정',
    ok: '통과',
    fail: '실패',
    catalog: '설명',
    findings: '검사 결과',
    notes: '참고',
    problems: '입력 문제',
    issuer: '발급자', serial: '일련번호', valid: '유효 기간', left: (d: number) => (d >= 0 ? `${d}일 남음` : `${-d}일 전에 만료`),
    key: '키', signature: '서명', ca: 'CA', yes: '예', no: '아니오',
  },
} as const;

interface Args {
  format: 'text' | 'json';
  lang: Lang;
  host?: string;
  ca: string[];
  purpose: 'server' | 'client';
  at?: Date;
  files: string[];
}

function parseArgs(argv: string[], msg: (typeof MESSAGES)[Lang], env: CliIo['env']): Args | { help: true } | { error: string } {
  const out: Args = { format: 'text', lang: langFromEnv(env), ca: [], purpose: 'server', files: [] };
  const walked = walkArgs(argv, ['--format', '--lang', '--host', '--ca', '--purpose', '--at'], msg, (name, v) => {
    if (name === '--format') {
      if (v !== 'text' && v !== 'json') return msg.badFormat(v);
      out.format = v;
    } else if (name === '--lang') {
      if (!isLang(v)) return msg.badLang(v);
      out.lang = v;
    } else if (name === '--purpose') {
      if (v !== 'server' && v !== 'client') return msg.badPurpose(v);
      out.purpose = v;
    } else if (name === '--at') {
      const t = parseTime(v);
      if (!t) return msg.badTime(v);
      out.at = t;
    } else if (name === '--host') out.host = v;
    else out.ca.push(v);
    return undefined;
  });
  if (!('files' in walked)) return walked;
  if (!walked.files.length) return { error: msg.noFile };
  return { ...out, files: walked.files };
}

/** A file as text; binary DER (not UTF-8 text) becomes base64, which the inspector reads. */
function asInputText(buf: Buffer): string {
  const text = buf.toString('utf8');
  return buf.includes(0) || text.includes('\ufffd') ? buf.toString('base64') : text;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

const hex = (s: string | null) => s ?? '-';

export function renderText(r: InspectReport, lang: Lang): string {
  const m = MESSAGES[lang];
  const v = r.verdict;
  const lines: string[] = [];
  const name = (i: number) => `[${i + 1}] ${r.certificates[i]?.subject || '(empty subject)'}`;
  if (r.certificates.length) lines.push(`${m.certificates}:`);
  for (const c of r.certificates) {
    const sans = [...c.sans.dns.map((d) => `DNS:${d}`), ...c.sans.ip.map((d) => `IP:${d}`), ...c.sans.uri.map((d) => `URI:${d}`), ...c.sans.email.map((d) => `email:${d}`)];
    lines.push(`  ${name(c.index)}  (${c.origin.file}:${c.origin.line}${c.origin.field ? ` ${c.origin.field}` : ''}, ${c.origin.form}${c.role === 'trust' ? `, ${m.trusted}` : ''})`);
    lines.push(`      ${m.issuer}: ${c.issuer} · ${m.serial} ${c.serial}`);
    lines.push(`      ${m.valid}: ${c.notBefore} → ${c.notAfter} (${m.left(Math.floor(c.secondsLeft / 86_400))})`);
    if (sans.length) lines.push(`      SAN: ${sans.join(', ')}`);
    const bc = c.basicConstraints;
    lines.push(`      ${m.key}: ${c.key.type} ${c.key.curve ?? c.key.bits} · ${m.signature}: ${c.signatureAlgorithm} · ${m.ca}: ${bc?.ca ? `${m.yes}${bc.pathLen !== null ? ` (pathLen ${bc.pathLen})` : ''}` : m.no}`);
    if (c.keyUsage || c.extendedKeyUsage) lines.push(`      KU: ${c.keyUsage?.join(', ') ?? '-'} · EKU: ${c.extendedKeyUsage?.join(', ') ?? '-'}`);
    lines.push(`      SKI ${hex(c.ski)} · AKI ${hex(c.aki)}`);
    lines.push(`      SHA-256 ${c.fingerprints.sha256}`);
  }
  for (const ch of r.chains) {
    const path = ch.certificates.map(name).join(' ← ');
    lines.push(`${m.chain}: ${path}${ch.anchored ? ` (${m.trusted})` : ` — ${m.notAnchored}`}`);
  }
  lines.push(`${m.verdict}: ${v.ok ? m.ok : m.fail} — ${v.summary}`);
  if (!v.ok && v.messages.openssl) {
    lines.push(`  OpenSSL:   ${v.messages.openssl}`, `  BoringSSL: ${v.messages.boringssl}`, `  Go:        ${v.messages.go}`);
    if (v.error) lines.push(`  ${m.catalog}: ${siteUrl(`errors/${v.error}/`, lang)}`);
  }
  const rest = v.findings.filter((f) => f !== v.findings.find((x) => x.severity === 'error'));
  if (rest.length) {
    lines.push(`${m.findings}:`);
    for (const f of rest) lines.push(`  ${f.severity.padEnd(7)} [${f.kind}] ${f.message}${f.error ? ` (${siteUrl(`errors/${f.error}/`, lang)})` : ''}`);
  }
  if (v.notes.length) lines.push(`${m.notes}:`, ...v.notes.map((n) => `  - ${n}`));
  if (v.problems.length) lines.push(`${m.problems}:`, ...v.problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`));
  return `${lines.join('\n')}\n`;
}

export async function runCert(argv: string[], io: CliIo): Promise<number> {
  const msgLang = resolveLang(argv, io.env);
  const msg = MESSAGES[msgLang];
  const args = parseArgs(argv, msg, io.env);
  if ('help' in args) { io.stdout.write(CERT_USAGE[msgLang]); return 0; }
  if ('error' in args) { io.stderr.write(`meshtls cert: ${args.error}\n${CERT_USAGE[msgLang].split('\n')[0]}\n`); return 2; }
  const inputs: InspectInput[] = [];
  let stdinUsed = false;
  for (const [file, role] of [...args.files.map((f) => [f, 'presented'] as const), ...args.ca.map((f) => [f, 'trust'] as const)]) {
    try {
      const buf = file === '-' ? (stdinUsed ? Buffer.alloc(0) : await readStdin(io.stdin)) : await readFile(file);
      if (file === '-') stdinUsed = true;
      inputs.push({ name: file === '-' ? '<stdin>' : file, text: asInputText(buf), role });
    } catch (e) {
      io.stderr.write(`meshtls cert: ${msg.cannotRead(file, (e as NodeJS.ErrnoException).code)}\n`);
      return 2;
    }
  }
  const report = await inspect(inputs, { lang: args.lang, purpose: args.purpose, ...(args.host ? { host: args.host } : {}), ...(args.at ? { at: args.at } : {}) });
  const closed = endOnBrokenPipe(io, 'meshtls cert');
  if (!closed()) io.stdout.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, args.lang));
  return report.verdict.ok ? 0 : 1;
}
