// Runs the validators that @kubernetes-models/istio generated from Istio's CRDs (and
// @kubernetes-models/gateway-api from the Gateway API types), and finds unknown fields too: the CRD schemas do not forbid extra properties (the API server prunes
// them, or rejects them under kubectl's strict field validation), so we watch which properties
// the generated validator reads. A property of an object the validator inspected but never
// read is not in the schema.
import * as istio from '@kubernetes-models/istio';
import { BackendTLSPolicy } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/BackendTLSPolicy';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { GatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { GRPCRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GRPCRoute';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { ReferenceGrant } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/ReferenceGrant';
import { TLSRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/TLSRoute';
import { TCPRoute as TCPRouteV1a2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/TCPRoute';
import { TLSRoute as TLSRouteV1a2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/TLSRoute';
import { UDPRoute as UDPRouteV1a2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/UDPRoute';
import { BackendTLSPolicy as BackendTLSPolicyV1a3 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha3/BackendTLSPolicy';
import { TLSRoute as TLSRouteV1a3 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha3/TLSRoute';
import { Gateway as GatewayV1b1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/Gateway';
import { GatewayClass as GatewayClassV1b1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/GatewayClass';
import { HTTPRoute as HTTPRouteV1b1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/HTTPRoute';
import { ReferenceGrant as ReferenceGrantV1b1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant';

interface ModelCtor { apiVersion: string; kind: string; prototype: { validate(this: unknown): void } }

/** `group/version` → kind → model. */
const MODELS: Record<string, Record<string, ModelCtor>> = {};
const add = (m: ModelCtor) => { (MODELS[m.apiVersion] ??= {})[m.kind] = m; };

// Every kind of every Istio CRD group, in every version the models carry. @kubernetes-models/istio
// 3.0.1 is generated from Istio 1.29.2's crd-all.gen.yaml; its kinds and versions are exactly
// those Istio 1.30.3 serves (manifests/charts/base/files/crd-all.gen.yaml), except TrafficExtension
// (new in 1.30, see NEWER_KINDS). install.istio.io's IstioOperator is not a CRD of 1.30: left out.
for (const [group, versions] of Object.entries(istio as unknown as Record<string, Record<string, Record<string, ModelCtor>>>)) {
  if (group === 'installIstioIo') continue;
  for (const models of Object.values(versions)) for (const m of Object.values(models)) if (m?.apiVersion && m.kind) add(m);
}
// Gateway API kinds in the versions Gateway API 1.4 and 1.5 serve (standard and experimental
// channels, config/crd/*/gateway.networking.k8s.io_*.yaml at v1.4.1 and v1.5.1), from
// @kubernetes-models/gateway-api 2.0.0, which is generated from the Go API types (TLSRoute v1
// included, so 1.5). Its models lack ListenerSet: see NEWER_KINDS.
for (const m of [Gateway, GatewayV1b1, GatewayClass, GatewayClassV1b1, HTTPRoute, HTTPRouteV1b1, GRPCRoute,
  TLSRoute, TLSRouteV1a2, TLSRouteV1a3, TCPRouteV1a2, UDPRouteV1a2, ReferenceGrant, ReferenceGrantV1b1,
  BackendTLSPolicy, BackendTLSPolicyV1a3] as unknown as ModelCtor[]) add(m);

/** Kinds upstream serves that the models do not carry yet: known, but not schema-checked. */
export const NEWER_KINDS: Record<string, string[]> = {
  // Istio 1.30.3 crd-all.gen.yaml: trafficextensions.extensions.istio.io, served v1alpha1.
  'extensions.istio.io/v1alpha1': ['TrafficExtension'],
  // Gateway API v1.5.1 config/crd/standard/gateway.networking.k8s.io_listenersets.yaml, served v1.
  'gateway.networking.k8s.io/v1': ['ListenerSet'],
};

/**
 * Fields upstream serves that the models of a kind lack, so they are not unknown fields. `*`
 * stands for a list index.
 * - Istio 1.30 added to kinds the models (from 1.29.2) carry: `git diff 1.29.2 1.30.3 --
 *   crd-all.gen.yaml` in istio/istio.
 * - GatewayClass `spec.description` is in the CRD (gateway-api v1.4.1 and v1.5.1,
 *   gateway.networking.k8s.io_gatewayclasses.yaml; GatewayClassSpec.Description), but the
 *   generated model drops a property named `description`. Found on gateway-api's conformance
 *   manifest gatewayclass-observed-generation-bump.yaml.
 */
const NEWER_FIELDS: Record<string, string[]> = {
  AuthorizationPolicy: ['spec.rules.*.from.*.source.trustDomains', 'spec.rules.*.from.*.source.notTrustDomains'],
  Telemetry: ['spec.tracing.*.disableContextPropagation'],
  GatewayClass: ['spec.description'],
};

export const ISTIO_GROUPS = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io'];
export const GATEWAY_API_GROUPS = ['gateway.networking.k8s.io'];
export const CRD_GROUPS = [...ISTIO_GROUPS, ...GATEWAY_API_GROUPS];

const served = () => [...Object.keys(MODELS), ...Object.keys(NEWER_KINDS)];
export const knownVersions = (group: string) => [...new Set(served().filter((k) => k.startsWith(`${group}/`)).map((k) => k.split('/')[1]!))];
export const knownKinds = (group: string) => [...new Set(served().filter((k) => k.startsWith(`${group}/`))
  .flatMap((k) => [...Object.keys(MODELS[k] ?? {}), ...(NEWER_KINDS[k] ?? [])]))];
export const hasModel = (apiVersion: string, kind: string) => !!MODELS[apiVersion]?.[kind];
/** A kind upstream serves in this version, with no model here to check it against. */
export const isNewerKind = (apiVersion: string, kind: string) => NEWER_KINDS[apiVersion]?.includes(kind) ?? false;
/** Versions in which a group serves this kind. */
export const versionsOf = (group: string, kind: string) => knownVersions(group).filter((v) => hasModel(`${group}/${v}`, kind) || isNewerKind(`${group}/${v}`, kind));

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

/**
 * Validate one Istio or Gateway API resource; returns [] when there is no model for its kind.
 * Nothing under `status` is reported: every one of these CRDs has the status subresource, so the
 * API server ignores `status` in what `kubectl apply` sends, and Istio's CRDs mark it
 * x-kubernetes-preserve-unknown-fields besides. A pasted `kubectl get` output carries it as is.
 */
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
      if (path[0] === 'status') continue;
      if (err.keyword === 'type') issues.push({ path, kind: 'type', expected: String(err.params.type), message: err.message ?? '' });
      else if (err.keyword === 'enum') issues.push({ path, kind: 'enum', allowed: (err.params.allowedValues as string[]) ?? [], message: err.message ?? '' });
      else if (err.keyword === 'required') issues.push({ path, kind: 'required', expected: String(err.params.missingProperty), message: err.message ?? '' });
      else if (err.keyword === 'format') issues.push({ path, kind: 'format', expected: String(err.params.format), message: err.message ?? '' });
      else if (['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'].includes(err.keyword)) issues.push({ path, kind: 'range', message: err.message ?? '' });
      else if (err.keyword !== 'oneOf' && err.keyword !== 'not' && err.keyword !== 'anyOf') issues.push({ path, kind: 'other', message: err.message ?? err.keyword });
    }
  }
  const newer = (NEWER_FIELDS[String(obj.kind)] ?? []);
  for (const s of log) {
    // An object the validator never looked into is free-form (Struct, labels...): stay quiet.
    if (s.enumerated || s.accessed.size === 0) continue;
    if (s.path[0] === 'status') continue;
    for (const key of Object.keys(s.target)) {
      if (s.accessed.has(key)) continue;
      const path = [...s.path, key];
      if (path[0] === 'status') continue; // ReferenceGrant has none: the API server drops it, harmlessly
      const pattern = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
      if (newer.includes(pattern)) continue;
      issues.push({ path, kind: 'unknown', known: [...s.accessed], message: 'unknown field' });
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
