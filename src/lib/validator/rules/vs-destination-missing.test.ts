import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { asWholeCluster } from './index.ts';
import { ruleCases } from './_testkit.ts';

// Decided by istio 1.30.3 pkg/config/analysis/analyzers/virtualservice/destinationhosts.go (IST0101)
// and pkg/config/analysis/analyzers/util/service_lookup.go (exportTo scopes of the registry).
ruleCases('vs-destination-missing');

describe('vs-destination-missing for a destination absent from the paste', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: shop}
spec:
  hosts: [reviews]
  http:
  - route: [{destination: {host: reviews-typo}}]
`;
  const found = (complete: boolean) => lint([{ name: 'v.yaml', text }], { lang: 'en', ...(complete ? { rules: asWholeCluster() } : {}) }).findings.filter((f) => f.rule === 'vs-destination-missing');
  it('stays quiet on a partial paste and is an error when the paste is the whole cluster', () => {
    expect(found(false)).toEqual([]);
    expect(found(true).map((f) => [f.severity, f.istioctl])).toEqual([['error', 'IST0101']]);
  });
});
