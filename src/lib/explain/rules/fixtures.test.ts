// Every fixture dump follows Envoy's v3 API (as the validator bundles it), and the two clean
// dumps of the double-mTLS egress path (a sidecar and its egress gateway) give no finding at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDump, DIR, fixture, run } from './fixtures/helpers.ts';

describe('fixtures', () => {
  // ztunnel's dump is not Envoy's API (istioctl/pkg/writer/ztunnel/configdump/api.go shapes it).
  const files = readdirSync(DIR).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.startsWith('ztunnel'));
  it.each(files)('%s follows the Envoy v3 API', async (f) => {
    const text = await fixture(f);
    const doc = f.endsWith('.json') ? JSON.parse(text) : parse(text);
    expect(checkDump(doc)).toEqual([]);
  });

  it('a clean sidecar and egress gateway give no finding', async () => {
    const r = await run(['sidecar-egress.json', 'egress-gateway.json']);
    expect(r.problems).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.proxies.map((p) => [p.kind, p.namespace])).toEqual([['sidecar', 'shop'], ['router', 'istio-egress']]);
  });

  it('the checker itself catches a field Envoy does not have', () => {
    const doc = JSON.parse(readFileSync(join(DIR, 'egress-gateway.json'), 'utf8'));
    doc.configs[1].dynamic_active_clusters[0].cluster.conect_timeout = '1s';
    expect(checkDump(doc).join('\n')).toMatch(/conect_timeout/);
  });
});
