import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

// Decided by istio 1.30.3 pkg/config/analysis/analyzers/destinationrule/ca-certificates.go
// (IST0128/IST0129) and pilot/pkg/networking/core/cluster_tls.go (system trust store by default).
ruleCases('dr-tls-no-ca');

describe('dr-tls-no-ca codes', () => {
  it('uses IST0128 at the top level and IST0129 in portLevelSettings', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: db, namespace: apps}
spec:
  host: db.example.com
  trafficPolicy:
    tls: {mode: SIMPLE}
    portLevelSettings:
    - port: {number: 5432}
      tls: {mode: MUTUAL, clientCertificate: /c.pem, privateKey: /k.pem}
`;
    const f = lint([{ name: 'd.yaml', text }], { lang: 'en' }).findings.filter((x) => x.rule === 'dr-tls-no-ca');
    expect(f.map((x) => [x.severity, x.istioctl])).toEqual([['info', 'IST0128'], ['info', 'IST0129']]);
  });
});
