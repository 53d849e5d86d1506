// Generates src/lib/validator/envoy/envoy-schema.json: the message / field / enum shapes of the
// Envoy v3 API that the validator checks static configs against. Source: the .proto files that
// @grpc/grpc-js-xds ships (deps/envoy-api and its imports), loaded with protobufjs.
// Run: npx tsx scripts/gen-envoy-schema.ts   (the test checks the committed JSON is current)
import { accessSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const deps = join(repo, 'node_modules/@grpc/grpc-js-xds/deps');
const searchDirs = ['envoy-api', 'xds', 'protoc-gen-validate', 'googleapis'].map((d) => join(deps, d))
  .concat(join(repo, 'node_modules/protobufjs'));
export const OUT = join(repo, 'src/lib/validator/envoy/envoy-schema.json');

// The messages a static bootstrap, listener or cluster refers to, plus the typed_config
// extensions the guide's examples use. Everything reachable from these is included.
const PROTO_FILES = [
  'envoy/config/bootstrap/v3/bootstrap.proto',
  'envoy/extensions/transport_sockets/tls/v3/tls.proto',
  'envoy/extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/listener/tls_inspector/v3/tls_inspector.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/access_loggers/stream/v3/stream.proto',
  'envoy/extensions/access_loggers/file/v3/file.proto',
  'envoy/extensions/upstreams/http/v3/http_protocol_options.proto',
];
const ROOTS = [
  'envoy.config.bootstrap.v3.Bootstrap',
  'envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
  'envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext',
  'envoy.extensions.transport_sockets.tls.v3.Secret',
  'envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
  'envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
  'envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector',
  'envoy.extensions.filters.http.router.v3.Router',
  'envoy.extensions.access_loggers.stream.v3.StdoutAccessLog',
  'envoy.extensions.access_loggers.stream.v3.StderrAccessLog',
  'envoy.extensions.access_loggers.file.v3.FileAccessLog',
  'envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
];
// Well-known types the validator understands by name; their insides are not listed.
const WELL_KNOWN = new Set(['Any', 'Duration', 'Timestamp', 'Struct', 'Value', 'ListValue', 'NullValue',
  'Empty', 'FieldMask', 'BoolValue', 'StringValue', 'BytesValue', 'DoubleValue', 'FloatValue',
  'Int32Value', 'Int64Value', 'UInt32Value', 'UInt64Value'].map((n) => `google.protobuf.${n}`));

function fieldType(f: protobuf.Field): string {
  const t = f.resolvedType ? f.resolvedType.fullName.slice(1) : f.type;
  if (f instanceof protobuf.MapField) return `{}${t}`;
  return f.repeated ? `[]${t}` : t;
}

export function generateEnvoySchema(): string {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    for (const dir of searchDirs) {
      const p = join(dir, target);
      try { accessSync(p); return p; } catch { /* try the next directory */ }
    }
    return protobuf.util.path.resolve(origin, target);
  };
  root.loadSync(PROTO_FILES, { keepCase: true });
  root.resolveAll();
  const messages: Record<string, Record<string, string>> = {};
  const oneofs: Record<string, string[][]> = {};
  const enums: Record<string, string[]> = {};
  const visit = (name: string) => {
    if (WELL_KNOWN.has(name) || messages[name] || enums[name]) return;
    const t = root.lookup(name);
    if (t instanceof protobuf.Enum) { enums[name] = Object.keys(t.values); return; }
    if (!(t instanceof protobuf.Type)) throw new Error(`not found: ${name}`);
    const fields: Record<string, string> = {};
    messages[name] = fields;
    for (const f of t.fieldsArray) {
      fields[f.name] = fieldType(f);
      if (f.resolvedType) visit(f.resolvedType.fullName.slice(1));
    }
    // Real oneofs only (proto3 "optional" makes synthetic ones that start with "_").
    const groups = t.oneofsArray.filter((o) => !o.name.startsWith('_') && o.fieldsArray.length > 1)
      .map((o) => o.fieldsArray.map((f) => f.name));
    if (groups.length) oneofs[name] = groups;
  };
  for (const r of ROOTS) visit(r);
  const sortObj = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const pkg = JSON.parse(readFileSync(join(repo, 'node_modules/@grpc/grpc-js-xds/package.json'), 'utf8'));
  return JSON.stringify({
    source: `@grpc/grpc-js-xds ${pkg.version} deps/envoy-api`,
    roots: ROOTS,
    messages: sortObj(messages),
    oneofs: sortObj(oneofs),
    enums: sortObj(enums),
  }) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generateEnvoySchema();
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT} (${text.length} bytes)`);
}
