// Timings of the explainer for `npm run bench` (scripts/bench.ts): a synthetic config_dump of a
// busy egress gateway / sidecar written to Envoy's v3 shapes (thousands of clusters with Istio's
// auto-mTLS transport_socket_matches and DestinationRule metadata, listeners with SNI filter
// chains, route configs, SDS secrets with real certificates, EDS endpoints as with ?include_eds),
// explained whole (20 MB) and as a stream (20 MB and 200 MB, generated chunk by chunk, so the
// text never exists whole). Each row runs in its own Node process so its peak memory is its own.
// Not part of the engine: only Node runs this file (the widget and the CLI never import it).
import { makeLeaf, makeRoot, type Made } from '../cert/fixtures/make.ts';
import { createReader, explain } from './index.ts';

const T = 'type.googleapis.com/';
const b64 = (s: string) => btoa(s);

/** Pieces of a config_dump of about `targetBytes` bytes, built one resource at a time. */
export function* dumpPieces(targetBytes: number, certs: string[]): Generator<string> {
  // One "unit" is a service: an auto-mTLS cluster, every third one a subset cluster with a
  // DestinationRule, every fourth its EDS endpoints, every tenth a listener, every fifth a secret.
  const perUnit = 6_000; // measured: bytes of one unit's resources on average
  const units = Math.max(10, Math.round(targetBytes / perUnit));
  const node = { id: 'router~10.244.1.7~istio-egressgateway-6b8f9c7d5-x2x1z.istio-egress~istio-egress.svc.cluster.local', metadata: { NAMESPACE: 'istio-egress', NAME: 'istio-egressgateway-6b8f9c7d5-x2x1z', ISTIO_VERSION: '1.30.3' } };
  yield `{"configs":[${JSON.stringify({ '@type': `${T}envoy.admin.v3.BootstrapConfigDump`, bootstrap: { node } })},`;
  /** One config of the dump; without a type, only more elements of the array already open. */
  const section = function* (type: string, key: string, n: number, item: (i: number) => object | object[] | undefined) {
    if (type) yield `{"@type":"${T}envoy.admin.v3.${type}","${key}":[`;
    let first = !!type;
    for (let i = 0; i < n; i++) {
      const v = item(i);
      for (const one of Array.isArray(v) ? v : v ? [v] : []) {
        yield `${first ? '' : ','}${JSON.stringify(one, null, 1)}`;
        first = false;
      }
    }
    yield ']}';
  };
  const host = (i: number) => `svc-${i}.ns-${i % 97}.svc.cluster.local`;
  const sds = (name: string) => ({ name, sds_config: { api_config_source: { api_type: 'GRPC', transport_api_version: 'V3', grpc_services: [{ envoy_grpc: { cluster_name: 'sds-grpc' } }] }, resource_api_version: 'V3' } });
  const upstream = (sni: string, san: string) => ({
    name: 'envoy.transport_sockets.tls',
    typed_config: {
      '@type': `${T}envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext`,
      common_tls_context: {
        tls_params: { tls_minimum_protocol_version: 'TLSv1_2', tls_maximum_protocol_version: 'TLSv1_3' },
        alpn_protocols: ['istio-peer-exchange', 'istio'],
        tls_certificate_sds_secret_configs: [sds('default')],
        combined_validation_context: { default_validation_context: { match_subject_alt_names: [{ exact: san }] }, validation_context_sds_secret_config: sds('ROOTCA') },
      },
      sni,
    },
  });
  const cluster = (i: number, subset: boolean) => {
    const name = `outbound|8080|${subset ? 'v1' : ''}|${host(i)}`;
    return {
      version_info: '2026-12-07T01:00:00Z/9',
      cluster: {
        '@type': `${T}envoy.config.cluster.v3.Cluster`,
        name, type: 'EDS', connect_timeout: '10s', lb_policy: 'LEAST_REQUEST',
        eds_cluster_config: { eds_config: { ads: {}, resource_api_version: 'V3' }, service_name: name },
        circuit_breakers: { thresholds: [{ max_connections: 4294967295, max_pending_requests: 4294967295, max_requests: 4294967295, max_retries: 4294967295, track_remaining: true }] },
        ...(subset ? { metadata: { filter_metadata: { istio: { config: `/apis/networking.istio.io/v1/namespaces/ns-${i % 97}/destination-rule/dr-${i}`, services: [{ host: host(i), name: `svc-${i}`, namespace: `ns-${i % 97}` }] } } } } : {}),
        typed_extension_protocol_options: { 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': { '@type': `${T}envoy.extensions.upstreams.http.v3.HttpProtocolOptions`, common_http_protocol_options: { idle_timeout: '3600s' }, use_downstream_protocol_config: { http_protocol_options: {}, http2_protocol_options: {} } } },
        transport_socket_matches: [
          { name: 'tlsMode-istio', match: { tlsMode: 'istio' }, transport_socket: upstream(`outbound_.8080_.${subset ? 'v1' : '_'}_.${host(i)}`, `spiffe://cluster.local/ns/ns-${i % 97}/sa/svc-${i}`) },
          { name: 'tlsMode-disabled', match: {}, transport_socket: { name: 'envoy.transport_sockets.raw_buffer', typed_config: { '@type': `${T}envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer` } } },
        ],
      },
      last_updated: '2026-12-07T01:00:01.000Z',
    };
  };
  yield* section('ClustersConfigDump', 'dynamic_active_clusters', units, (i) => (i % 3 ? cluster(i, false) : [cluster(i, false), cluster(i, true)]));
  yield ',';
  yield* section('EndpointsConfigDump', 'dynamic_endpoint_configs', units, (i) => (i % 4 ? undefined : {
    endpoint_config: {
      '@type': `${T}envoy.config.endpoint.v3.ClusterLoadAssignment`,
      cluster_name: `outbound|8080||${host(i)}`,
      endpoints: [{ locality: { region: 'r1', zone: 'z1' }, lb_endpoints: [1, 2, 3].map((k) => ({ endpoint: { address: { socket_address: { address: `10.${i % 250}.${k}.${i % 200}`, port_value: 8080 } } }, health_status: 'HEALTHY', metadata: { filter_metadata: { 'envoy.transport_socket_match': { tlsMode: 'istio' } } }, load_balancing_weight: 1 })) }],
    },
  }));
  yield ',';
  yield* section('ListenersConfigDump', 'dynamic_listeners', units, (i) => (i % 10 ? undefined : {
    name: `0.0.0.0_${10000 + i}`,
    active_state: {
      version_info: '2026-12-07T01:00:00Z/9',
      listener: {
        '@type': `${T}envoy.config.listener.v3.Listener`,
        name: `0.0.0.0_${10000 + i}`,
        address: { socket_address: { address: '0.0.0.0', port_value: 10000 + i } },
        listener_filters: [{ name: 'envoy.filters.listener.tls_inspector', typed_config: { '@type': `${T}envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector` } }],
        filter_chains: [0, 1, 2, 3].map((k) => ({
          filter_chain_match: { server_names: [`api-${i}-${k}.partner.example`] },
          transport_socket: { name: 'envoy.transport_sockets.tls', typed_config: { '@type': `${T}envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext`, common_tls_context: { alpn_protocols: ['h2', 'http/1.1'], tls_certificate_sds_secret_configs: [sds(`kubernetes://cert-${((i + k * 5) / 5) % Math.floor(units / 5)}`)] }, require_client_certificate: false } },
          filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: { '@type': `${T}envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager`, stat_prefix: `outbound_0.0.0.0_${10000 + i}`, rds: { config_source: { ads: {}, resource_api_version: 'V3' }, route_config_name: `https.${10000 + i}.${k}` }, http_filters: [{ name: 'envoy.filters.http.router', typed_config: { '@type': `${T}envoy.extensions.filters.http.router.v3.Router` } }] } }],
        })),
      },
      last_updated: '2026-12-07T01:00:01.000Z',
    },
  }));
  yield ',';
  yield* section('RoutesConfigDump', 'dynamic_route_configs', Math.ceil(units / 20), (i) => ({
    route_config: {
      '@type': `${T}envoy.config.route.v3.RouteConfiguration`,
      name: `route-${i}`,
      virtual_hosts: Array.from({ length: Math.min(20, units - i * 20) }, (_, k) => ({ name: `${host(i * 20 + k)}:8080`, domains: [host(i * 20 + k), `svc-${i * 20 + k}`], routes: [{ match: { prefix: '/' }, route: { cluster: `outbound|8080||${host(i * 20 + k)}`, timeout: '0s' } }] })),
    },
  }));
  yield ',';
  const istioSecret = (name: string, body: object) => ({ name, version_info: '2026-12-07 01:00:00 +0000 UTC', last_updated: '2026-12-07T01:00:00.500Z', secret: { '@type': `${T}envoy.extensions.transport_sockets.tls.v3.Secret`, name, ...body } });
  yield `{"@type":"${T}envoy.admin.v3.SecretsConfigDump","dynamic_active_secrets":[`;
  yield `${JSON.stringify(istioSecret('default', { tls_certificate: { certificate_chain: { inline_bytes: b64(certs[0]!) }, private_key: { inline_bytes: 'W3JlZGFjdGVkXQ==' } } }))},`;
  yield `${JSON.stringify(istioSecret('ROOTCA', { validation_context: { trusted_ca: { inline_bytes: b64(certs[1]!) } } }))}`;
  yield* section('', '', units, (i) => (i % 5 ? undefined : {
    name: `kubernetes://cert-${i / 5}`,
    version_info: '2026-12-07 01:00:00 +0000 UTC',
    last_updated: '2026-12-07T01:00:00.500Z',
    secret: { '@type': `${T}envoy.extensions.transport_sockets.tls.v3.Secret`, name: `kubernetes://cert-${i / 5}`, tls_certificate: { certificate_chain: { inline_bytes: b64(certs[(i / 5) % certs.length]!) }, private_key: { inline_bytes: 'W3JlZGFjdGVkXQ==' } } },
  }));
  yield ']}';
}

export async function benchCerts(n = 50): Promise<string[]> {
  const root: Made = await makeRoot('Bench Root');
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await makeLeaf(root, { cn: `api-${i}.partner.example`, sans: [{ type: 'dns', value: `api-${i}.partner.example` }], days: 90 })).pem);
  return out;
}

export interface ExplainBenchRow {
  label: string;
  bytes: number;
  ms: number;
  peakMb: number;
  clusters: number;
  budgetMs?: number;
  budgetMb?: number;
}

/** One row, in this process: `whole` explains one string; `stream` pushes 1 MB chunks. */
export async function runRow(kind: 'whole' | 'stream', megabytes: number): Promise<ExplainBenchRow> {
  const certs = await benchCerts();
  const target = megabytes * 1_000_000;
  let bytes = 0;
  let result;
  let ms: number;
  if (kind === 'whole') {
    const text = [...dumpPieces(target, certs)].join('');
    bytes = text.length;
    const t0 = performance.now();
    result = await explain([{ name: 'bench.json', text }], { lang: 'en' });
    ms = performance.now() - t0;
  } else {
    // Generating the text is not the explainer's time: only push() and finish() are timed. The
    // streaming parser is used from the first byte (the engine would take JSON.parse below 24 MB).
    const reader = createReader({ lang: 'en' }, { streamAt: 1 });
    const sink = reader.open('bench.json');
    let pending = '';
    let spent = 0;
    const push = (s: string) => {
      const t = performance.now();
      sink.push(s);
      spent += performance.now() - t;
      bytes += s.length;
    };
    for (const piece of dumpPieces(target, certs)) {
      pending += piece;
      if (pending.length >= 1 << 20) {
        push(pending);
        pending = '';
      }
    }
    push(pending);
    const t = performance.now();
    sink.end();
    result = await reader.finish();
    ms = spent + performance.now() - t;
  }
  const proc = (globalThis as { process?: { resourceUsage?: () => { maxRSS: number } } }).process;
  const peakMb = (proc?.resourceUsage?.().maxRSS ?? 0) / 1024;
  if (result.problems.length || result.clusters.length < 100) throw new Error(`bench dump not read: ${JSON.stringify(result.problems).slice(0, 200)}`);
  return { label: `${(bytes / 1e6).toFixed(0)} MB config_dump, ${kind === 'whole' ? 'one string' : 'streamed in 1 MB chunks'}`, bytes, ms, peakMb, clusters: result.clusters.length };
}

/** The rows of `npm run bench`, each in a fresh Node process (so peak memory is the row's own). */
export async function benchExplain(): Promise<ExplainBenchRow[]> {
  // Node only (scripts/bench.ts): a child process per row.
  const { spawnSync } = await import('node:child_process');
  const rows: ExplainBenchRow[] = [];
  for (const [kind, mb, budgetMs, budgetMb] of [['whole', 20, 3000, 500], ['stream', 20, undefined, undefined], ['stream', 200, undefined, 500]] as const) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, kind, String(mb)], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 600_000 });
    if (r.status !== 0) throw new Error(`explain bench ${kind} ${mb} MB failed: ${r.stderr.slice(-300)}`);
    const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as ExplainBenchRow;
    rows.push({ ...row, ...(budgetMs ? { budgetMs } : {}), ...(budgetMb ? { budgetMb } : {}) });
  }
  return rows;
}

// `tsx src/lib/explain/bench.ts whole|stream MB` prints one row as JSON.
const argv = (globalThis as { process?: { argv: string[] } }).process?.argv ?? [];
if (argv[1] && import.meta.filename === argv[1]) {
  const row = await runRow(argv[2] === 'stream' ? 'stream' : 'whole', Number(argv[3] ?? 20));
  console.log(JSON.stringify(row));
}
