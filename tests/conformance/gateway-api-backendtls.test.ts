// BackendTLSPolicy (Gateway API v1 since 1.4) as the API server and Istio read it. Upstream:
// - kubernetes-sigs/gateway-api v1.5.1 apis/v1/backendtlspolicy_types.go: CEL "must not contain
//   both CACertificateRefs and WellKnownCACertificates" / "must specify either ..."; caCertificateRefs
//   are LocalObjectReferences (namespace-local); hostname is the SNI and, without subjectAltNames,
//   the name to verify. conformance/tests/backendtlspolicy-invalid-kind.yaml (InvalidKind),
//   backendtlspolicy-san.yaml (SANs other than the hostname are valid config).
// - istio/istio 1.30.3 pilot/pkg/config/kube/gateway/backend_policies.go: targets are Services or
//   ServiceEntries, sectionName a port name (TargetNotFound otherwise); getBackendTLSCredentialName
//   takes wellKnownCACertificates System only and ConfigMaps only, the first one.
// - The schema rule already reports a missing `hostname` and a wellKnownCACertificates value outside
//   the CRD's pattern; these rules do not repeat it.
import { describe, expect, it } from 'vitest';
import { findings } from './istio-helpers.ts';
import { at } from './gateway-api-helpers.ts';

const RULES = ['btls-target', 'btls-ca-source', 'btls-ca-namespace', 'btls-hostname-san'];
const svc = `apiVersion: v1
kind: Service
metadata: {name: payments, namespace: shop}
spec:
  ports: [{name: https, port: 443}]
---
`;
const policy = (target: string, validation: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: shop}
spec:
  targetRefs:
  - {group: "", kind: Service, name: payments${target}}
  validation:
${validation}`;
const CM = '    caCertificateRefs: [{group: "", kind: ConfigMap, name: payments-ca}]\n    hostname: payments.shop.svc.cluster.local\n';

describe('BackendTLSPolicy (gateway-api v1.5.1, istio 1.30.3)', () => {
  it('a Service target with its port name and a local ConfigMap CA is clean', () => {
    expect(at(findings(svc + policy(', sectionName: https', CM)), ...RULES)).toEqual([]);
    expect(findings(svc + policy(', sectionName: https', CM)).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('a target missing from the paste is only an info; a port number as sectionName is TargetNotFound', () => {
    expect(at(findings(policy('', CM)), ...RULES)).toEqual([['btls-target', 'info', 6, 38]]);
    expect(at(findings(svc + policy(', sectionName: "443"', CM)), ...RULES)).toEqual([['btls-target', 'error', 12, 61]]);
  });
  it('both CA sources is rejected by CEL; a Secret CA is InvalidKind in Istio 1.30', () => {
    const both = '    caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]\n    wellKnownCACertificates: System\n    hostname: a.example.com\n';
    expect(at(findings(svc + policy('', both)), ...RULES)).toEqual([['btls-ca-source', 'error', 15, 5]]);
    const secret = '    caCertificateRefs: [{group: "", kind: Secret, name: ca}]\n    hostname: a.example.com\n';
    expect(at(findings(svc + policy('', secret)), ...RULES)).toEqual([['btls-ca-source', 'error', 14, 43]]);
  });
  it('caCertificateRefs are namespace-local: a ConfigMap only in istio-system is not found', () => {
    const cm = (ns: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: payments-ca, namespace: ${ns}}\ndata: {ca.crt: "<PEM>"}\n---\n`;
    expect(at(findings(cm('istio-system') + svc + policy('', CM)), ...RULES)).toEqual([['btls-ca-namespace', 'error', 19, 60]]);
    expect(at(findings(cm('shop') + svc + policy('', CM)), ...RULES)).toEqual([]);
  });
  it('subjectAltNames without the hostname: info (valid, but hostname is then only the SNI)', () => {
    const san = (h: string) => `${CM}    subjectAltNames: [{type: Hostname, hostname: ${h}}]\n`;
    expect(at(findings(svc + policy('', san('payments.example.com'))), ...RULES)).toEqual([['btls-hostname-san', 'info', 16, 5]]);
    expect(at(findings(svc + policy('', san('"*.shop.svc.cluster.local"'))), ...RULES)).toEqual([]);
  });
});
