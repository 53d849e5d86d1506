// Gateway API listener TLS, as the API server and Istio decide it. Upstream:
// - kubernetes-sigs/gateway-api v1.5.1 apis/v1/gateway_types.go: CEL rules on GatewaySpec.Listeners
//   ("tls mode must be Terminate for protocol HTTPS", "tls mode must be set for protocol TLS",
//   "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']") and on ListenerTLSConfig
//   ("certificateRefs or options must be specified when mode is Terminate"). The CRD's schema
//   defaults tls.mode to Terminate, and the API server applies defaults before CEL
//   (config/crd/standard/gateway.networking.k8s.io_gateways.yaml): only a TLS listener without
//   `tls` at all is "mode must be set". tests/cel/gateway_test.go accepts HTTPS without `tls`.
// - istio/istio 1.30.3 pkg/config/gateway/gateway.go IsHTTPSServerWithTLSTermination: an HTTPS
//   server without TLS settings gets no TLS termination.
// - conformance/tests/gateway-invalid-tls-configuration.yaml (InvalidCertificateRef for a wrong
//   group or kind), gateway-secret-missing-reference-grant.yaml and
//   gateway-secret-invalid-reference-grant.yaml (RefNotPermitted), gateway-with-invalid-
//   clientcertificate-validation.yaml (tls.frontend).
// - istio/istio 1.30.3 pilot/pkg/config/kube/gateway/conversion.go buildTLS (at most two
//   certificates, one frontend caCertificateRef, ReferenceGrant for another namespace),
//   buildSecretReference (core Secret only), buildCaCertificateReference (ConfigMap or Secret).
import { describe, expect, it } from 'vitest';
import { findings } from './istio-helpers.ts';
import { at, gw } from './gateway-api-helpers.ts';

const https = (name: string, port: number, tls: string) => `  - name: ${name}
    port: ${port}
    protocol: HTTPS
    hostname: ${name}.example.com
    tls:
${tls}`;

describe('Gateway API listener TLS (gateway-api v1.5.1, istio 1.30.3)', () => {
  it('an HTTPS listener with a Secret in its own namespace is accepted', () => {
    const text = gw('edge', 'istio-ingress', https('shop', 443, '      certificateRefs:\n      - name: shop-cert\n'));
    expect(findings(text).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('HTTPS with mode Passthrough is rejected by the CRD\'s CEL rule, on the mode', () => {
    const text = gw('edge', 'istio-ingress', https('shop', 443, '      mode: Passthrough\n'));
    expect(at(findings(text), 'gwapi-listener-tls')).toEqual([['gwapi-listener-tls', 'error', 14, 13]]);
  });
  it('Terminate without certificateRefs or options is rejected; Istio\'s ISTIO_SIMPLE option is not', () => {
    expect(at(findings(gw('edge', 'istio-ingress', https('shop', 443, '      mode: Terminate\n'))), 'gwapi-listener-tls'))
      .toEqual([['gwapi-listener-tls', 'error', 14, 13]]);
    const own = https('shop', 443, '      mode: Terminate\n      options:\n        gateway.istio.io/tls-terminate-mode: ISTIO_SIMPLE\n');
    expect(at(findings(gw('edge', 'istio-ingress', own)), 'gwapi-listener-tls')).toEqual([]);
  });
  it('a TLS listener without tls.mode is Terminate (the CRD default), not rejected; without tls at all it is', () => {
    const listener = (tls: string) => gw('edge', 'istio-ingress', `  - name: db
    port: 8443
    protocol: TLS
    hostname: db.example.com
${tls}`);
    expect(at(findings(listener('    tls:\n      certificateRefs:\n      - name: db-cert\n')), 'gwapi-listener-tls')).toEqual([]);
    expect(at(findings(listener('')), 'gwapi-listener-tls')).toEqual([['gwapi-listener-tls', 'error', 11, 15]]);
    // Defaulted to Terminate, an empty tls then fails the certificateRefs-or-options rule.
    expect(at(findings(listener('    tls: {}\n')), 'gwapi-listener-tls')).toEqual([['gwapi-listener-tls', 'error', 13, 5]]);
  });
  it('HTTPS without tls passes the API server but Istio terminates nothing: an error on the protocol', () => {
    const text = gw('edge', 'istio-ingress', `  - name: api
    port: 443
    protocol: HTTPS
    hostname: api.example.com
`);
    const found = findings(text).filter((f) => f.rule === 'gwapi-listener-tls');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[11, 'error']]);
    expect(found[0]!.message).toMatch(/API server accepts it/);
  });
  it('a certificateRef to a ConfigMap is InvalidCertificateRef; a third certificate is more than Istio takes', () => {
    const text = gw('edge', 'istio-ingress', https('shop', 443, '      certificateRefs:\n      - kind: ConfigMap\n        name: a\n      - name: b\n      - name: c\n'));
    expect(at(findings(text), 'gwapi-cert-ref-kind')).toEqual([['gwapi-cert-ref-kind', 'error', 15, 15], ['gwapi-cert-ref-kind', 'error', 18, 9]]);
  });
  it('a Secret in another namespace needs a ReferenceGrant from Gateway there: info without any grant in the paste, error with a grant that does not allow it, nothing with one that does', () => {
    const text = gw('edge', 'istio-ingress', https('shop', 443, '      certificateRefs:\n      - name: shop-cert\n        namespace: certs\n'));
    expect(at(findings(text), 'gwapi-cert-ref-grant')).toEqual([['gwapi-cert-ref-grant', 'info', 16, 20]]);
    const grant = (kind: string) => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: ${kind}, namespace: istio-ingress}]
  to: [{group: "", kind: Secret}]
`;
    expect(at(findings(text + grant('HTTPRoute')), 'gwapi-cert-ref-grant')).toEqual([['gwapi-cert-ref-grant', 'error', 16, 20]]);
    expect(at(findings(text + grant('Gateway')), 'gwapi-cert-ref-grant')).toEqual([]);
  });
  it('tls.frontend: one ConfigMap CA is fine, a Service is not a CA source, two CAs are more than Istio takes', () => {
    const fe = (refs: string) => `  tls:\n    frontend:\n      default:\n        validation:\n          caCertificateRefs:\n${refs}`;
    const ok = gw('edge', 'istio-ingress', https('shop', 443, '      certificateRefs:\n      - name: shop-cert\n'), 'istio', fe('          - {group: "", kind: ConfigMap, name: ca}\n'));
    expect(at(findings(ok), 'gwapi-frontend-tls')).toEqual([]);
    const bad = gw('edge', 'istio-ingress', https('shop', 443, '      certificateRefs:\n      - name: shop-cert\n'), 'istio',
      fe('          - {group: "", kind: Service, name: ca}\n          - {group: "", kind: ConfigMap, name: ca2}\n'));
    expect(at(findings(bad), 'gwapi-frontend-tls')).toEqual([['gwapi-frontend-tls', 'error', 13, 31], ['gwapi-frontend-tls', 'error', 14, 13]]);
  });
});
