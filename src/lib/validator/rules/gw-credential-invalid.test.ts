import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { asWholeCluster } from './index.ts';
import { ruleCases } from './_testkit.ts';

// Decided by istio 1.30.3 pkg/config/analysis/analyzers/gateway/secret.go (IST0161),
// pilot/pkg/credentials/kube/secrets.go ExtractCertInfo and pilot/pkg/xds/sds.go ValidateCertificate.
ruleCases('gw-credential-invalid');

describe('gw-credential-invalid on placeholders', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: SIMPLE, credentialName: shop-cert}
---
apiVersion: v1
kind: Secret
metadata: {name: shop-cert, namespace: istio-system}
stringData: {tls.crt: "<certificate PEM>", tls.key: "<private key PEM>"}
`;
  const found = (complete: boolean) => lint([{ name: 'g.yaml', text }], { lang: 'en', ...(complete ? { rules: asWholeCluster() } : {}) }).findings.filter((f) => f.rule === 'gw-credential-invalid');
  it('lets a documentation placeholder pass, but not in a paste read as the whole cluster', () => {
    expect(found(false)).toEqual([]);
    expect(found(true).map((f) => [f.resource, f.istioctl])).toEqual([['Gateway/shop/gw', 'IST0161']]);
  });
});
