// Decoder path: Envoy/Istio access-log lines, text (Envoy's and Istio's default formats) and
// JSON. Reads the fields that say which hop failed: response code and flags, response code
// details, upstream cluster, upstream/downstream transport failure reason.
import { RESPONSE_FLAGS, type Lang } from './codes.ts';
import type { AccessLogInfo, ClusterInfo, DecodedPart, Finding } from './types.ts';

// [START_TIME] "METHOD PATH PROTOCOL" CODE FLAGS rest…  (TCP lines have "- - -")
const TEXT_HEAD = /^\[([^\]\n]{1,64})\] "([^"\n]{0,4096})" (\d{1,3}|-) ([A-Z]{1,6}(?:,[A-Z]{1,6}){0,15}|-)(?= |$)/;
const TOKENS = /"[^"\n]{0,8192}"|\S{1,8192}/g;
const CLUSTER = /^(outbound|inbound)\|(\d*)\|([^|\s]*)\|(\S*)$/;
const NAMED_CLUSTER = /^(?:PassthroughCluster|BlackHoleCluster|InboundPassthroughCluster\w*)$/;

export function parseCluster(raw: string): ClusterInfo | undefined {
  const m = CLUSTER.exec(raw);
  if (m) {
    const info: ClusterInfo = { raw, direction: m[1] as 'outbound' | 'inbound' };
    if (m[2]) info.port = Number(m[2]);
    if (m[3]) info.subset = m[3];
    if (m[4]) info.host = m[4];
    return info;
  }
  return NAMED_CLUSTER.test(raw) ? { raw } : undefined;
}

const unquote = (t: string | undefined) => (t && t.startsWith('"') ? t.slice(1, -1) : t);
const present = (v: string | undefined) => (v && v !== '-' ? v : undefined);

interface Fields {
  code?: string;
  flags?: string;
  details?: string;
  /** %CONNECTION_TERMINATION_DETAILS%: why this proxy closed the connection (TCP RBAC denials). */
  termination?: string;
  cluster?: string;
  upstreamHost?: string;
  authority?: string;
  sni?: string;
  upstreamReason?: string;
  downstreamReason?: string;
}

function textFields(line: string): Fields | undefined {
  const head = TEXT_HEAD.exec(line);
  if (!head) return undefined;
  const rest = line.slice(head[0].length).match(TOKENS) ?? [];
  const f: Fields = { code: head[3], flags: head[4] };
  const istio = rest[2]?.startsWith('"') && /^\d+$/.test(rest[3] ?? '');
  if (istio) {
    // Istio: DETAILS TERMINATION "UPSTREAM_TRANSPORT_FAILURE_REASON" RX TX DURATION SVC "XFF"
    // "UA" "ID" "AUTHORITY" "UPSTREAM_HOST" CLUSTER UP_LOCAL DS_LOCAL DS_REMOTE SNI ROUTE
    f.details = present(rest[0]);
    f.termination = present(rest[1]);
    f.upstreamReason = present(unquote(rest[2]));
    f.authority = present(unquote(rest[10]));
    f.upstreamHost = present(unquote(rest[11]));
    f.sni = present(rest[16]);
  } else {
    // Older Istio formats quote the reason in one of the first fields; Envoy's default has none.
    for (const t of rest.slice(0, 3)) {
      const v = present(unquote(t));
      if (t.startsWith('"') && v && /error|SDS|TLS|SSL/i.test(v)) f.upstreamReason = v;
      else if (!t.startsWith('"') && v && !/^\d+$/.test(v) && !f.details) f.details = v;
    }
  }
  f.cluster = rest.find((t) => parseCluster(t));
  return f;
}

function jsonFields(text: string): Fields | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined;
  let obj: unknown;
  try {
    obj = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  const lower = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' || typeof v === 'number') lower.set(k.toLowerCase(), String(v));
  }
  const get = (k: string) => present(lower.get(k));
  const f: Fields = {
    code: get('response_code'),
    flags: get('response_flags'),
    details: get('response_code_details'),
    termination: get('connection_termination_details'),
    cluster: get('upstream_cluster'),
    upstreamHost: get('upstream_host'),
    authority: get('authority'),
    sni: get('requested_server_name'),
    upstreamReason: get('upstream_transport_failure_reason'),
    downstreamReason: get('downstream_transport_failure_reason'),
  };
  return f.code || f.flags || f.cluster || f.upstreamReason || f.downstreamReason ? f : undefined;
}

function clusterSentence(c: ClusterInfo, lang: Lang): string {
  if (c.direction === 'outbound') {
    const target = `${c.host ?? '?'}${c.port ? `:${c.port}` : ''}${c.subset ? ` (subset ${c.subset})` : ''}`;
    return lang === 'ko'
      ? `클러스터 ${c.raw}: 이 프록시가 ${target}(으)로 나가는(outbound) 요청에 쓴 클러스터다.`
      : `Cluster ${c.raw}: the outbound cluster this proxy used to reach ${target}.`;
  }
  if (c.direction === 'inbound') {
    return lang === 'ko'
      ? `클러스터 ${c.raw}: 사이드카가 자기 워크로드의 포트 ${c.port ?? '?'}(으)로 들여보내는(inbound) 클러스터다.`
      : `Cluster ${c.raw}: the inbound cluster the sidecar uses to reach its own workload on port ${c.port ?? '?'}.`;
  }
  return lang === 'ko' ? `클러스터 ${c.raw}.` : `Cluster ${c.raw}.`;
}

function flagsSentence(flags: string[], lang: Lang): string {
  const parts = flags.map((f) => `${f}: ${RESPONSE_FLAGS.get(f)?.text[lang] ?? (lang === 'ko' ? '알 수 없는 플래그' : 'unknown flag')}`);
  let s = parts.join('; ');
  if (flags.includes('UF') && flags.includes('URX')) {
    s += lang === 'ko'
      ? '. UF와 URX가 함께 있으면 업스트림 연결을 시도할 때마다 실패했고 재시도도 모두 써 버렸다는 뜻이다.'
      : '. UF together with URX: every attempt to connect to the upstream failed and the retries ran out.';
  }
  return s;
}

/** Which stage the upstream transport failure reason comes from. Envoy fills it for a failed TCP
 * connect too (`delayed connect error: Connection refused`, `_111` in older builds), so a set
 * reason alone does not mean TLS. */
function upstreamReasonSentence(reason: string, host: string, lang: Lang): string {
  if (/TLS[ _]error|SSL|OPENSSL|Secret[ _]is[ _]not[ _]supplied/i.test(reason)) {
    return lang === 'ko'
      ? `업스트림 전송 실패 사유(upstream transport failure reason)가 TLS 오류다. 이 프록시가 클라이언트로서 ${host}와(과) TLS 핸드셰이크를 하다 실패했다.`
      : `The upstream transport failure reason is a TLS error: this proxy, acting as the client, failed the TLS handshake with ${host}.`;
  }
  if (/connect[ _]error|connection[ _]refused|connect[ _]timeout|failed[ _]to[ _]bind/i.test(reason)) {
    return lang === 'ko'
      ? `업스트림 전송 실패 사유(upstream transport failure reason)가 TCP 연결 오류다. ${host}와(과)의 TCP 연결이 TLS 전에 실패했다.`
      : `The upstream transport failure reason is a TCP connect error: the TCP connection to ${host} failed before any TLS.`;
  }
  return lang === 'ko'
    ? `업스트림 전송 실패 사유(upstream transport failure reason)가 있다. 이 프록시가 ${host}(으)로 연결하다 전송 계층에서 실패했다.`
    : `An upstream transport failure reason is set: this proxy's connection to ${host} failed in the transport layer.`;
}

/** The RBAC filter's detail (`rbac_access_denied_matched_policy[ID]`, Envoy's responseDetail();
 * bare `rbac_access_denied` before it named the policy): the policy id, or '' when unnamed. */
const RBAC_DENIED = /^rbac_access_denied(?:_matched_policy\[(.*)\])?$/;

function rbacSentence(policy: string, lang: Lang): string {
  if (policy === 'none') {
    return lang === 'ko'
      ? '이 프록시의 RBAC 필터(AuthorizationPolicy)가 거부했다. 워크로드에 ALLOW 정책이 있는데 맞는 규칙이 없었다(none).'
      : "This proxy's RBAC filter (AuthorizationPolicy) denied it: an ALLOW policy applies and none of its rules matched (none).";
  }
  if (policy) {
    return lang === 'ko'
      ? `이 프록시의 RBAC 필터(AuthorizationPolicy)가 거부했다. 걸린 정책과 규칙: ${policy}.`
      : `This proxy's RBAC filter (AuthorizationPolicy) denied it; the matching policy and rule: ${policy}.`;
  }
  return lang === 'ko' ? '이 프록시의 RBAC 필터(AuthorizationPolicy)가 거부했다.' : "This proxy's RBAC filter (AuthorizationPolicy) denied it.";
}

export interface AccessLogReading {
  info: AccessLogInfo;
  findings: Finding[];
}

/** Reads one access-log record (a text line or a JSON object); undefined if it is not one. */
export function readAccessLog(text: string, lineNo: number, lang: Lang): AccessLogReading | undefined {
  const json = jsonFields(text);
  const f = json ?? textFields(text);
  if (!f) return undefined;
  const flags = f.flags && f.flags !== '-' ? f.flags.split(',').filter(Boolean) : [];
  const cluster = f.cluster ? parseCluster(f.cluster) : undefined;
  const sentences: string[] = [];
  if (f.code) sentences.push(lang === 'ko' ? `응답 코드 ${f.code}.` : `Response code ${f.code}.`);
  if (flags.length) sentences.push(flagsSentence(flags, lang).replace(/(?<!\.)$/, '.'));
  if (cluster) sentences.push(clusterSentence(cluster, lang));
  let side: 'upstream' | 'downstream' | undefined;
  const noFilterChain = flags.includes('NR') && /^filter_chain_not_found/.test(f.details ?? '');
  // Formats without the reason field (Envoy's default) still carry it inside the details:
  // `upstream_reset_before_response_started{remote_connection_failure|REASON}` (`,` in older Envoy).
  const reasonInDetails = /^upstream_reset_(?:before|after)_response_started\{[a-z_]+[|,](.+)\}$/.exec(f.details ?? '')?.[1];
  const upstreamReason = f.upstreamReason ?? reasonInDetails;
  const rbac = RBAC_DENIED.exec(f.details ?? '') ?? RBAC_DENIED.exec(f.termination ?? '');
  if (upstreamReason) {
    side = 'upstream';
    const host = cluster?.host ?? f.upstreamHost ?? (lang === 'ko' ? '업스트림' : 'the upstream');
    sentences.push(upstreamReasonSentence(upstreamReason, host, lang));
  } else if (noFilterChain) {
    side = 'downstream';
    const sni = f.sni ? (lang === 'ko' ? `요청한 서버 이름(SNI)은 ${f.sni}(이)다.` : `The requested server name (SNI) was ${f.sni}.`)
      : (lang === 'ko' ? '클라이언트가 SNI를 보내지 않았다.' : 'The client sent no SNI.');
    sentences.push(lang === 'ko'
      ? `리스너가 이 연결에 맞는 필터 체인을 찾지 못해 닫았다. ${sni}`
      : `The listener found no filter chain for this connection and closed it. ${sni}`);
  } else if (rbac) {
    side = 'downstream';
    sentences.push(rbacSentence(rbac[1] ?? '', lang));
  } else if (f.downstreamReason) {
    side = 'downstream';
    sentences.push(lang === 'ko'
      ? '다운스트림 전송 실패 사유(downstream transport failure reason)가 있다. 이 프록시의 리스너가 들어온 클라이언트와 TLS 핸드셰이크를 하다 실패했다.'
      : 'A downstream transport failure reason is set: this proxy\'s listener failed the TLS handshake with the client that connected to it.');
  } else if (flags.includes('UF')) {
    side = 'upstream';
  }
  const info: AccessLogInfo = { format: json ? 'json' : 'text', line: lineNo, responseFlags: [], summary: sentences.join(' ') };
  for (const flag of flags) {
    const known = RESPONSE_FLAGS.get(flag);
    info.responseFlags.push({ flag, ...(known ? { long: known.long } : {}), meaning: known?.text[lang] ?? '' });
  }
  if (f.code) info.responseCode = f.code;
  if (f.details) info.responseCodeDetails = f.details;
  if (cluster) info.upstreamCluster = cluster;
  if (f.upstreamHost) info.upstreamHost = f.upstreamHost;
  if (f.authority) info.authority = f.authority;
  if (f.sni) info.requestedServerName = f.sni;
  if (f.upstreamReason) info.upstreamTransportFailureReason = f.upstreamReason;
  if (f.downstreamReason) info.downstreamTransportFailureReason = f.downstreamReason;
  if (side) info.side = side;

  const findings: Finding[] = [];
  if (flags.length) {
    const at = f.flags ? Math.max(0, text.indexOf(` ${f.flags}`) + 1) : 0;
    const part: DecodedPart = {
      kind: 'response-flags',
      raw: f.flags ?? '',
      values: { flags: flags.join(','), ...(f.code ? { responseCode: f.code } : {}) },
      note: flagsSentence(flags, lang),
    };
    // NR on a listener line (no filter chain) is not a missing route: point it at that entry.
    const names = noFilterChain ? flags.map((x) => (x === 'NR' ? 'filter_chain_not_found' : x)) : flags;
    findings.push({ start: at, end: at + (f.flags?.length ?? 0), part, names, fallback: ['RESPONSE_FLAGS'] });
  }
  return { info, findings };
}
