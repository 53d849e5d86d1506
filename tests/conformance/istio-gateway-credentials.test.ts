// Where istiod reads a Gateway server's `credentialName` secret, and when istioctl calls it missing
// or invalid. Upstream (istio/istio, tag 1.30.3):
// - pilot/pkg/model/credentials/resource.go ParseResourceName: a `kubernetes://name` credential is
//   read from the proxy's namespace; pilot/pkg/xds/sds.go filterAuthorizedResources: a Kubernetes
//   secret is served only from the proxy's own namespace.
// - pilot/pkg/model/push_context.go mergeGateways: a Gateway applies to every gateway proxy whose
//   labels contain its selector, in any namespace (PILOT_SCOPE_GATEWAY_TO_NAMESPACE=false, the
//   default in pilot/pkg/features/pilot.go).
// - pkg/config/analysis/analyzers/gateway/secret.go: IST0101 for a secret missing from the
//   workload's namespace or a selector no pod matches; IST0161 for a secret that
//   pilot/pkg/credentials/kube/secrets.go ExtractCertInfo or sds.go ValidateCertificate rejects.
// - pkg/config/analysis/local/defaults.go: istioctl assumes an `istio: ingressgateway` pod in istio-system.
import { describe, expect, it } from 'vitest';
import { findings, gateway, of } from './istio-helpers.ts';

const https = (cred: string) => `  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [httpbin.example.com]
    tls: {mode: SIMPLE, credentialName: ${cred}}
`;
const secret = (name: string, ns: string, keys = 'tls.crt: "<certificate PEM>", tls.key: "<private key PEM>"') => `apiVersion: v1
kind: Secret
metadata: {name: ${name}, namespace: ${ns}}
type: kubernetes.io/tls
stringData: {${keys}}
---
`;
const deployment = (name: string, ns: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}, ${labels}}}
    spec: {containers: [{name: istio-proxy, image: auto}]}
---
`;
const RULES = ['secret-namespace', 'gw-credential-invalid', 'gw-workload-missing'];

describe('Gateway credentials (istio 1.30.3)', () => {
  it('istio.io secure ingress: Gateway in the app namespace, secret with the ingress gateway in istio-system, is fine', () => {
    const text = gateway('mygateway', 'httpbin', 'istio: ingressgateway', https('httpbin-credential')) + secret('httpbin-credential', 'istio-system');
    expect(of(findings(text), ...RULES)).toEqual([]);
    // Read as the whole cluster, only the placeholder certificate is left to complain about.
    expect(of(findings(text, { complete: true }), ...RULES)).toEqual([['gw-credential-invalid', 'error', 'Gateway/httpbin/mygateway', 'IST0161']]);
  });
  it('a secret beside the Gateway but not beside the default ingress workload is not read', () => {
    const text = gateway('mygateway', 'httpbin', 'istio: ingressgateway', https('httpbin-credential')) + secret('httpbin-credential', 'httpbin');
    expect(of(findings(text), ...RULES)).toEqual([['secret-namespace', 'error', 'Gateway/httpbin/mygateway', 'IST0101']]);
  });
  it('a Gateway and its secret in a dedicated istio-* gateway namespace get info, not an error, when no workload says where the gateway runs', () => {
    // The guide's egress gateway is installed in istio-egress (labs/_lib/k8s/istio.yaml), as Helm
    // installs put gateways in their own namespace; only the default install runs it in istio-system.
    const text = gateway('partner-egress', 'istio-egress', 'istio: egressgateway', https('partner-cert')) + secret('partner-cert', 'istio-egress');
    expect(of(findings(text), ...RULES)).toEqual([['secret-namespace', 'info', 'Gateway/istio-egress/partner-egress', 'IST0101']]);
    // A pasted Deployment in istio-egress settles it: nothing to say.
    expect(of(findings(text + deployment('istio-egressgateway', 'istio-egress', 'istio: egressgateway')), ...RULES)).toEqual([]);
  });
  it('a gateway Deployment in the paste decides the namespace', () => {
    const gw = gateway('shop', 'shop', 'istio: shop-ingress', https('shop-cert'));
    const dep = deployment('shop-ingress', 'shop-gw', 'istio: shop-ingress');
    expect(of(findings(gw + dep + secret('shop-cert', 'shop-gw')), ...RULES)).toEqual([]);
    expect(of(findings(gw + dep + secret('shop-cert', 'shop')), ...RULES)).toEqual([['secret-namespace', 'error', 'Gateway/shop/shop', 'IST0101']]);
  });
  it('says what to check, as info, when the paste cannot tell where the workload runs', () => {
    const text = gateway('shop', 'shop', 'istio: shop-ingress', https('shop-cert')) + secret('shop-cert', 'shop-gw');
    expect(of(findings(text), ...RULES)).toEqual([
      ['gw-workload-missing', 'info', 'Gateway/shop/shop', 'IST0101'],
      ['secret-namespace', 'info', 'Gateway/shop/shop', 'IST0101'],
    ]);
    // Read as the whole cluster, no pod matches the selector: istioctl's IST0101 "selector".
    expect(of(findings(text, { complete: true }), ...RULES)).toEqual([['gw-workload-missing', 'error', 'Gateway/shop/shop', 'IST0101']]);
  });
  it('each of several credentialNames is read from the workload namespace too', () => {
    const servers = `  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [httpbin.example.com]
    tls: {mode: SIMPLE, credentialNames: [rsa-cert, ecdsa-cert]}
`;
    const text = gateway('mygateway', 'httpbin', 'istio: ingressgateway', servers) + secret('rsa-cert', 'istio-system') + secret('ecdsa-cert', 'httpbin');
    expect(of(findings(text), ...RULES)).toEqual([['secret-namespace', 'error', 'Gateway/httpbin/mygateway', 'IST0101']]);
  });
  it('a secret istiod cannot use as a certificate is IST0161 on the Gateway', () => {
    const text = gateway('mygateway', 'httpbin', 'istio: ingressgateway', https('httpbin-credential')) + secret('httpbin-credential', 'istio-system', 'cert.pem: "<certificate PEM>"');
    expect(of(findings(text), 'gw-credential-invalid')).toEqual([['gw-credential-invalid', 'error', 'Gateway/httpbin/mygateway', 'IST0161']]);
  });
});
