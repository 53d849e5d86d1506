// ServiceEntries with one host and port but different protocols. Upstream: istio/istio 1.31.0-rc.0
// pkg/config/analysis/analyzers/serviceentry/conflictingserviceentries.go (IST0177, new in 1.31):
// entries are keyed by exportTo scope, host as written and port; a scope also meets the entries
// exported to all namespaces.
import { describe, expect, it } from 'vitest';
import { findings, of } from './istio-helpers.ts';

const se = (name: string, ns: string, protocol: string, exportTo = '') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${name}, namespace: ${ns}}
spec:
  hosts: [api.partner.example]
${exportTo ? `  exportTo: [${exportTo}]\n` : ''}  ports: [{number: 443, name: p-${name}, protocol: ${protocol}}]
  resolution: DNS
---
`;

describe('ServiceEntry protocol conflicts (istio 1.31.0-rc.0)', () => {
  it('HTTP and TLS for one host and port is IST0177 on both', () => {
    expect(of(findings(se('a', 'x', 'HTTP') + se('b', 'y', 'TLS')), 'se-protocol-conflict')).toEqual([
      ['se-protocol-conflict', 'warning', 'ServiceEntry/x/a', 'IST0177'],
      ['se-protocol-conflict', 'warning', 'ServiceEntry/y/b', 'IST0177'],
    ]);
  });
  it('scopes that do not overlap do not conflict; one exported to all meets every scope', () => {
    expect(of(findings(se('a', 'x', 'HTTP', '"."') + se('b', 'y', 'TLS', '"."')), 'se-protocol-conflict')).toEqual([]);
    expect(of(findings(se('a', 'x', 'HTTP', '"."') + se('b', 'y', 'TLS')), 'se-protocol-conflict').length).toBe(2);
  });
});
