import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('envoy-schema');

describe('envoy-schema on @type URLs', () => {
  const sinks = (type: string) => `static_resources: {}
stats_sinks:
- name: envoy.stat_sinks.statsd
  typed_config:
    "@type": type.googleapis.com/${type}
    address:
      socket_address: {address: 127.0.0.1, port_value: 8125}
`;
  const found = (text: string) => lint([{ name: 'envoy.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'envoy-schema');
  it('suggests the real type for a slip, as an error', () => {
    const [f] = found(sinks('envoy.config.metrics.v3.StatsdSnk'));
    expect(f).toMatchObject({ severity: 'error', line: 5 });
    expect(f!.message).toContain('Did you mean `type.googleapis.com/envoy.config.metrics.v3.StatsdSink`?');
  });
  it('accepts a real Envoy type outside the checked part and an unknown one, noting each as not checked', () => {
    const real = found(sinks('envoy.config.metrics.v3.StatsdSink'));
    expect(real.map((f) => f.severity)).toEqual(['info']);
    expect(real[0]!.message).toContain('Envoy API type whose fields the validator does not carry');
    const unknown = found(sinks('com.example.metrics.MySink'));
    expect(unknown.map((f) => f.severity)).toEqual(['info']);
    expect(unknown[0]!.message).toContain('not an Envoy API type the validator knows');
  });
});
