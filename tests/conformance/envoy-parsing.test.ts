// Envoy reads its YAML the way protobuf's JSON parser reads JSON, with Envoy's options; Istio's
// CRDs read Durations their own way. What upstream accepts must not be an error, what it rejects
// must be one. Each case names the upstream source that decides it.
//
// How Envoy reads a YAML config: yaml-cpp parses it (booleans y/n, yes/no, on/off, true/false in
// lowercase, UPPERCASE or Capitalized: jbeder/yaml-cpp src/convert.cpp, convert<bool>::decode), it
// becomes a protobuf Struct, then JSON, then protobuf's JsonStringToMessage with
// case_insensitive_enum_parsing = true and unknown fields rejected (envoyproxy/envoy
// source/common/protobuf/yaml_utility.cc, MessageUtil::loadFromYamlNoThrow and loadFromJsonNoThrow;
// read at main, Envoy 1.37 era). protobuf's JsonStringToMessage always sets allow_legacy_syntax
// (protocolbuffers/protobuf src/google/protobuf/json/json.cc, protobuf v22 and later), and the
// parser (src/google/protobuf/json/internal/parser.cc) then takes one element in place of a
// repeated field (ParseField), flattens a list inside a list (ParseArray), reads an enum name
// case-insensitively or as its number (ParseEnumFromStr, descriptor_traits.h EnumNumberByName),
// and reads a Duration only as "<seconds>[.<up to 9 digits>]s" (ParseDuration).
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lib/validator/index.ts';

const run = (text: string, lang: 'en' | 'ko' = 'en') => lint([{ name: 'envoy.yaml', text }], { lang }).findings;
const errors = (text: string) => run(text).filter((f) => f.severity === 'error');

/** A static cluster; `extra` lines go into the cluster, indented by four spaces. */
const cluster = (extra: string, lb = 'ROUND_ROBIN', type = 'STRICT_DNS', timeout = '0.25s') => `static_resources:
  clusters:
  - name: backend
    type: ${type}
    lb_policy: ${lb}
    connect_timeout: ${timeout}
${extra}    load_assignment:
      cluster_name: backend
      endpoints:
      - lb_endpoints:
        - endpoint:
            address:
              socket_address: {address: backend.internal, port_value: 8080}
`;
const listener = (filters: string) => `static_resources:
  listeners:
  - name: in
    address:
      socket_address: {address: 0.0.0.0, port_value: 10000}
    filter_chains:
    - filters:
${filters}`;
const tcpProxy = `      - name: envoy.filters.network.tcp_proxy
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
          stat_prefix: in
          cluster: backend
`;

describe('Envoy accepts (no error)', () => {
  it('enum names in any case (yaml_utility.cc: case_insensitive_enum_parsing = true)', () => {
    expect(errors(cluster('', 'round_robin', 'strict_dns'))).toEqual([]);
    expect(errors(cluster('', 'Least_Request', 'Logical_DNS'))).toEqual([]);
  });
  it('an enum by its number, bare or quoted (parser.cc ParseEnum, ParseEnumFromStr)', () => {
    expect(errors(cluster('', '0', '1'))).toEqual([]);
    expect(errors(cluster('', '"0"'))).toEqual([]);
  });
  it('one element in place of a repeated field (json.cc allow_legacy_syntax; parser.cc ParseField)', () => {
    const one = listener(tcpProxy).replace('    - filters:\n      - name:', '    - filters:\n        name:')
      .replace(/\n {8}typed_config:/, '\n        typed_config:');
    expect(one).toContain('filters:\n        name:');
    expect(errors(one)).toEqual([]);
  });
  it('a list inside a repeated field, flattened (parser.cc ParseArray)', () => {
    const nested = listener(tcpProxy.replace(/^ {6}- name/m, '      - - name').replace(/^ {8}/gm, '          '));
    expect(errors(nested)).toEqual([]);
  });
  it('yaml-cpp booleans yes/no/on/off for a bool field (yaml-cpp convert.cpp)', () => {
    expect(errors(cluster('    respect_dns_ttl: yes\n'))).toEqual([]);
    expect(errors(cluster('    respect_dns_ttl: Off\n'))).toEqual([]);
  });
  it('a Duration in the protobuf form, fractions included (parser.cc ParseDuration)', () => {
    for (const d of ['0.5s', '5s', '0.000000001s', '3600s']) expect(errors(cluster('', 'ROUND_ROBIN', 'STRICT_DNS', d))).toEqual([]);
  });
  it('a typed_config type outside the validator\'s protos is an info, not an error', () => {
    const found = run(listener(`      - name: custom
        typed_config:
          "@type": type.googleapis.com/com.example.filters.Custom
          anything: goes
${tcpProxy}`));
    expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(found.filter((f) => f.rule === 'envoy-schema' && f.severity === 'info')).toHaveLength(1);
  });
});

describe('Envoy rejects (error)', () => {
  it('an unknown field (yaml_utility.cc: ignore_unknown_fields = false, then onUnknownField)', () => {
    const [f] = errors(cluster('    conect_timeout: 1s\n'));
    expect(f).toMatchObject({ rule: 'envoy-schema', line: 7 });
    expect(f!.message).toContain('`connect_timeout`');
  });
  it('an enum name that is not one in any case (EnumNumberByName: unknown enum value)', () => {
    const [f] = errors(cluster('', 'round_robbin'));
    expect(f).toMatchObject({ rule: 'envoy-schema', line: 5 });
    expect(f!.message).toContain('ROUND_ROBIN');
  });
  it('a Duration not in the protobuf form: 500ms, 1m, a bare number (parser.cc ParseDuration)', () => {
    for (const [d, fix] of [['500ms', '0.5s'], ['1m', '60s'], ['5', '5s'], ['"5"', '5s'], ['.5s', '0.5s'], ['soon', '30s']] as const) {
      const found = errors(cluster('', 'ROUND_ROBIN', 'STRICT_DNS', d));
      expect(found.map((f) => [f.rule, f.line])).toEqual([['duration-unit', 6]]);
      expect(found[0]!.message).toContain(`\`connect_timeout: ${fix}\``);
      expect(found[0]!.message).toContain('`0.5s`');
    }
    expect(run(cluster('', 'ROUND_ROBIN', 'STRICT_DNS', '500ms'), 'ko').find((f) => f.rule === 'duration-unit')!.message).toMatch(/protobuf JSON 형식/);
  });
  it('a wrong type: text for an integer, a list for a message, a quoted "maybe" for a bool', () => {
    expect(errors(cluster('    per_connection_buffer_limit_bytes: lots\n')).map((f) => f.rule)).toEqual(['envoy-schema']);
    expect(errors(cluster('    respect_dns_ttl: maybe\n')).map((f) => f.rule)).toEqual(['envoy-schema']);
    expect(errors(cluster('    upstream_connection_options: [1, 2]\n')).map((f) => f.rule)).toEqual(['envoy-schema']);
  });
});

// Istio: the CRD declares each Duration `type: string` validated by the CEL rule
// `duration(self) >= duration('1ms')` (istio/istio 1.30.3 manifests/charts/base/files/
// crd-all.gen.yaml, e.g. DestinationRule …tcp.connectTimeout); CEL's duration() reads Go
// durations (time.ParseDuration): a unit on every number, ns/us/ms/s/m/h.
describe('Istio Durations (CRD CEL rule)', () => {
  const dr = (v: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: d
spec:
  host: backend.shop.svc.cluster.local
  trafficPolicy:
    connectionPool:
      tcp:
        connectTimeout: ${v}
`;
  const dur = (v: string) => run(dr(v)).filter((f) => f.rule === 'duration-unit' || f.rule === 'schema');
  it('accepts what Istio accepts: 500ms, 1m, 1h, 1h30m, 1.5s', () => {
    for (const v of ['500ms', '1m', '1h', '1h30m', '1.5s', '"10s"']) expect(dur(v)).toEqual([]);
  });
  it('rejects a bare number, quoted or not, and says a unit is needed', () => {
    for (const v of ['5', '300', '"300"']) {
      const found = dur(v);
      expect(found.map((f) => [f.rule, f.severity, f.line])).toEqual([['duration-unit', 'error', 10]]);
      expect(found[0]!.message).toMatch(/ms, s, m, h/);
    }
  });
  it('rejects a duration under the CRD minimum of 1ms', () => {
    const found = dur('500us');
    expect(found.map((f) => f.rule)).toEqual(['duration-unit']);
    expect(found[0]!.message).toContain('1ms');
  });
  it('rejects a value that is not a duration at all', () => {
    expect(dur('soon').map((f) => f.rule)).toEqual(['duration-unit']);
  });
});
