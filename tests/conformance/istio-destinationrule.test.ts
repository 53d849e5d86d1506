// DestinationRule TLS without a CA. Upstream (istio/istio, 1.30.3):
// - pkg/config/analysis/analyzers/destinationrule/ca-certificates.go: istioctl warns IST0128 (top
//   level) / IST0129 (portLevelSettings) for SIMPLE or MUTUAL without caCertificates, unless the
//   block has credentialName and the DR a workloadSelector.
// - pilot/pkg/networking/core/cluster_tls.go constructUpstreamTLS: without caCertificates the proxy
//   verifies against "system" (the OS trust store), so the validator reports it as info.
import { describe, expect, it } from 'vitest';
import { findings, of } from './istio-helpers.ts';

const dr = (tls: string, selector = '') => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: db, namespace: apps}
spec:
  host: db.example.com
${selector}  trafficPolicy:
    tls: ${tls}
    portLevelSettings:
    - port: {number: 5432}
      tls: ${tls}
`;

describe('DestinationRule TLS without a CA (istio 1.30.3)', () => {
  it('IST0128 at the top level and IST0129 per port, as info', () => {
    expect(of(findings(dr('{mode: SIMPLE}')), 'dr-tls-no-ca')).toEqual([
      ['dr-tls-no-ca', 'info', 'DestinationRule/apps/db', 'IST0128'],
      ['dr-tls-no-ca', 'info', 'DestinationRule/apps/db', 'IST0129'],
    ]);
  });
  it('quiet with caCertificates, or with credentialName and a workloadSelector', () => {
    expect(of(findings(dr('{mode: SIMPLE, caCertificates: /etc/ca.pem}')), 'dr-tls-no-ca')).toEqual([]);
    expect(of(findings(dr('{mode: SIMPLE, credentialName: db-ca}', '  workloadSelector: {matchLabels: {istio: egressgateway}}\n')), 'dr-tls-no-ca')).toEqual([]);
  });
  it('insecureSkipVerify without a CA is a warning carrying the same code', () => {
    expect(of(findings(dr('{mode: SIMPLE, insecureSkipVerify: true}')), 'dr-tls-no-verify', 'dr-tls-no-ca')).toEqual([
      ['dr-tls-no-verify', 'warning', 'DestinationRule/apps/db', 'IST0128'],
      ['dr-tls-no-verify', 'warning', 'DestinationRule/apps/db', 'IST0129'],
    ]);
  });
});
