// A large synthetic sidecar /config_dump for the explainer's end-to-end test and bench: many
// outbound clusters in Istio 1.30's shape (auto mTLS through transport_socket_matches, SDS
// `default`/`ROOTCA`) and one inbound listener, pretty-printed as Envoy prints it. Written here;
// no real dump is copied. `partner-N` clusters carry a user TLS origination with an SNI, so a
// filter by SNI has something to find.
const T = 'type.googleapis.com/';
const SDS = { ads: {}, initial_fetch_timeout: '0s', resource_api_version: 'V3' };

function meshCluster(i: number): unknown {
  const host = `svc-${i}.ns-${i % 50}.svc.cluster.local`;
  const name = `outbound|8080||${host}`;
  return {
    version_info: '2026-12-01T09:00:00Z/7',
    cluster: {
      '@type': `${T}envoy.config.cluster.v3.Cluster`,
      name,
      type: 'EDS',
      eds_cluster_config: { eds_config: SDS, service_name: name },
      connect_timeout: '10s',
      circuit_breakers: { thresholds: [{ max_connections: 4294967295, max_pending_requests: 4294967295, max_requests: 4294967295, max_retries: 4294967295, track_remaining: true }] },
      metadata: { filter_metadata: { istio: { services: [{ host, name: `svc-${i}`, namespace: `ns-${i % 50}` }] } } },
      transport_socket_matches: [
        {
          name: 'tlsMode-istio',
          match: { tlsMode: 'istio' },
          transport_socket: {
            name: 'envoy.transport_sockets.tls',
            typed_config: {
              '@type': `${T}envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext`,
              common_tls_context: {
                alpn_protocols: ['istio-peer-exchange', 'istio'],
                tls_certificate_sds_secret_configs: [{ name: 'default', sds_config: SDS }],
                combined_validation_context: {
                  default_validation_context: { match_typed_subject_alt_names: [{ san_type: 'URI', matcher: { exact: `spiffe://cluster.local/ns/ns-${i % 50}/sa/svc-${i}` } }] },
                  validation_context_sds_secret_config: { name: 'ROOTCA', sds_config: SDS },
                },
              },
              sni: `outbound_.8080_._.${host}`,
            },
          },
        },
        { name: 'tlsMode-disabled', match: {}, transport_socket: { name: 'envoy.transport_sockets.raw_buffer', typed_config: { '@type': `${T}envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer` } } },
      ],
    },
    last_updated: '2026-12-01T09:00:00Z',
  };
}

function partnerCluster(i: number): unknown {
  const host = `partner-${i}.example`;
  return {
    version_info: '2026-12-01T09:00:00Z/7',
    cluster: {
      '@type': `${T}envoy.config.cluster.v3.Cluster`,
      name: `outbound|443||${host}`,
      type: 'STRICT_DNS',
      connect_timeout: '10s',
      transport_socket: {
        name: 'envoy.transport_sockets.tls',
        typed_config: {
          '@type': `${T}envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext`,
          common_tls_context: { validation_context_sds_secret_config: { name: 'file-root:/etc/ssl/certs/ca-certificates.crt', sds_config: SDS } },
          sni: host,
        },
      },
    },
    last_updated: '2026-12-01T09:00:00Z',
  };
}

/** A dump of about `bytes` bytes; returns the text and how many clusters it holds. */
export function bigDump(bytes: number): { text: string; clusters: number } {
  // Measure a small dump first: the indentation inside the dump makes a cluster larger than alone.
  const probe = build(100).length;
  const n = Math.max(10, Math.round((bytes / probe) * 100));
  return { text: build(n), clusters: n };
}

function build(n: number): string {
  const clusters = Array.from({ length: n }, (_, i) => (i % 100 === 99 ? partnerCluster(i) : meshCluster(i)));
  const dump = {
    configs: [
      { '@type': `${T}envoy.admin.v3.BootstrapConfigDump`, bootstrap: { node: { id: 'sidecar~10.244.3.9~load-0.shop~shop.svc.cluster.local', metadata: { ISTIO_VERSION: '1.30.3' } } } },
      { '@type': `${T}envoy.admin.v3.ClustersConfigDump`, dynamic_active_clusters: clusters },
    ],
  };
  return JSON.stringify(dump, null, 2);
}
