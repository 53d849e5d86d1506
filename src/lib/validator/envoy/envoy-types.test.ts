// envoy-types.json lists every top-level message of the Envoy API (the .proto files that
// @grpc/grpc-js-xds ships), so `@type` URLs can be told apart: a real type the validator does not
// look into, or a slip of the pen. This test regenerates the list from the installed protos and
// compares; run it with UPDATE_ENVOY_TYPES=1 to rewrite the file after updating that package.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearType } from './check.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const PROTOS = join(ROOT, 'node_modules/@grpc/grpc-js-xds/deps/envoy-api');
const OUT = join(import.meta.dirname, 'envoy-types.json');

function protoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? protoFiles(p) : p.endsWith('.proto') ? [p] : [];
  });
}

function generate(): string {
  const packages: Record<string, string[]> = {};
  for (const file of protoFiles(PROTOS)) {
    const text = readFileSync(file, 'utf8');
    const pkg = /^package ([\w.]+);/m.exec(text)?.[1];
    if (!pkg) continue;
    for (const m of text.matchAll(/^message (\w+)/gm)) (packages[pkg] ??= []).push(m[1]!);
  }
  const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/@grpc/grpc-js-xds/package.json'), 'utf8')).version;
  const sorted = Object.fromEntries(Object.keys(packages).sort().map((k) => [k, [...new Set(packages[k])].sort().join(' ')]));
  return `${JSON.stringify({ source: `@grpc/grpc-js-xds ${version} deps/envoy-api`, packages: sorted })}\n`;
}

describe('envoy-types.json', () => {
  it('lists the top-level messages of the installed Envoy protos', () => {
    const fresh = generate();
    if (process.env.UPDATE_ENVOY_TYPES) writeFileSync(OUT, fresh);
    expect(readFileSync(OUT, 'utf8')).toBe(fresh);
    expect(fresh.length).toBeLessThan(60_000);
  });
  it('maps slips to the real type, and real or far-off names to nothing', () => {
    const tls = 'envoy.extensions.transport_sockets.tls.v3';
    expect(nearType(`${tls}.UpstreamTlsContxt`)).toBe(`${tls}.UpstreamTlsContext`);
    expect(nearType(`${tls}.UpstreamTLSContext`)).toBe(`${tls}.UpstreamTlsContext`);
    expect(nearType('envoy.extensions.transport_socket.tls.v3.UpstreamTlsContext')).toBe(`${tls}.UpstreamTlsContext`);
    expect(nearType('envoy.extensions.filters.listener.tls_inspector.v3.TlsInspectr')).toBe('envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector');
    // Real types one or two letters from another real type are not slips.
    expect(nearType('envoy.config.metrics.v3.StatsdSink')).toBeUndefined();
    expect(nearType('envoy.extensions.upstreams.tcp.v3.TcpProtocolOptions')).toBeUndefined();
    expect(nearType('com.example.filters.MyFilter')).toBeUndefined();
  });
});
