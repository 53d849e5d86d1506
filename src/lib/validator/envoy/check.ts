// Structural check of Envoy YAML against the generated API shapes (envoy-schema.json).
import schema from './envoy-schema.json' with { type: 'json' };
import type { Path } from '../types.ts';
import { didYouMean, isObj } from '../util.ts';
import { durationFix } from '../rules/duration-unit.ts';

const S = schema as { messages: Record<string, Record<string, string>>; oneofs: Record<string, string[][]>; enums: Record<string, string[]> };

export type EnvoyIssue =
  | { path: Path; kind: 'unknown'; field: string; type: string; hint?: string }
  | { path: Path; kind: 'type'; expected: string; type: string }
  | { path: Path; kind: 'enum'; value: string; hint?: string; allowed: string[] }
  | { path: Path; kind: 'oneof'; fields: string[] }
  | { path: Path; kind: 'duration'; field: string; value: unknown; fix: string }
  | { path: Path; kind: 'any'; };

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const short = (t: string) => t.split('.').pop() ?? t;
const INT = /^(int32|uint32|int64|uint64|sint32|sint64|fixed32|fixed64|sfixed32|sfixed64)$/;
const isInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));

export const hasEnvoyType = (t: string) => t in S.messages;

/** Validate `value` as Envoy message type `type`; issues go to `out`. Depth-bounded. */
export function checkEnvoy(value: unknown, type: string, path: Path, out: EnvoyIssue[], depth = 0): void {
  if (depth > 64 || value === null || value === undefined) return;
  const wkt = type.startsWith('google.protobuf.') ? type.slice(16) : undefined;
  if (wkt) {
    if (wkt === 'Duration') {
      const fix = durationFix(value, 'envoy');
      if (fix) out.push({ path, kind: 'duration', field: String(path[path.length - 1] ?? ''), value, fix });
    } else if (wkt === 'Any') checkAny(value, path, out, depth);
    else if (wkt === 'BoolValue' && typeof value !== 'boolean') out.push({ path, kind: 'type', expected: 'bool', type });
    else if (/^U?Int(32|64)Value$/.test(wkt) && !isInt(value)) out.push({ path, kind: 'type', expected: 'integer', type });
    else if (/^(Double|Float)Value$/.test(wkt) && typeof value !== 'number') out.push({ path, kind: 'type', expected: 'number', type });
    else if (wkt === 'StringValue' && typeof value !== 'string') out.push({ path, kind: 'type', expected: 'string', type });
    return;
  }
  const values = S.enums[type];
  if (values) {
    if (typeof value === 'string' && !values.includes(value)) out.push({ path, kind: 'enum', value, hint: didYouMean(value, values), allowed: values });
    else if (typeof value !== 'string' && typeof value !== 'number') out.push({ path, kind: 'type', expected: 'enum', type });
    return;
  }
  const fields = S.messages[type];
  if (!fields) {
    if (type === 'string' || type === 'bytes') { if (typeof value !== 'string') out.push({ path, kind: 'type', expected: 'string', type }); }
    else if (type === 'bool') { if (typeof value !== 'boolean') out.push({ path, kind: 'type', expected: 'bool', type }); }
    else if (INT.test(type)) { if (!isInt(value)) out.push({ path, kind: 'type', expected: 'integer', type }); }
    else if (type === 'double' || type === 'float') { if (typeof value !== 'number') out.push({ path, kind: 'type', expected: 'number', type }); }
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
      if (!Array.isArray(v)) { if (v !== null) out.push({ path: [...path, key], kind: 'type', expected: 'list', type: ft.slice(2) }); continue; }
      v.forEach((x, i) => checkEnvoy(x, ft.slice(2), [...path, key, i], out, depth + 1));
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
  // Types outside the generated subset are not judged: the validator only knows part of the API.
  if (S.messages[t]) checkEnvoy(value, t, path, out, depth + 1);
}

export const typeLabel = short;
