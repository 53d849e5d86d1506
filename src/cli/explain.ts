// `meshtls explain [--format text|json] [--lang ko|en] [--at ISO-TIME] FILE…`: a thin shell over
// the proxy-state explainer (src/lib/explain). Files are streamed into the engine (a 200 MB
// config_dump is never one string); `-` reads stdin. Exit 0 without an error finding, 1 with
// one, 2 on a usage error, a FILE that cannot be read, or input that is not a dump.
import { parseTime, walkArgs } from './args.ts';
import { createReadStream } from 'node:fs';
import { createReader, type ClusterRow, type ExplainResult, type FilterChainRow, type Lang, type ListenerRow, type SecretRef, type TlsSettings } from '../lib/explain/index.ts';
import { certLabel } from '../lib/explain/rules/util.ts';
import { docsUrl } from '../lib/site/urls.ts';
import { endOnBrokenPipe, type CliIo } from './io.ts';
import { isLang, langFromEnv, resolveLang } from './lang.ts';
import { siteUrl } from './site.ts';

export const EXPLAIN_USAGE: Record<Lang, string> = {
  en: `Usage: meshtls explain [--format text|json] [--lang ko|en] [--at ISO-TIME] FILE...   (- reads stdin)

Reads what a proxy holds: Envoy's /config_dump (with or without ?include_eds), istioctl
proxy-config all|cluster|listener|route|secret -o json|yaml, and ztunnel config dumps. Several
files are read together (a sidecar and its egress gateway). Prints the TLS map (clusters,
listeners and filter chains, secrets) and what is wrong, with the Istio field to look at.
  --format text|json text tables and findings (default) or the whole map as JSON
  --at ISO-TIME      check certificates at this time instead of now (2027-01-31T00:00:00Z)
Exit codes: 0 no error finding, 1 at least one error finding, 2 usage error, unreadable FILE
or input that is not a proxy dump.
`,
  ko: `사용법: meshtls explain [--format text|json] [--lang ko|en] [--at ISO-TIME] FILE...   (-는 표준 입력)

프록시가 실제로 들고 있는 설정을 읽는다. Envoy /config_dump(?include_eds 포함 여부와 무관),
istioctl proxy-config all|cluster|listener|route|secret -o json|yaml, ztunnel 설정 덤프를 받는다.
여러 파일을 함께 읽는다(사이드카와 그 이그레스 게이트웨이). TLS 지도(클러스터, 리스너와 필터 체인,
시크릿)와 잘못된 점을, 살펴볼 Istio 필드와 함께 찍는다.
  --format text|json 표와 검사 결과(기본값) 또는 지도 전체를 JSON으로
  --at ISO-TIME      지금 대신 이 시각에 인증서를 검사한다(2027-01-31T00:00:00Z)
종료 코드: 0 오류 지적이 없다, 1 오류 지적이 하나 이상 있다, 2 사용법이 틀렸거나 읽을 수 없는 FILE,
또는 프록시 덤프가 아닌 입력이 있다.
`,
};

const M = {
  en: {
    needsValue: (v: string) => `${v} needs a value`,
    unknownOption: (v: string) => `unknown option ${v}`,
    badFormat: (v: string) => `--format must be text or json ("${v}")`,
    badLang: (v: string) => `--lang must be ko or en ("${v}")`,
    badTime: (v: string) => `--at must be an ISO 8601 time such as 2027-01-31T00:00:00Z ("${v}")`,
    noFile: 'no FILE given',
    cannotRead: (f: string, code?: string) => `cannot read ${f}${code ? ` (${code})` : ''}`,
    proxy: 'Proxy', clusters: 'Clusters', listeners: 'Listeners', secrets: 'Secrets', workloads: 'Workloads (ztunnel)',
    findings: 'Findings', problems: 'Input problems', none: 'no finding',
    field: 'field', docs: 'page', catalog: 'error',
    summary: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} note${i === 1 ? '' : 's'}`,
    cols: {
      cluster: ['NAME', 'STATE', 'TLS', 'SNI', 'SAN', 'CLIENT CERT', 'CA', 'ALPN', 'VERSIONS', 'DESTINATIONRULE', 'MAX CONN', 'TIMEOUT'],
      chain: ['LISTENER', 'STATE', 'INSPECTOR', '#', 'SERVER NAMES', 'MATCH', 'TLS', 'CLIENT CERT', 'CERT', 'CA', 'TO'],
      secret: ['NAME', 'KIND', 'STATE', 'CERTIFICATE', 'SAN / SPIFFE', 'EXPIRES', 'DAYS'],
      workload: ['NAME', 'NAMESPACE', 'PROTOCOL', 'SERVICE ACCOUNT', 'IPS', 'WAYPOINT'],
    },
    required: 'required', optional: 'optional', yes: 'yes', no: 'no', default: 'default',
  },
  ko: {
    needsValue: (v: string) => `${v}에 값이 필요하다`,
    unknownOption: (v: string) => `알 수 없는 옵션 ${v}`,
    badFormat: (v: string) => `--format은 text 또는 json이어야 한다("${v}")`,
    badLang: (v: string) => `--lang은 ko 또는 en이어야 한다("${v}")`,
    badTime: (v: string) => `--at은 2027-01-31T00:00:00Z 같은 ISO 8601 시각이어야 한다("${v}")`,
    noFile: '검사할 FILE을 주지 않았다',
    cannotRead: (f: string, code?: string) => `${f}을(를) 읽을 수 없다${code ? `(${code})` : ''}`,
    proxy: '프록시', clusters: '클러스터', listeners: '리스너', secrets: '시크릿', workloads: '워크로드(ztunnel)',
    findings: '검사 결과', problems: '입력 문제', none: '지적 없음',
    field: '필드', docs: '설명', catalog: '오류',
    summary: (e: number, w: number, i: number) => `오류 ${e}개, 경고 ${w}개, 참고 ${i}개`,
    cols: {
      cluster: ['이름', '상태', 'TLS', 'SNI', 'SAN', '클라이언트 인증서', 'CA', 'ALPN', '버전', 'DESTINATIONRULE', '최대 연결', '타임아웃'],
      chain: ['리스너', '상태', '인스펙터', '#', 'SERVER NAMES', '매치', 'TLS', '클라이언트 인증서', '인증서', 'CA', '목적지'],
      secret: ['이름', '종류', '상태', '인증서', 'SAN / SPIFFE', '만료', '남은 일수'],
      workload: ['이름', '네임스페이스', '프로토콜', '서비스 어카운트', 'IP', '웨이포인트'],
    },
    required: '필수', optional: '선택', yes: '예', no: '아니오', default: '기본값',
  },
} as const;

interface Args {
  format: 'text' | 'json';
  lang: Lang;
  at?: Date;
  files: string[];
}

function parseArgs(argv: string[], m: (typeof M)[Lang], env: CliIo['env']): Args | { help: true } | { error: string } {
  const out: Args = { format: 'text', lang: langFromEnv(env), files: [] };
  const walked = walkArgs(argv, ['--format', '--lang', '--at'], m, (name, v) => {
    if (name === '--format') {
      if (v !== 'text' && v !== 'json') return m.badFormat(v);
      out.format = v;
    } else if (name === '--lang') {
      if (!isLang(v)) return m.badLang(v);
      out.lang = v;
    } else {
      const t = parseTime(v);
      if (!t) return m.badTime(v);
      out.at = t;
    }
    return undefined;
  });
  if (!('files' in walked)) return walked;
  if (!walked.files.length) return { error: m.noFile };
  return { ...out, files: walked.files };
}

// --- text tables -------------------------------------------------------------------------------

/** Display width: Hangul and other wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const cut = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function table(head: readonly string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, w[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

const ref = (r: SecretRef | undefined) => (r ? `${r.name}${r.state && r.state !== 'active' && r.state !== 'unknown' ? ` (${r.state})` : ''}` : '-');
const versions = (t: TlsSettings | undefined) => (t && (t.minVersion || t.maxVersion) ? `${(t.minVersion ?? '').replace('TLSv', '')}..${(t.maxVersion ?? '').replace('TLSv', '')}` : '-');

function clusterRow(c: ClusterRow, m: (typeof M)[Lang]): string[] {
  const t = c.tls;
  return [
    cut(c.name, 90), c.state, c.mode, t?.sni ?? (t?.autoSni ? 'auto' : '-'),
    cut(t?.sans.map((s) => s.value).join(',') || '-', 80), ref(t?.certificate), ref(t?.trustedCa), t?.alpn.join(',') || '-', versions(t),
    c.destinationRule ? `${c.destinationRule.namespace}/${c.destinationRule.name}` : '-',
    c.circuitBreaker.maxConnections === undefined ? `${m.default} 1024` : String(c.circuitBreaker.maxConnections),
    c.connectTimeout ?? '-',
  ];
}

function chainRows(l: ListenerRow, m: (typeof M)[Lang]): string[][] {
  const name = `${l.name}${l.port !== undefined && !l.name.endsWith(`_${l.port}`) ? ` :${l.port}` : ''}${l.inboundMode ? ` ${l.inboundMode}` : ''}`;
  const row = (fc: FilterChainRow, i: string) => [
    cut(name, 40), l.state, l.tlsInspector ? m.yes : m.no, i, cut(fc.serverNames.join(',') || '*', 40),
    [fc.destinationPort !== undefined ? `port ${fc.destinationPort}` : '', fc.transportProtocol ?? '', fc.applicationProtocols.join(',')].filter(Boolean).join(' ') || '-',
    fc.terminatesTls ? (fc.inboundTls === 'mtls' ? 'istio-mtls' : 'tls') : '-',
    fc.terminatesTls ? (fc.tls?.requireClientCertificate ? m.required : fc.tls?.trustedCa ? m.optional : m.no) : '-',
    ref(fc.tls?.certificate), ref(fc.tls?.trustedCa), cut(fc.destination ?? '-', 50),
  ];
  const rows = l.filterChains.map((fc, i) => row(fc, String(i)));
  if (l.defaultChain) rows.push(row(l.defaultChain, 'default'));
  return rows.length ? rows : [[cut(name, 40), l.state, l.tlsInspector ? m.yes : m.no, '-', '-', '-', '-', '-', '-', '-', '-']];
}

export function renderText(r: ExplainResult, lang: Lang): string {
  const m = M[lang];
  const out: string[] = [];
  for (const p of r.proxies) {
    const who = [p.kind, p.workload && `${p.workload}${p.namespace ? `.${p.namespace}` : ''}`, p.istioVersion && `Istio ${p.istioVersion}`, p.form !== p.kind && p.form].filter(Boolean).join(' · ');
    out.push(`== ${m.proxy} ${p.id + 1}: ${p.file} (${who})`);
    const clusters = r.clusters.filter((c) => c.proxy === p.id);
    if (clusters.length) out.push('', `${m.clusters} (${clusters.length})`, ...table(m.cols.cluster, clusters.map((c) => clusterRow(c, m))).map((l) => `  ${l}`));
    const listeners = r.listeners.filter((l) => l.proxy === p.id);
    if (listeners.length) out.push('', `${m.listeners} (${listeners.length})`, ...table(m.cols.chain, listeners.flatMap((l) => chainRows(l, m))).map((l) => `  ${l}`));
    const secrets = r.secrets.filter((s) => s.proxy === p.id);
    if (secrets.length) {
      const rows = secrets.flatMap((s) => {
        const certs = s.certificates.length ? s.certificates : [undefined];
        return certs.map((c, i) => [i ? '' : cut(s.name, 60), i ? '' : s.kind, i ? '' : s.state, cut(c ? certLabel(c) : '-', 40), cut(c ? c.spiffe ?? [...c.sans.dns, ...c.sans.ip].join(',') ?? '-' : '-', 60) || '-', c?.notAfter.slice(0, 10) ?? '-', c ? String(c.daysLeft) : '-']);
      });
      out.push('', `${m.secrets} (${secrets.length})`, ...table(m.cols.secret, rows).map((l) => `  ${l}`));
    }
    const workloads = r.workloads.filter((w) => w.proxy === p.id);
    if (workloads.length) out.push('', `${m.workloads} (${workloads.length})`, ...table(m.cols.workload, workloads.map((w) => [w.name, w.namespace, w.protocol, w.serviceAccount ?? '-', w.ips.join(','), w.waypoint ?? '-'])).map((l) => `  ${l}`));
    out.push('');
  }
  out.push(`${m.findings}:`);
  if (!r.findings.length) out.push(`  ${m.none}`);
  for (const f of r.findings) {
    const proxy = r.proxies[f.target.proxy];
    out.push(`  ${f.severity.padEnd(7)} [${f.rule}] ${proxy ? `${proxy.file}: ` : ''}${f.target.kind} ${f.target.name}`);
    out.push(`    ${f.message}`);
    out.push(`    ${m.field}: ${f.field}`);
    out.push(`    ${m.docs}: ${siteUrl(f.docs, lang)}${f.catalog ? ` · ${m.catalog}: ${siteUrl(`errors/${f.catalog}/`, lang)}` : ''}`);
  }
  if (r.problems.length) out.push(`${m.problems}:`, ...r.problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`));
  out.push(m.summary(r.summary.errors, r.summary.warnings, r.summary.infos));
  return `${out.join('\n')}\n`;
}

/** The JSON contract: the whole map; each finding's `docs` is the site path in the chosen language. */
export function renderJson(r: ExplainResult, lang: Lang): string {
  return `${JSON.stringify({ ...r, findings: r.findings.map((f) => ({ ...f, docs: docsUrl(f.docs, lang) })) }, null, 2)}\n`;
}

// --- run ---------------------------------------------------------------------------------------

export async function runExplain(argv: string[], io: CliIo): Promise<number> {
  const msgLang = resolveLang(argv, io.env);
  const m = M[msgLang];
  const args = parseArgs(argv, m, io.env);
  if ('help' in args) { io.stdout.write(EXPLAIN_USAGE[msgLang]); return 0; }
  if ('error' in args) { io.stderr.write(`meshtls explain: ${args.error}\n${EXPLAIN_USAGE[msgLang].split('\n')[0]}\n`); return 2; }
  const reader = createReader({ lang: args.lang, ...(args.at ? { now: args.at } : {}) });
  let stdinUsed = false;
  for (const file of args.files) {
    const sink = reader.open(file === '-' ? '<stdin>' : file);
    try {
      const stream = file === '-' ? (stdinUsed ? undefined : io.stdin) : createReadStream(file);
      if (file === '-') stdinUsed = true;
      if (stream) for await (const chunk of stream) sink.push(typeof chunk === 'string' ? chunk : new Uint8Array(chunk as Buffer));
      sink.end();
    } catch (e) {
      io.stderr.write(`meshtls explain: ${m.cannotRead(file, (e as NodeJS.ErrnoException).code)}\n`);
      return 2;
    }
  }
  const result = await reader.finish();
  const closed = endOnBrokenPipe(io, 'meshtls explain');
  if (!closed()) io.stdout.write(args.format === 'json' ? renderJson(result, args.lang) : renderText(result, args.lang));
  if (result.problems.length) return 2;
  return result.summary.errors > 0 ? 1 : 0;
}
