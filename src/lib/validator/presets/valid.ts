// A complete, valid double-mTLS egress bundle: app sidecar --ISTIO_MUTUAL--> egress gateway
// --MUTUAL (partner client cert)--> api.northwind.example. Every pitfall preset starts from it.
export const VALID_DOUBLE_MTLS = `# Hop 1: sidecar -> egress gateway (ISTIO_MUTUAL). Hop 2: gateway -> partner (MUTUAL).
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: northwind-api
  namespace: istio-egress
spec:
  hosts:
  - api.northwind.example
  ports:
  - number: 80
    name: http
    protocol: HTTP
  - number: 443
    name: https
    protocol: HTTPS
  resolution: DNS
  location: MESH_EXTERNAL
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: partner-egress
  namespace: istio-egress
spec:
  selector:
    istio: egressgateway
  servers:
  - port:
      number: 443                    # the gateway Service port
      name: https-northwind
      protocol: HTTPS
    hosts:
    - api.northwind.example
    tls:
      mode: ISTIO_MUTUAL
---
# Hop 1 DR: host is the gateway Service, not the partner.
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: egressgateway-hop1
  namespace: istio-egress
spec:
  host: istio-egressgateway.istio-egress.svc.cluster.local
  subsets:
  - name: partner
  trafficPolicy:
    portLevelSettings:
    - port:
        number: 443
      tls:
        mode: ISTIO_MUTUAL
        sni: api.northwind.example
      connectionPool:
        tcp:
          maxConnections: 1024
          connectTimeout: 3s
---
# Hop 2 DR: lives with the gateway and its secret, hidden from sidecars.
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner-hop2
  namespace: istio-egress
spec:
  host: api.northwind.example
  exportTo:
  - "."
  trafficPolicy:
    portLevelSettings:
    - port:
        number: 443
      tls:
        mode: MUTUAL
        credentialName: partner-client-cert
        sni: api.northwind.example
        subjectAltNames:
        - api.northwind.example
      connectionPool:
        tcp:
          maxConnections: 4096
          connectTimeout: 3s
          idleTimeout: 1800s
          maxConnectionDuration: 3600s
          tcpKeepalive:
            time: 300s
            interval: 30s
            probes: 3
        http:
          idleTimeout: 900s
          maxRequestsPerConnection: 1000
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: partner-through-egress
  namespace: istio-egress
spec:
  hosts:
  - api.northwind.example
  gateways:
  - mesh
  - partner-egress
  http:
  - match:
    - gateways:
      - mesh
      port: 80
    route:
    - destination:
        host: istio-egressgateway.istio-egress.svc.cluster.local
        subset: partner
        port:
          number: 443
  - match:
    - gateways:
      - partner-egress
      port: 443
    route:
    - destination:
        host: api.northwind.example
        port:
          number: 443
---
# Placeholder values: create the real secret with kubectl from files, never commit keys.
apiVersion: v1
kind: Secret
metadata:
  name: partner-client-cert
  namespace: istio-egress
type: Opaque
stringData:
  tls.crt: "<client certificate PEM>"
  tls.key: "<client private key PEM>"
  ca.crt: "<partner CA certificate PEM>"
`;
