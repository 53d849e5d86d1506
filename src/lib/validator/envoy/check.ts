// Structural check of Envoy YAML against the generated API shapes (envoy-schema.json).
import schema from './envoy-schema.json' with { type: 'json' };
import types from './envoy-types.json' with { type: 'json' };
import type { Path } from '../types.ts';
import { didYouMean, distance, isObj } from '../util.ts';
import { durationFix } from '../rules/duration-unit.ts';

const S = schema as { messages: Record<string, Record<string, string>>; oneofs: Record<string, string[][]>; enums: Record<string, string[]> };

export type EnvoyIssue =
  | { path: Path; kind: 'unknown'; field: string; type: string; hint?: string }
  | { path: Path; kind: 'type'; expected: string; type: string }
  | { path: Path; kind: 'enum'; value: string; hint?: string; allowed: string[] }
  | { path: Path; kind: 'oneof'; fields: string[] }
  | { path: Path; kind: 'duration'; field: string; value: unknown; fix: string }
  | { path: Path; kind: 'any'; }
  /** An `@type` the validator does not know: `hint` when it is one slip away from a known type. */
  | { path: Path; kind: 'anytype'; type: string; hint?: string }
  /** A real Envoy API type whose fields the bundled schema does not carry: not checked. */
  | { path: Path; kind: 'unchecked'; type: string };

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const short = (t: string) => t.split('.').pop() ?? t;
const INT = /^(int32|uint32|int64|uint64|sint32|sint64|fixed32|fixed64|sfixed32|sfixed64)$/;
const isInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));

export const hasEnvoyType = (t: string) => t in S.messages;
const enumName = (v: string, names: string[]) => names.includes(v) || names.some((n) => n.toLowerCase() === v.toLowerCase());
// Envoy reads YAML with yaml-cpp (source/common/protobuf/yaml_utility.cc, parseYamlNode), whose
// booleans are y/n, yes/no, on/off and true/false in lowercase, UPPERCASE or Capitalized
// (yaml-cpp src/convert.cpp, IsFlexibleCase); the `yaml` package here reads most as strings.
const isBool = (v: unknown) => typeof v === 'boolean' ||
  (typeof v === 'string' && /^(y|n|yes|no|on|off|true|false)$/i.test(v) && /^([a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(v));
// proto3 JSON: a float or double may be a number, a numeric string, "NaN", "Infinity" or "-Infinity".
const isNumber = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && (/^(NaN|-?Infinity)$/.test(v) || (v.trim() === v && v !== '' && Number.isFinite(Number(v)))));

/** Validate `value` as Envoy message type `type`; issues go to `out`. Depth-bounded. */
export function checkEnvoy(value: unknown, type: string, path: Path, out: EnvoyIssue[], depth = 0): void {
  if (depth > 64 || value === null || value === undefined) return;
  const wkt = type.startsWith('google.protobuf.') ? type.slice(16) : undefined;
  if (wkt) {
    if (wkt === 'Duration') {
      const fix = durationFix(value, 'envoy');
      if (fix) out.push({ path, kind: 'duration', field: String(path[path.length - 1] ?? ''), value, fix });
    } else if (wkt === 'Any') checkAny(value, path, out, depth);
    else if (wkt === 'BoolValue' && !isBool(value)) out.push({ path, kind: 'type', expected: 'bool', type });
    else if (/^U?Int(32|64)Value$/.test(wkt) && !isInt(value)) out.push({ path, kind: 'type', expected: 'integer', type });
    else if (/^(Double|Float)Value$/.test(wkt) && !isNumber(value)) out.push({ path, kind: 'type', expected: 'number', type });
    else if (wkt === 'StringValue' && typeof value !== 'string') out.push({ path, kind: 'type', expected: 'string', type });
    return;
  }
  const values = S.enums[type];
  if (values) {
    // Envoy parses enum names case-insensitively (`round_robin` is ROUND_ROBIN), and protobuf takes
    // an enum's number, quoted or not.
    if (typeof value === 'string' && !enumName(value, values) && !isInt(value)) out.push({ path, kind: 'enum', value, hint: didYouMean(value, values), allowed: values });
    else if (typeof value !== 'string' && !isInt(value)) out.push({ path, kind: 'type', expected: 'enum', type });
    return;
  }
  const fields = S.messages[type];
  if (!fields) {
    if (type === 'string' || type === 'bytes') { if (typeof value !== 'string') out.push({ path, kind: 'type', expected: 'string', type }); }
    else if (type === 'bool') { if (!isBool(value)) out.push({ path, kind: 'type', expected: 'bool', type }); }
    else if (INT.test(type)) { if (!isInt(value)) out.push({ path, kind: 'type', expected: 'integer', type }); }
    else if (type === 'double' || type === 'float') { if (!isNumber(value)) out.push({ path, kind: 'type', expected: 'number', type }); }
    return;
  }
  if (!isObj(value)) { out.push({ path, kind: 'type', expected: 'object', type }); return; }
  const present: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const name = key in fields ? key : snake(key);
    const ft = fields[name];
    if (ft === undefined) {
      if (key === '@type') continue;
      out.push({ path: [...path, key], kind: 'unknown', field: key, type, hint: didYouMean(key, Object.keys(fields)) });
      continue;
    }
    present.push(name);
    if (ft.startsWith('[]')) {
      // protobuf's JSON parser, in the legacy mode Envoy gets, takes one element in place of a
      // list and flattens a list inside a list (json/internal/parser.cc, ParseField/ParseArray).
      if (!Array.isArray(v)) { checkEnvoy(v, ft.slice(2), [...path, key], out, depth + 1); continue; }
      const each = (list: unknown[], at: Path, d: number): void => list.forEach((x, i) => {
        if (Array.isArray(x) && d < 8) each(x, [...at, i], d + 1);
        else checkEnvoy(x, ft.slice(2), [...at, i], out, depth + 1);
      });
      each(v, [...path, key], 0);
    } else if (ft.startsWith('{}')) {
      if (!isObj(v)) { if (v !== null) out.push({ path: [...path, key], kind: 'type', expected: 'object', type: ft.slice(2) }); continue; }
      for (const [mk, mv] of Object.entries(v)) checkEnvoy(mv, ft.slice(2), [...path, key, mk], out, depth + 1);
    } else checkEnvoy(v, ft, [...path, key], out, depth + 1);
  }
  for (const group of S.oneofs[type] ?? []) {
    const set = group.filter((f) => present.includes(f));
    if (set.length > 1) out.push({ path, kind: 'oneof', fields: set });
  }
}

function checkAny(value: unknown, path: Path, out: EnvoyIssue[], depth: number) {
  if (!isObj(value)) { out.push({ path, kind: 'type', expected: 'object', type: 'google.protobuf.Any' }); return; }
  const url = value['@type'];
  if (typeof url !== 'string') { out.push({ path, kind: 'any' }); return; }
  const t = url.slice(url.lastIndexOf('/') + 1);
  if (S.messages[t]) { checkEnvoy(value, t, path, out, depth + 1); return; }
  // Wrappers whose content is free-form or checked elsewhere.
  if (/^(google\.protobuf|udpa\.type\.v1|xds\.type\.v3)\./.test(t)) return;
  // The structure is checked for part of the API only. A real Envoy type outside that part is
  // fine (its content is not checked); anything else is a slip of a real type, or unknown.
  if (isEnvoyType(t)) { out.push({ path: [...path, '@type'], kind: 'unchecked', type: t }); return; }
  out.push({ path: [...path, '@type'], kind: 'anytype', type: t, hint: nearType(t) });
}

let packages: Map<string, string[]> | undefined;
/** Every top-level message of the Envoy API by package (envoy-types.json). */
function byPackage(): Map<string, string[]> {
  packages ??= new Map(Object.entries((types as { packages: Record<string, string> }).packages).map(([p, names]) => [p, names.split(' ')]));
  return packages;
}

export function isEnvoyType(t: string): boolean {
  const dot = t.lastIndexOf('.');
  return byPackage().get(t.slice(0, dot))?.includes(t.slice(dot + 1)) ?? false;
}

/** A slip: case only, or one or two edits in a name long enough that two is still a slip. */
const slip = (a: string, b: string) => {
  const d = distance(a.toLowerCase(), b.toLowerCase(), 2);
  return d <= Math.min(2, Math.max(1, Math.floor(a.length / 8)));
};

/**
 * The Envoy type a misspelled type name stands for: same package and a slip in the message name
 * (`…tls.v3.UpstreamTlsContxt`), or a slip in the package and the same message name
 * (`…transport_socket.tls.v3.UpstreamTlsContext`, `…tls.v2.UpstreamTlsContext`).
 */
export function nearType(t: string): string | undefined {
  if (isEnvoyType(t)) return undefined;
  const dot = t.lastIndexOf('.');
  const pkg = t.slice(0, dot), short = t.slice(dot + 1);
  const pk = byPackage();
  const same = pk.get(pkg);
  if (same) {
    const m = same.find((n) => slip(short, n));
    return m ? `${pkg}.${m}` : undefined;
  }
  for (const [p, names] of pk) {
    if (!slip(pkg, p)) continue;
    const m = names.find((n) => n === short) ?? names.find((n) => slip(short, n));
    if (m) return `${p}.${m}`;
  }
  return undefined;
}

export const typeLabel = short;
