// Decoder path: Envoy/Istio access-log lines, text (Envoy's and Istio's default formats) and
// JSON. Reads the fields that say which hop failed: response code and flags, response code
// details, upstream cluster, upstream/downstream transport failure reason.
import { RESPONSE_FLAGS, type Lang } from './codes.ts';
import type { AccessLogInfo, ClusterInfo, DecodedPart, Finding, HopInfo } from './types.ts';

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
  /** %UPSTREAM_LOCAL_ADDRESS%, %DOWNSTREAM_LOCAL_ADDRESS%, %DOWNSTREAM_REMOTE_ADDRESS%. */
  upstreamLocal?: string;
  downstreamLocal?: string;
  downstreamRemote?: string;
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
  const at = rest.findIndex((t) => parseCluster(t));
  if (at >= 0) {
    f.cluster = rest[at];
    // Istio's format and Envoy's default both follow the cluster with these three addresses.
    f.upstreamLocal = present(rest[at + 1]);
    f.downstreamLocal = present(rest[at + 2]);
    f.downstreamRemote = present(rest[at + 3]);
  }
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
    upstreamLocal: get('upstream_local_address'),
    downstreamLocal: get('downstream_local_address'),
    downstreamRemote: get('downstream_remote_address'),
  };
  return f.code || f.flags || f.cluster || f.upstreamReason || f.downstreamReason ? f : undefined;
}

function clusterSentence(c: ClusterInfo, lang: Lang): string {
  if (c.direction === 'outbound') {
    const target = `${c.host ?? '?'}${c.port ? `:${c.port}` : ''}${c.subset ? ` (subset ${c.subset})` : ''}`;
    return lang === 'ko'
      ? `클러스터 ${c.raw}: 이 프록시가 ${target} 쪽으로 나가는(outbound) 요청에 쓴 클러스터다.`
      : `Cluster ${c.raw}: the outbound cluster this proxy used to reach ${target}.`;
  }
  if (c.direction === 'inbound') {
    return lang === 'ko'
      ? `클러스터 ${c.raw}: 사이드카가 자기 워크로드의 포트 ${c.port ?? '?'}에 요청을 들여보낼(inbound) 때 쓰는 클러스터다.`
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
      ? `업스트림 전송 실패 사유(upstream transport failure reason)가 TLS 오류다. 이 프록시가 클라이언트로서 ${host}에 연결해 TLS 핸드셰이크를 하다가 실패했다.`
      : `The upstream transport failure reason is a TLS error: this proxy, acting as the client, failed the TLS handshake with ${host}.`;
  }
  if (/connect[ _]error|connection[ _]refused|connect[ _]timeout|failed[ _]to[ _]bind/i.test(reason)) {
    return lang === 'ko'
      ? `업스트림 전송 실패 사유(upstream transport failure reason)가 TCP 연결 오류다. TCP로 ${host}에 연결하지 못해 TLS는 시작하지도 못했다.`
      : `The upstream transport failure reason is a TCP connect error: the TCP connection to ${host} failed before any TLS.`;
  }
  return lang === 'ko'
    ? `업스트림 전송 실패 사유(upstream transport failure reason)가 있다. 이 프록시가 ${host}에 연결하다가 전송 계층에서 실패했다.`
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


// ---- Which proxy, which hop (the double-mTLS egress story: sidecar → istio-egressgateway in
// istio-egress → the external host). Anchors are the pages' heading slugs in each language.
type Anchor = { path: string; ko: [string, string]; en: [string, string] };
const PAGES: Record<string, Anchor> = {
  pitfall1: { path: 'egress/double-mtls-pitfalls/', ko: ['함정-1-한-호스트에-dr-두-벌', '함정 1: 한 호스트에 DR 두 벌'], en: ['pitfall-1-two-drs-for-one-host', 'Pitfall 1: two DRs for one host'] },
  pitfall3: { path: 'egress/double-mtls-pitfalls/', ko: ['함정-3-메시-라우트가-안-맞으면-게이트웨이를-건너뛴다', '함정 3: 메시 라우트가 안 맞으면 게이트웨이를 건너뛴다'], en: ['pitfall-3-a-mesh-route-that-does-not-match-bypasses-the-gateway', 'Pitfall 3: a mesh route that does not match bypasses the gateway'] },
  pitfall4: { path: 'egress/double-mtls-pitfalls/', ko: ['함정-4-sni와-호스트-정렬이-깨짐', '함정 4: SNI와 호스트 정렬이 깨짐'], en: ['pitfall-4-sni-and-host-alignment-breaks', 'Pitfall 4: SNI and host alignment breaks'] },
  pitfall5: { path: 'egress/double-mtls-pitfalls/', ko: ['함정-5-시크릿의-위치나-키-이름', '함정 5: 시크릿의 위치나 키 이름'], en: ['pitfall-5-secret-location-or-key-names', 'Pitfall 5: secret location or key names'] },
  credential: { path: 'egress/double-mtls/', ko: ['credentialname은-어디에서-적용되나', '`credentialName`은 어디에서 적용되나'], en: ['where-credentialname-applies', 'Where `credentialName` applies'] },
  step1: { path: 'egress/verification-checklist/', ko: ['1단계-홉-1-설정이-호출자-사이드카에-들어갔나', '1단계: 홉 1 설정이 호출자 사이드카에 들어갔나'], en: ['step-1-did-hop-1s-settings-reach-the-callers-sidecar', "Step 1: did hop 1's settings reach the caller's sidecar?"] },
  step2: { path: 'egress/verification-checklist/', ko: ['2단계-홉-2-설정과-인증서가-게이트웨이에-들어갔나', '2단계: 홉 2 설정과 인증서가 게이트웨이에 들어갔나'], en: ['step-2-did-hop-2s-settings-and-certificate-reach-the-gateway', "Step 2: did hop 2's settings and certificate reach the gateway?"] },
  step3: { path: 'egress/verification-checklist/', ko: ['3단계-요청이-게이트웨이를-거쳤나', '3단계: 요청이 게이트웨이를 거쳤나'], en: ['step-3-did-the-request-go-through-the-gateway', 'Step 3: did the request go through the gateway?'] },
  step7: { path: 'egress/verification-checklist/', ko: ['7단계-우회-경로가-막혔나', '7단계: 우회 경로가 막혔나'], en: ['step-7-is-the-bypass-closed', 'Step 7: is the bypass closed?'] },
};
export const HOP_PAGES = PAGES;

const link = (key: keyof typeof PAGES, lang: Lang) => ({ path: PAGES[key]!.path, anchor: PAGES[key]![lang][0], label: PAGES[key]![lang][1] });
const ip = (addr: string | undefined) => addr?.replace(/^\[?([^\]]*?)\]?:\d+$/, '$1');
const GATEWAY_HOST = /egressgateway/;
const IN_MESH = /\.svc(?:\.cluster\.local)?$|\.cluster\.local$/;

/** The proxy that wrote the line, from its addresses: a sidecar's outbound request comes from its
 * own pod (the application shares the pod's address), a gateway's arrives on its own address. */
function proxyOf(f: Fields): 'sidecar' | 'gateway' | undefined {
  const up = ip(f.upstreamLocal), local = ip(f.downstreamLocal), remote = ip(f.downstreamRemote);
  if (!up) return undefined;
  if (remote && remote === up) return 'sidecar';
  if (local && local === up && remote !== up) return 'gateway';
  return undefined;
}

function hopOf(c: ClusterInfo | undefined, f: Fields, failed: boolean, told: 'sidecar' | 'gateway' | undefined, lang: Lang): HopInfo | undefined {
  if (!c) return undefined;
  const proxy = told ?? proxyOf(f);
  const ko = lang === 'ko';
  const passthrough = c.raw === 'PassthroughCluster';
  if (c.direction !== 'outbound' && !passthrough) return undefined;
  const host = c.host ?? (ko ? '외부 호스트' : 'the external host');
  const port = c.port ?? 443;
  if (c.host && GATEWAY_HOST.test(c.host)) {
    return {
      hop: 'hop1', proxy: 'sidecar',
      note: ko
        ? `홉 1: 애플리케이션 사이드카가 이그레스 게이트웨이(${c.host}${c.subset ? `, 서브셋 ${c.subset}` : ''})로 보낸 연결이다.${failed ? ' 여기서 실패했다면 요청은 게이트웨이에 닿지 않았고, 파트너 쪽과는 상관없다. 홉 1 DR(ISTIO_MUTUAL, sni)과 Gateway 서버의 hosts가 맞는지, 게이트웨이 로그에 NR(filter_chain_not_found) 줄이 있는지 확인한다.' : ''}`
        : `Hop 1: the application's sidecar connecting to the egress gateway (${c.host}${c.subset ? `, subset ${c.subset}` : ''}).${failed ? ' A failure here means the request never reached the gateway, whatever the partner does: check that the hop 1 DR (ISTIO_MUTUAL, sni) matches the Gateway server\'s hosts, and look for an NR (filter_chain_not_found) line in the gateway log.' : ''}`,
      links: [link('step1', lang), link('pitfall4', lang)],
      commands: [
        `istioctl proxy-config cluster POD -n NAMESPACE --fqdn ${c.host}`,
        "kubectl logs -n istio-egress -l istio=egressgateway | grep ' NR '",
      ],
    };
  }
  if (!passthrough && (!c.host || IN_MESH.test(c.host))) return undefined;
  const direct = {
    note: ko
      ? `사이드카가 ${host}에 직접 연결했다. 이그레스 게이트웨이를 건너뛰었다는 뜻이다. 메시 라우트(VirtualService의 gateways에 mesh)가 이 호스트와 포트에 맞지 않았거나(함정 3), 홉 2 DR이 사이드카에도 보여 사이드카가 그 설정으로 파트너에 나간 것이다(사이드카는 credentialName을 쓰지 못한다).`
      : `The sidecar connected to ${host} itself: the egress gateway was bypassed. Either the mesh route (mesh in the VirtualService's gateways) did not match this host and port (pitfall 3), or the hop 2 DR is visible to sidecars and the sidecar went to the partner with it (a sidecar cannot use credentialName).`,
    links: [link('pitfall3', lang), link('credential', lang), link('step3', lang), link('step7', lang)],
    commands: [
      `istioctl proxy-config route POD -n NAMESPACE --name ${port} -o json`,
      `istioctl proxy-config cluster POD -n NAMESPACE --fqdn ${c.host ?? 'HOST'} -o json`,
      'kubectl get virtualservice,destinationrule -A',
    ],
  };
  const hop2 = {
    note: ko
      ? `홉 2: 이그레스 게이트웨이에서 ${host}:${port}까지 가는 연결이다.${failed ? ' 여기서 실패했다면 홉 1은 통과했다. 게이트웨이가 파트너에게 내미는 클라이언트 인증서(istio-egress 네임스페이스의 credentialName 시크릿), 파트너 CA, sni를 확인한다.' : ''}`
      : `Hop 2: the egress gateway's connection to ${host}:${port}.${failed ? ' A failure here means hop 1 worked: check the client certificate the gateway presents (the credentialName secret in istio-egress), the partner\'s CA and the sni.' : ''}`,
    links: [link('step2', lang), link('pitfall5', lang)],
    commands: [
      'istioctl proxy-config secret deploy/istio-egressgateway -n istio-egress',
      `istioctl proxy-config cluster deploy/istio-egressgateway -n istio-egress --fqdn ${c.host ?? 'HOST'} --port ${port} -o json`,
    ],
  };
  if (passthrough || proxy === 'sidecar') return { hop: 'direct', proxy: 'sidecar', ...direct };
  if (proxy === 'gateway') return { hop: 'hop2', proxy: 'gateway', ...hop2 };
  return {
    hop: 'external',
    note: ko
      ? `이 줄만으로는 어느 프록시가 썼는지 알 수 없다. 이그레스 게이트웨이의 로그라면 → ${hop2.note} 애플리케이션 사이드카의 로그라면 → ${direct.note}`
      : `The line alone does not say which proxy wrote it. From the egress gateway: ${hop2.note} From an application's sidecar: ${direct.note}`,
    links: [...hop2.links, ...direct.links],
    commands: [...hop2.commands, ...direct.commands],
  };
}

export interface AccessLogReading {
  info: AccessLogInfo;
  findings: Finding[];
}

/** Reads one access-log record (a text line or a JSON object); undefined if it is not one. */
export function readAccessLog(text: string, lineNo: number, lang: Lang, proxy?: 'sidecar' | 'gateway'): AccessLogReading | undefined {
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
    const sni = f.sni ? (lang === 'ko' ? `요청한 서버 이름(SNI)은 ${f.sni}이다.` : `The requested server name (SNI) was ${f.sni}.`)
      : (lang === 'ko' ? '클라이언트가 SNI를 보내지 않았다.' : 'The client sent no SNI.');
    sentences.push(lang === 'ko'
      ? `리스너가 이 연결에 맞는 필터 체인을 찾지 못해 연결을 닫았다. ${sni}`
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
  const failed = !!upstreamReason || flags.some((x) => x === 'UF' || x === 'UC' || x === 'URX' || x === 'UH' || x === 'UT' || x === 'NR');
  const hop = hopOf(cluster, f, failed, proxy, lang);
  if (hop) info.meshHop = hop;

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
