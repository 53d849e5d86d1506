// Bad input never crashes the explainer: cut or damaged dumps and JSON of the wrong shape give a
// problem (or an empty map), whole or streamed.
import { describe, expect, it } from 'vitest';
import { createReader, explain } from './index.ts';
import { fixture } from './rules/fixtures/helpers.ts';

async function both(text: string) {
  const whole = await explain([{ name: 'x', text }], { lang: 'en' });
  const reader = createReader({ lang: 'ko' }, { streamAt: 1 });
  const sink = reader.open('x');
  for (let i = 0; i < text.length; i += 997) sink.push(text.slice(i, i + 997));
  sink.end();
  return [whole, await reader.finish()];
}

describe('robustness', () => {
  it.each([
    '42', '"text"', 'null', 'true', '[1, "a", null, [], {}]', '{}', '{"configs": 5}', '{"configs": [null, 5, "x"]}',
    '{"configs": [{"dynamic_active_clusters": [null, 5, {"cluster": 5}, {"cluster": {"name": 7, "transport_socket": "x", "circuit_breakers": {"thresholds": 3}}}]}]}',
    '{"configs": [{"dynamic_listeners": [{"active_state": {"listener": {"name": "l", "filter_chains": [null, {"filter_chain_match": 3, "filters": "x", "transport_socket": {"typed_config": {"@type": 5}}}]}}}]}]}',
    '{"configs": [{"dynamic_active_secrets": [{"name": "s", "secret": {"tls_certificate": {"certificate_chain": {"inline_bytes": "bm90IGEgY2VydA=="}}}}]}]}',
    '{"workloads": [null, {"name": 3}], "certificates": [{"identity": "i", "certChain": [{"pem": "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----"}]}]}',
    'a: [', '- - -', '{"a": 1}{"b": 2}', '\u0000\u0001binary',
  ])('%s', async (text) => {
    const results = await both(text);
    for (const r of results) expect(r.summary).toBeDefined();
    // Not an object or list at all: said so, in both runs.
    if (/^(42|"text"|null|true)$/.test(text)) for (const r of results) expect(r.problems).toHaveLength(1);
  });

  it('never throws on cut or damaged fixtures', async () => {
    for (const name of ['sidecar-egress.json', 'egress-gateway-other-sni.yaml', 'gateway-clusters.istioctl.json', 'ztunnel.json']) {
      const text = await fixture(name);
      let seed = 7;
      const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
      for (let k = 0; k < 12; k++) {
        const cut = text.slice(0, rand(text.length));
        const at = rand(text.length);
        const flipped = text.slice(0, at) + String.fromCharCode(33 + rand(90)) + text.slice(at + 1);
        for (const t of [cut, flipped]) for (const r of await both(t)) expect(r.summary).toBeDefined();
      }
    }
  }, 120_000);
});
