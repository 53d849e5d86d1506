// The engine's report (src/lib/explain/types.ts) → what the widget draws (view.ts). Runs in the
// worker, so the page receives flat rows ready to filter and never the engine's whole result.
import type { ClusterRow, ExplainResult, FilterChainRow, FindingTarget, ListenerRow, SecretRef, SecretRow, TlsSettings, WorkloadRow } from '../../../lib/explain/types.ts';
import { rowKey, type ExplainView, type Facts, type FindingView, type MapRow, type RowKind, type Severity } from './view.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const ref = (r: SecretRef | undefined) => (r ? `${r.source === 'sds' ? 'SDS ' : r.source === 'file' ? 'file ' : ''}${r.name}${r.state && r.state !== 'active' ? ` (${r.state})` : ''}` : '');

/** Facts shared by both sides of TLS, under the label keys strings.ts knows (`f_<key>`). */
function tlsFacts(t: TlsSettings | undefined, side: 'up' | 'down'): Facts {
  if (!t) return [];
  const out: Facts = [];
  if (t.sni) out.push(['sni', t.sni]);
  if (t.autoSni) out.push(['autoSni', 'true']);
  if (t.certificate) out.push([side === 'up' ? 'clientCert' : 'servedCert', ref(t.certificate)]);
  out.push(['trustedCa', t.trustedCa ? ref(t.trustedCa) : '—']);
  if (t.sans.length) out.push(['sans', t.sans.map((m) => `${m.type} ${m.match} ${m.value}`).join(', ')]);
  if (t.alpn.length) out.push(['alpn', t.alpn.join(', ')]);
  if (t.minVersion || t.maxVersion) out.push(['versions', `${t.minVersion ?? '…'} – ${t.maxVersion ?? '…'}`]);
  if (t.requireClientCertificate !== undefined) out.push(['requireClientCert', String(t.requireClientCertificate)]);
  return out;
}

const key = (kind: FindingTarget['kind'], proxy: number, name: string) => `${kind}:${proxy}:${name}`;

function clusterFacts(c: ClusterRow): Facts {
  const t = c.tls;
  const facts: Facts = [['direction', c.direction]];
  if (c.service) facts.push(['service', c.service]);
  if (c.port !== undefined) facts.push(['port', String(c.port)]);
  if (c.subset) facts.push(['subset', c.subset]);
  facts.push(['type', c.type], ['state', c.state], ['mode', c.mode], ...tlsFacts(t, 'up'));
  if (c.destinationRule) facts.push(['destinationRule', `${c.destinationRule.namespace}/${c.destinationRule.name}`]);
  if (c.upstreamProtocol) facts.push(['upstreamProtocol', c.upstreamProtocol]);
  const cb = c.circuitBreaker;
  facts.push(['maxConnections', cb.maxConnections === undefined ? '1024 (Envoy default)' : String(cb.maxConnections)]);
  if (cb.maxPendingRequests !== undefined) facts.push(['maxPendingRequests', String(cb.maxPendingRequests)]);
  if (cb.maxRequests !== undefined) facts.push(['maxRequests', String(cb.maxRequests)]);
  if (c.connectTimeout) facts.push(['connectTimeout', c.connectTimeout]);
  if (c.idleTimeout) facts.push(['idleTimeout', c.idleTimeout]);
  if (c.endpoints !== undefined) facts.push(['endpoints', String(c.endpoints)]);
  return facts;
}

function clusterRow(c: ClusterRow): MapRow {
  const t = c.tls;
  const summary = [c.mode, t?.sni && `SNI ${t.sni}`, t?.certificate && `cert ${t.certificate.name}`, c.destinationRule && `DR ${c.destinationRule.name}`].filter(Boolean).join(' · ');
  const k = key('cluster', c.proxy, c.name);
  return { kind: 'cluster', targets: [k], name: c.name, summary, search: [c.name, c.service, c.port, c.subset, t?.sni, c.mode, t?.certificate?.name].filter((x) => x !== undefined).join(' ').toLowerCase() };
}

function chainFacts(l: ListenerRow, ch: FilterChainRow): Facts {
  const facts: Facts = [['listener', l.name]];
  if (l.address) facts.push(['address', `${l.address}${l.port !== undefined ? `:${l.port}` : ''}`]);
  facts.push(['direction', l.direction], ['state', l.state], ['tlsInspector', String(l.tlsInspector)]);
  if (l.inboundMode) facts.push(['inboundMode', l.inboundMode]);
  if (ch.name) facts.push(['chain', ch.name]);
  if (ch.destinationPort !== undefined) facts.push(['destinationPort', String(ch.destinationPort)]);
  if (ch.serverNames.length) facts.push(['serverNames', ch.serverNames.join(', ')]);
  if (ch.transportProtocol) facts.push(['transportProtocol', ch.transportProtocol]);
  if (ch.applicationProtocols.length) facts.push(['applicationProtocols', ch.applicationProtocols.join(', ')]);
  facts.push(['terminatesTls', String(ch.terminatesTls)], ...tlsFacts(ch.tls, 'down'));
  if (ch.destination) facts.push(['destination', ch.destination]);
  if (ch.filters.length) facts.push(['filters', ch.filters.join(', ')]);
  return facts;
}

function chainRow(l: ListenerRow, ch: FilterChainRow, index: number | 'default'): MapRow {
  const port = ch.destinationPort ?? l.port;
  const summary = [
    port !== undefined && `:${port}`,
    ch.terminatesTls ? (ch.tls?.requireClientCertificate ? 'mTLS' : 'TLS') : ch.inboundTls ?? 'no TLS',
    ch.serverNames.length && `SNI ${ch.serverNames.slice(0, 3).join(', ')}${ch.serverNames.length > 3 ? ' …' : ''}`,
    l.inboundMode,
    ch.destination,
  ].filter(Boolean).join(' · ');
  const name = `${l.name} #${index === 'default' ? 'default' : index}`;
  const self = key('filter-chain', l.proxy, index === 'default' ? `${l.name}#default` : `${l.name}#${index}`);
  return {
    kind: 'listener', targets: [self, key('listener', l.proxy, l.name)], name, summary,
    search: [l.name, l.address, port, ...ch.serverNames, ch.destination, ch.transportProtocol, ch.tls?.certificate?.name].filter((x) => x !== undefined).join(' ').toLowerCase(),
  };
}

function secretFacts(s: SecretRow): Facts {
  const facts: Facts = [['secretKind', s.kind], ['state', s.state]];
  if (s.lastUpdated) facts.push(['lastUpdated', s.lastUpdated]);
  s.certificates.forEach((c, i) => {
    const sans = [...c.sans.dns, ...c.sans.ip, ...c.sans.uri].join(', ');
    facts.push([`cert`, `${i + 1}. ${c.subject || '—'} · ${c.notAfter} (${c.daysLeft} d)${c.spiffe ? ` · ${c.spiffe}` : ''}${sans ? ` · SAN ${sans}` : ''}${c.isCa ? ' · CA' : ''}`]);
  });
  return facts;
}

function secretRow(s: SecretRow): MapRow {
  const leaf = s.certificates[0];
  const summary = [s.kind, s.state, leaf && (leaf.spiffe ?? leaf.subject), leaf && `${leaf.notAfter} (${leaf.daysLeft} d)`].filter(Boolean).join(' · ');
  const k = key('secret', s.proxy, s.name);
  return { kind: 'secret', targets: [k], name: s.name, summary, search: [s.name, s.kind, s.state, ...s.certificates.flatMap((c) => [c.subject, c.spiffe, ...c.sans.dns])].filter(Boolean).join(' ').toLowerCase() };
}

function workloadFacts(w: WorkloadRow): Facts {
  const facts: Facts = [['namespace', w.namespace], ['protocol', w.protocol]];
  if (w.serviceAccount) facts.push(['serviceAccount', w.serviceAccount]);
  if (w.ips.length) facts.push(['ips', w.ips.join(', ')]);
  if (w.waypoint) facts.push(['waypoint', w.waypoint]);
  if (w.node) facts.push(['node', w.node]);
  return facts;
}

function workloadRow(w: WorkloadRow): MapRow {
  const k = key('workload', w.proxy, w.name);
  return {
    kind: 'workload', targets: [k], name: `${w.namespace}/${w.name}`, summary: [w.protocol, w.serviceAccount, w.ips[0], w.waypoint && `waypoint ${w.waypoint}`].filter(Boolean).join(' · '),
    search: [w.name, w.namespace, w.serviceAccount, w.protocol, ...w.ips].filter(Boolean).join(' ').toLowerCase(),
  };
}

const KIND_OF: Record<FindingTarget['kind'], RowKind | 'proxy'> = { cluster: 'cluster', listener: 'listener', 'filter-chain': 'listener', secret: 'secret', workload: 'workload', proxy: 'proxy' };

/** The view, and the facts of any of its rows on request (by rowKey). */
export function toView(r: ExplainResult, titles: Record<string, string>, privateKey: boolean, ms: number): { view: ExplainView; facts: (key: string) => Facts } {
  const fileOf = (proxy: number) => r.proxies[proxy]?.file ?? '';
  const rows: MapRow[] = [];
  const facts = new Map<string, () => Facts>();
  const add = (row: MapRow, of: () => Facts) => {
    rows.push(row);
    facts.set(rowKey(row), of);
  };
  for (const c of r.clusters) add(clusterRow(c), () => clusterFacts(c));
  for (const l of r.listeners) {
    l.filterChains.forEach((ch, i) => add(chainRow(l, ch, i), () => chainFacts(l, ch)));
    if (l.defaultChain) add(chainRow(l, l.defaultChain, 'default'), () => chainFacts(l, l.defaultChain!));
  }
  for (const s of r.secrets) add(secretRow(s), () => secretFacts(s));
  for (const w of r.workloads) add(workloadRow(w), () => workloadFacts(w));
  const findings: FindingView[] = r.findings.map((f) => ({
    rule: f.rule, severity: f.severity, title: titles[f.rule] ?? f.rule, message: f.message, field: f.field, docs: f.docs,
    ...(f.catalog ? { error: f.catalog } : {}),
    target: key(f.target.kind, f.target.proxy, f.target.name), object: f.target.name, kind: KIND_OF[f.target.kind], file: fileOf(f.target.proxy),
  }));
  // Each row carries the worst severity found on it, so the list can show it without a lookup.
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    const was = worst.get(f.target);
    if (!was || RANK[f.severity] < RANK[was]) worst.set(f.target, f.severity);
  }
  for (const row of rows) {
    for (const t of row.targets) {
      const sev = worst.get(t);
      if (sev && (!row.worst || RANK[sev] < RANK[row.worst])) row.worst = sev;
    }
  }
  const view: ExplainView = {
    rows,
    findings,
    problems: r.problems.map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), message: p.message })),
    inputs: r.proxies.map((p) => ({ file: p.file, form: p.form, proxy: [p.kind !== 'unknown' ? p.kind : '', p.workload && `${p.workload}${p.namespace ? `.${p.namespace}` : ''}`].filter(Boolean).join(' '), bytes: p.bytes })),
    privateKey,
    ms,
  };
  return { view, facts: (k) => facts.get(k)?.() ?? [] };
}
