// Runs the validators that @kubernetes-models/istio generated from Istio's CRDs, and finds
// unknown fields too: the CRD schemas do not forbid extra properties (the API server prunes
// them, or rejects them under kubectl's strict field validation), so we watch which properties
// the generated validator reads. A property of an object the validator inspected but never
// read is not in the schema.
import { networkingIstioIo, securityIstioIo } from '@kubernetes-models/istio';

interface ModelCtor { prototype: { validate(this: unknown): void } }

const net = networkingIstioIo as unknown as Record<string, Record<string, ModelCtor>>;
const sec = securityIstioIo as unknown as Record<string, Record<string, ModelCtor>>;

/** `group/version` → kind → model, for the kinds this guide is about. */
const MODELS: Record<string, Record<string, ModelCtor>> = {};
for (const v of ['v1', 'v1beta1', 'v1alpha3']) {
  const m = net[v];
  if (!m) continue;
  MODELS[`networking.istio.io/${v}`] = Object.fromEntries(
    ['DestinationRule', 'VirtualService', 'Gateway', 'ServiceEntry', 'Sidecar', 'WorkloadEntry']
      .filter((k) => m[k]).map((k) => [k, m[k]!]));
}
for (const v of ['v1', 'v1beta1']) {
  const m = sec[v];
  if (!m) continue;
  MODELS[`security.istio.io/${v}`] = Object.fromEntries(
    ['PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication'].filter((k) => m[k]).map((k) => [k, m[k]!]));
}

export const ISTIO_GROUPS = ['networking.istio.io', 'security.istio.io'];
export const knownVersions = (group: string) => Object.keys(MODELS).filter((k) => k.startsWith(`${group}/`)).map((k) => k.split('/')[1]!);
export const knownKinds = (group: string) => [...new Set(Object.entries(MODELS).filter(([k]) => k.startsWith(`${group}/`)).flatMap(([, v]) => Object.keys(v)))];
export const hasModel = (apiVersion: string, kind: string) => !!MODELS[apiVersion]?.[kind];

export interface SchemaIssue {
  path: (string | number)[];
  kind: 'type' | 'enum' | 'required' | 'unknown' | 'format' | 'range' | 'other';
  expected?: string;
  allowed?: string[];
  /** For unknown fields: the properties the schema does know at that place. */
  known?: string[];
  message: string;
}

interface Seen { accessed: Set<string>; enumerated: boolean; path: (string | number)[]; target: Record<string, unknown> }

function watch(value: unknown, path: (string | number)[], log: Seen[]): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return new Proxy(value, {
      get(t, k) {
        const v = Reflect.get(t, k);
        return typeof k === 'string' && /^\d+$/.test(k) ? watch(v, [...path, Number(k)], log) : v;
      },
    });
  }
  const seen: Seen = { accessed: new Set(), enumerated: false, path, target: value as Record<string, unknown> };
  log.push(seen);
  const cache = new Map<string, unknown>();
  return new Proxy(value, {
    get(t, k) {
      const v = Reflect.get(t, k);
      if (typeof k !== 'string') return v;
      seen.accessed.add(k);
      if (!cache.has(k)) cache.set(k, watch(v, [...path, k], log));
      return cache.get(k);
    },
    has(t, k) { if (typeof k === 'string') seen.accessed.add(k); return Reflect.has(t, k); },
    ownKeys(t) { seen.enumerated = true; return Reflect.ownKeys(t); },
  });
}

interface AjvError { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }

const decodePointer = (p: string) => p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** Validate one Istio resource; returns [] when the kind is not one we have a schema for. */
export function validateIstio(obj: Record<string, unknown>): SchemaIssue[] {
  const model = MODELS[String(obj.apiVersion)]?.[String(obj.kind)];
  if (!model) return [];
  const log: Seen[] = [];
  const issues: SchemaIssue[] = [];
  try {
    model.prototype.validate.call(watch(obj, [], log));
  } catch (e) {
    const errors = ((e as { errors?: AjvError[] }).errors ?? []);
    for (const err of errors) {
      const path = decodePointer(err.instancePath);
      if (err.keyword === 'type') issues.push({ path, kind: 'type', expected: String(err.params.type), message: err.message ?? '' });
      else if (err.keyword === 'enum') issues.push({ path, kind: 'enum', allowed: (err.params.allowedValues as string[]) ?? [], message: err.message ?? '' });
      else if (err.keyword === 'required') issues.push({ path, kind: 'required', expected: String(err.params.missingProperty), message: err.message ?? '' });
      else if (err.keyword === 'format') issues.push({ path, kind: 'format', expected: String(err.params.format), message: err.message ?? '' });
      else if (['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'].includes(err.keyword)) issues.push({ path, kind: 'range', message: err.message ?? '' });
      else if (err.keyword !== 'oneOf' && err.keyword !== 'not' && err.keyword !== 'anyOf') issues.push({ path, kind: 'other', message: err.message ?? err.keyword });
    }
  }
  for (const s of log) {
    // An object the validator never looked into is free-form (Struct, labels...): stay quiet.
    if (s.enumerated || s.accessed.size === 0) continue;
    for (const key of Object.keys(s.target)) {
      if (!s.accessed.has(key)) issues.push({ path: [...s.path, key], kind: 'unknown', known: [...s.accessed], message: 'unknown field' });
    }
  }
  // oneOf/anyOf branches report the same fault several times, and one bad value can fail several
  // keywords (1.5 for an int32: type and format). Keep one issue per value: the first by RANK.
  const RANK: SchemaIssue['kind'][] = ['unknown', 'required', 'type', 'enum', 'format', 'range', 'other'];
  const best = new Map<string, SchemaIssue>();
  for (const i of issues) {
    const k = `${i.path.join('/')}|${i.kind === 'unknown' ? i.kind : i.kind === 'required' ? `required:${i.expected}` : 'value'}`;
    const prev = best.get(k);
    if (!prev || RANK.indexOf(i.kind) < RANK.indexOf(prev.kind)) best.set(k, i);
  }
  return [...best.values()];
}
