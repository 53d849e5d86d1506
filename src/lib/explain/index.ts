// The proxy-state explainer: reads what a proxy holds (Envoy /config_dump, istioctl proxy-config
// … -o json|yaml, ztunnel config dumps), builds a TLS map of it and says what is wrong.
//
//   const result = await explain([{ name: 'sidecar.json', text }], { lang: 'ko' });
//
// or, for a file too big to hold as one string (a Worker reading a File in slices):
//
//   const reader = createReader({ lang: 'ko' });
//   const sink = reader.open(file.name);
//   for await (const chunk of file.stream()) { sink.push(chunk); report(sink.bytes / file.size); }
//   sink.end();
//   const result = await reader.finish();
//
// Pure TypeScript: no DOM, no node:* (runs in a Worker, in Node and in the browser).
import { Collector } from './collect.ts';
import { CertDecoder } from './certs.ts';
import { Sink, STREAM_AT } from './read.ts';
import { RULES as RULE_LIST } from './rules/index.ts';
import type { Context } from './rules/rule.ts';
import type { DumpReader, ExplainFinding, ExplainInput, ExplainOptions, ExplainProblem, ExplainResult, InputSink, RuleMeta, SecretRef, SecretRow, Severity, TlsSettings } from './types.ts';

export type * from './types.ts';
export { STREAM_AT } from './read.ts';

/** Every rule's metadata, in the order findings are reported within a severity. */
export const RULES: RuleMeta[] = RULE_LIST.map((r) => r.meta);

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `tuning.streamAt` moves the size above which JSON is streamed (tests and the bench use it). */
export function createReader(opts: ExplainOptions, tuning: { streamAt?: number } = {}): DumpReader {
  const col = new Collector();
  const problems: ExplainProblem[] = [];
  const sinks: Sink[] = [];
  return {
    open(name: string): InputSink {
      const sink = new Sink(col, col.addProxy(name), name, opts.lang, problems, tuning.streamAt ?? STREAM_AT);
      sinks.push(sink);
      return sink;
    },
    async finish(): Promise<ExplainResult> {
      for (const s of sinks) s.end();
      return build(col, problems, opts);
    },
  };
}

/** Reads whole texts (each one proxy) and returns the map and findings. */
export async function explain(inputs: ExplainInput[], opts: ExplainOptions): Promise<ExplainResult> {
  const reader = createReader(opts);
  for (const input of inputs) {
    const sink = reader.open(input.name);
    sink.push(input.text);
    sink.end();
  }
  return reader.finish();
}

async function build(col: Collector, problems: ExplainProblem[], opts: ExplainOptions): Promise<ExplainResult> {
  const now = opts.now ?? new Date();
  const decoder = new CertDecoder(now, opts.lang);
  const secrets: SecretRow[] = await Promise.all(
    col.secrets.map(async (s) => {
      const row: SecretRow = { proxy: s.proxy, name: s.name, kind: s.kind, state: s.state, certificates: s.pem ? await decoder.decode(s.pem, s.name) : [] };
      if (s.lastUpdated) row.lastUpdated = s.lastUpdated;
      return row;
    }),
  );

  // Secrets by proxy; an input that is only `istioctl proxy-config secret` lends its secrets to
  // inputs without any (the cluster and secret outputs of one pod pasted as two files).
  const byProxy = new Map<number, Map<string, SecretRow[]>>();
  for (const s of secrets) {
    let m = byProxy.get(s.proxy);
    if (!m) byProxy.set(s.proxy, (m = new Map()));
    const list = m.get(s.name);
    if (list) list.push(s);
    else m.set(s.name, [s]);
  }
  const secretOnly = col.proxies.filter((p) => p.form === 'secrets');
  const lender = secretOnly.length === 1 ? secretOnly[0]!.id : undefined;
  const secretsOf = (proxy: number) => byProxy.get(proxy) ?? (lender !== undefined && !col.sawSecrets.has(proxy) ? byProxy.get(lender) : undefined) ?? new Map<string, SecretRow[]>();
  const sawSecrets = (proxy: number) => col.sawSecrets.has(proxy) || (lender !== undefined && proxy !== lender);

  const resolve = (proxy: number, ref: SecretRef | undefined) => {
    if (!ref || ref.source !== 'sds') return;
    if (!sawSecrets(proxy)) {
      ref.state = 'unknown';
      return;
    }
    const found = secretsOf(proxy).get(ref.name);
    ref.state = !found ? 'missing' : found.some((s) => s.state !== 'warming') ? 'active' : 'warming';
  };
  const resolveTls = (proxy: number, t: TlsSettings | undefined) => {
    if (!t) return;
    resolve(proxy, t.certificate);
    resolve(proxy, t.trustedCa);
  };
  for (const c of col.clusters) {
    resolveTls(c.proxy, c.tls);
    const n = col.endpoints.get(c.proxy)?.get(c.name);
    if (n !== undefined) {
      c.endpoints = n.total;
      c.mtlsEndpoints = n.mtls;
    }
  }
  for (const l of col.listeners) {
    for (const fc of l.filterChains) resolveTls(l.proxy, fc.tls);
    if (l.defaultChain) resolveTls(l.proxy, l.defaultChain.tls);
  }

  const map = { proxies: col.proxies, clusters: col.clusters, listeners: col.listeners, secrets, routes: col.routes, workloads: col.workloads, problems };
  const ctx: Context = {
    map,
    now,
    expiringDays: opts.expiringDays ?? 7,
    secrets: secretsOf,
    sawSecrets,
    proxy: (id) => col.proxies[id]!,
  };
  const findings: ExplainFinding[] = [];
  for (const rule of RULE_LIST) {
    for (const hit of rule.check(ctx)) {
      const f: ExplainFinding = {
        rule: rule.meta.id,
        severity: hit.severity ?? rule.meta.severity,
        message: hit.text[opts.lang],
        messages: hit.text,
        target: hit.target,
        field: hit.field ?? rule.meta.field,
        docs: rule.meta.docs,
      };
      if (rule.meta.catalog) f.catalog = rule.meta.catalog;
      findings.push(f);
    }
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    ...map,
    findings,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), bytes: col.proxies.reduce((n, p) => n + p.bytes, 0) },
  };
}
