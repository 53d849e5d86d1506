// The explainer's example: a small Envoy /config_dump of a sidecar (pod checkout in namespace shop,
// Istio 1.30.3), written for this site in the shape of Envoy's v3 admin API (ConfigDump with a
// BootstrapConfigDump, ClustersConfigDump, ListenersConfigDump and SecretsConfigDump), the way
// Istio 1.30 builds its objects (cluster names `outbound|PORT|SUBSET|HOST`, the DestinationRule in
// `filter_metadata.istio.config`, SDS names `default`, `ROOTCA` and `file-cert:…`). Not copied
// from any real dump. It shows: a partner cluster whose client certificate is still warming and
// whose server is not verified, an auto-mTLS cluster in the mesh, and a PERMISSIVE inbound port.
import { EXAMPLE_LEAF_B64, EXAMPLE_ROOT_B64 } from './example-certs.ts';

const T = 'type.googleapis.com/';
const SDS = {
  api_config_source: { api_type: 'GRPC', transport_api_version: 'V3', grpc_services: [{ envoy_grpc: { cluster_name: 'sds-grpc' } }], set_node_on_first_message_only: true },
  initial_fetch_timeout: '0s',
  resource_api_version: 'V3',
};
const sds = (name: string) => ({ name, sds_config: SDS });
const EDS = { eds_config: { ads: {}, initial_fetch_timeout: '0s', resource_api_version: 'V3' } };
/** Istio's sidecar clusters lift Envoy's circuit-breaker defaults to the maximum (1.30.3 cluster_builder.go getDefaultCircuitBreakerThresholds). */
const UNLIMITED = { thresholds: [{ max_connections: 4294967295, max_pending_requests: 4294967295, max_requests: 4294967295, max_retries: 4294967295, track_remaining: true }] };
const PARTNER = 'outbound|443||api.northwind.example';
const PARTNER_CERT = 'file-cert:/etc/partner/tls.crt~/etc/partner/tls.key';
const WHEN = '2026-12-01T09:00:00Z';

const dump = {
  configs: [
    {
      '@type': `${T}envoy.admin.v3.BootstrapConfigDump`,
      bootstrap: {
        node: {
          id: 'sidecar~10.244.1.17~checkout-7d9f8b6c5-x2k4q.shop~shop.svc.cluster.local',
          cluster: 'checkout.shop',
          metadata: { ISTIO_VERSION: '1.30.3', NAMESPACE: 'shop', NAME: 'checkout-7d9f8b6c5-x2k4q' },
        },
      },
      last_updated: WHEN,
    },
    {
      '@type': `${T}envoy.admin.v3.ClustersConfigDump`,
      version_info: '2026-12-01T09:00:00Z/12',
      dynamic_active_clusters: [
        {
          version_info: '2026-12-01T09:00:00Z/12',
          cluster: {
            '@type': `${T}envoy.config.cluster.v3.Cluster`,
            name: PARTNER,
            type: 'STRICT_DNS',
            connect_timeout: '10s',
            circuit_breakers: UNLIMITED,
            metadata: { filter_metadata: { istio: { config: '/apis/networking.istio.io/v1/namespaces/shop/destination-rule/northwind', services: [{ host: 'api.northwind.example', name: 'api.northwind.example', namespace: 'shop' }] } } },
            transport_socket: {
              name: 'envoy.transport_sockets.tls',
              typed_config: {
                '@type': `${T}envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext`,
                common_tls_context: { tls_certificate_sds_secret_configs: [sds(PARTNER_CERT)] },
                sni: 'api.northwind.example',
              },
            },
          },
          last_updated: WHEN,
        },
        {
          version_info: '2026-12-01T09:00:00Z/12',
          cluster: {
            '@type': `${T}envoy.config.cluster.v3.Cluster`,
            name: 'outbound|8080||reviews.shop.svc.cluster.local',
            type: 'EDS',
            eds_cluster_config: { ...EDS, service_name: 'outbound|8080||reviews.shop.svc.cluster.local' },
            connect_timeout: '10s',
            circuit_breakers: UNLIMITED,
            metadata: { filter_metadata: { istio: { services: [{ host: 'reviews.shop.svc.cluster.local', name: 'reviews', namespace: 'shop' }] } } },
            transport_socket_matches: [
              {
                name: 'tlsMode-istio',
                match: { tlsMode: 'istio' },
                transport_socket: {
                  name: 'envoy.transport_sockets.tls',
                  typed_config: {
                    '@type': `${T}envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext`,
                    common_tls_context: {
                      tls_params: { tls_minimum_protocol_version: 'TLSv1_2', tls_maximum_protocol_version: 'TLSv1_3' },
                      alpn_protocols: ['istio-peer-exchange', 'istio'],
                      tls_certificate_sds_secret_configs: [sds('default')],
                      combined_validation_context: {
                        default_validation_context: { match_typed_subject_alt_names: [{ san_type: 'URI', matcher: { exact: 'spiffe://cluster.local/ns/shop/sa/reviews' } }] },
                        validation_context_sds_secret_config: sds('ROOTCA'),
                      },
                    },
                    sni: 'outbound_.8080_._.reviews.shop.svc.cluster.local',
                  },
                },
              },
              { name: 'tlsMode-disabled', match: {}, transport_socket: { name: 'envoy.transport_sockets.raw_buffer', typed_config: { '@type': `${T}envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer` } } },
            ],
          },
          last_updated: WHEN,
        },
      ],
    },
    {
      '@type': `${T}envoy.admin.v3.ListenersConfigDump`,
      version_info: '2026-12-01T09:00:00Z/12',
      dynamic_listeners: [
        {
          name: 'virtualInbound',
          active_state: {
            version_info: '2026-12-01T09:00:00Z/12',
            listener: {
              '@type': `${T}envoy.config.listener.v3.Listener`,
              name: 'virtualInbound',
              address: { socket_address: { address: '0.0.0.0', port_value: 15006 } },
              traffic_direction: 'INBOUND',
              listener_filters: [
                { name: 'envoy.filters.listener.original_dst', typed_config: { '@type': `${T}envoy.extensions.filters.listener.original_dst.v3.OriginalDst` } },
                { name: 'envoy.filters.listener.tls_inspector', typed_config: { '@type': `${T}envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector` } },
              ],
              filter_chains: [
                {
                  name: '0.0.0.0_8080',
                  filter_chain_match: { destination_port: 8080, transport_protocol: 'tls', application_protocols: ['istio', 'istio-peer-exchange', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2'] },
                  filters: [{ name: 'envoy.filters.network.tcp_proxy', typed_config: { '@type': `${T}envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy`, stat_prefix: 'inbound|8080||', cluster: 'inbound|8080||' } }],
                  transport_socket: {
                    name: 'envoy.transport_sockets.tls',
                    typed_config: {
                      '@type': `${T}envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext`,
                      common_tls_context: {
                        alpn_protocols: ['h2', 'http/1.1'],
                        tls_certificate_sds_secret_configs: [sds('default')],
                        combined_validation_context: { default_validation_context: { match_subject_alt_names: [{ prefix: 'spiffe://cluster.local/' }] }, validation_context_sds_secret_config: sds('ROOTCA') },
                      },
                      require_client_certificate: true,
                    },
                  },
                },
                {
                  name: '0.0.0.0_8080',
                  filter_chain_match: { destination_port: 8080, transport_protocol: 'raw_buffer' },
                  filters: [{ name: 'envoy.filters.network.tcp_proxy', typed_config: { '@type': `${T}envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy`, stat_prefix: 'inbound|8080||', cluster: 'inbound|8080||' } }],
                },
              ],
            },
            last_updated: WHEN,
          },
        },
      ],
    },
    {
      '@type': `${T}envoy.admin.v3.SecretsConfigDump`,
      dynamic_active_secrets: [
        {
          name: 'default',
          version_info: '2026-12-01 09:00:00.000000000 +0000 UTC m=+1.0',
          last_updated: WHEN,
          secret: {
            '@type': `${T}envoy.extensions.transport_sockets.tls.v3.Secret`,
            name: 'default',
            // Envoy prints the private key of a dumped secret as `[redacted]` (base64 below).
            tls_certificate: { certificate_chain: { inline_bytes: EXAMPLE_LEAF_B64 }, private_key: { inline_bytes: 'W3JlZGFjdGVkXQ==' } },
          },
        },
        {
          name: 'ROOTCA',
          version_info: '2026-12-01 09:00:00.000000000 +0000 UTC m=+1.0',
          last_updated: WHEN,
          secret: {
            '@type': `${T}envoy.extensions.transport_sockets.tls.v3.Secret`,
            name: 'ROOTCA',
            validation_context: { trusted_ca: { inline_bytes: EXAMPLE_ROOT_B64 } },
          },
        },
      ],
      dynamic_warming_secrets: [
        {
          name: PARTNER_CERT,
          version_info: 'uninitialized',
          last_updated: WHEN,
          secret: { '@type': `${T}envoy.extensions.transport_sockets.tls.v3.Secret`, name: PARTNER_CERT },
        },
      ],
    },
  ],
};

export interface ExplainPreset {
  id: string;
  label: { ko: string; en: string };
  text: string;
}

export const EXPLAIN_PRESETS: ExplainPreset[] = [
  {
    id: 'sidecar-partner',
    label: { ko: '사이드카: 파트너 연결과 PERMISSIVE 인바운드', en: 'Sidecar: partner cluster and a PERMISSIVE inbound' },
    text: `${JSON.stringify(dump, null, 2)}\n`,
  },
];
