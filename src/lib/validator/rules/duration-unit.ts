import type { Path, Rule } from '../types.ts';
import { isObj } from '../util.ts';
import { ISTIO_GROUPS } from '../istio-schema.ts';

// Istio fields of type google.protobuf.Duration, as `nearest parent key.field`: every field that
// Istio 1.30.3's crd-all.gen.yaml validates with `duration(self) >= duration('1ms')`, and
// `httpCookie.ttl` (a Duration without that rule: 0s is a valid session-cookie TTL).
const ISTIO_DURATIONS = new Set([
  'tcp.connectTimeout', 'tcp.maxConnectionDuration', 'tcp.idleTimeout', 'tcpKeepalive.time', 'tcpKeepalive.interval',
  'http.idleTimeout', 'outlierDetection.interval', 'outlierDetection.baseEjectionTime',
  'loadBalancer.warmupDurationSecs', 'warmup.duration', 'http.timeout', 'retries.perTryTimeout', 'retries.backoff',
  'delay.fixedDelay', 'delay.exponentialDelay', 'corsPolicy.maxAge', 'jwtRules.timeout', 'metrics.reportingInterval',
  'httpCookie.ttl',
]);
const NO_MINIMUM = new Set(['httpCookie.ttl']);

const fieldKey = (path: Path) => {
  const key = path[path.length - 1];
  const parent = [...path.slice(0, -1)].reverse().find((p) => typeof p === 'string');
  return `${parent}.${String(key)}`;
};

/** Is this path of an Istio resource a Duration field? */
export function isIstioDurationPath(path: Path): boolean {
  return typeof path[path.length - 1] === 'string' && ISTIO_DURATIONS.has(fieldKey(path));
}

/**
 * Istio: the CRD declares these fields `type: string` checked by the CEL `duration()` function,
 * which reads Go durations (time.ParseDuration): numbers each with a unit ns, us, µs, ms, s, m, h,
 * as in `500ms`, `1.5s`, `1h30m`; a bare `0` too. A bare number such as `5` or `300` is rejected.
 */
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
/**
 * Envoy: YAML becomes JSON and then protobuf's JSON parser reads a Duration as a string of whole
 * seconds, an optional fraction of up to 9 digits and one `s` (protobuf
 * src/google/protobuf/json/internal/parser.cc, ParseDuration): `0.5s`; not `500ms`, `1m` or `5`.
 */
const PROTO_DURATION = /^-?\d+(\.\d{1,9})?s$/;

const UNIT_S: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
/** Seconds in a Go duration string, or undefined when it is not one. */
export function goSeconds(v: string): number | undefined {
  if (v === '0') return 0;
  if (!GO_DURATION.test(v)) return undefined;
  let total = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * UNIT_S[m[2]!]!;
  return v.startsWith('-') ? -total : total;
}

/** The corrected value when `v` is not a valid duration, else undefined. */
export function durationFix(v: unknown, flavour: 'istio' | 'envoy'): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}s`;
  if (typeof v !== 'string') return undefined;
  if (flavour === 'istio' ? goSeconds(v) !== undefined : PROTO_DURATION.test(v)) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return `${v.trim()}s`;
  const secs = goSeconds(v.trim());
  if (flavour === 'envoy' && secs !== undefined) return `${Number(secs.toFixed(9))}s`;
  return '30s'; // unreadable value: suggest the shape, not a guess at the number
}

const ISTIO_FORM = {
  ko: 'Istio의 Duration은 숫자마다 단위(ms, s, m, h)를 붙인 문자열이다(`500ms`, `5s`, `1m`, `1h`).',
  en: 'Istio reads a Duration as a string with a unit on each number (ms, s, m, h): `500ms`, `5s`, `1m`, `1h`.',
};
const ENVOY_FORM = {
  ko: 'Envoy의 YAML/JSON 설정은 Duration을 protobuf JSON 형식, 즉 초 단위 숫자에 `s` 하나를 붙인 문자열로만 받는다(`0.5s`, `60s`). `500ms`, `1m`, 단위 없는 숫자는 거부한다.',
  en: 'Envoy\'s YAML/JSON config takes a Duration only in protobuf\'s JSON form, seconds with one `s` suffix (`0.5s`, `60s`); `500ms`, `1m` and bare numbers are rejected.',
};

export function durationMessage(key: string, value: unknown, fix: string, flavour: 'istio' | 'envoy') {
  const shown = JSON.stringify(value);
  if (flavour === 'envoy') {
    return { ko: `\`${key}: ${shown}\`는 Envoy가 거부하는 Duration 값이다. ${ENVOY_FORM.ko} \`${key}: ${fix}\`로 쓰자.`,
      en: `\`${key}: ${shown}\` is a Duration value Envoy rejects. ${ENVOY_FORM.en} Write \`${key}: ${fix}\`.` };
  }
  if (typeof value === 'string') {
    // Already a string (the CRD's type): what is wrong is the missing unit, or the whole shape.
    return /^\s*\d+(\.\d+)?\s*$/.test(value)
      ? { ko: `\`${key}: ${shown}\`는 Duration 필드인데 숫자에 단위가 없어 Istio가 리소스를 거부한다. ${ISTIO_FORM.ko} \`${key}: ${fix}\`처럼 쓰자.`,
          en: `\`${key}: ${shown}\` is a Duration field whose number has no unit, so Istio rejects the resource. ${ISTIO_FORM.en} Write \`${key}: ${fix}\`.` }
      : { ko: `\`${key}: ${shown}\`는 Duration으로 읽을 수 없는 값이라 Istio가 리소스를 거부한다. ${ISTIO_FORM.ko} \`${key}: ${fix}\`처럼 쓰자.`,
          en: `\`${key}: ${shown}\` cannot be read as a Duration, so Istio rejects the resource. ${ISTIO_FORM.en} For example \`${key}: ${fix}\`.` };
  }
  return { ko: `\`${key}: ${shown}\`는 Duration 필드인데 단위 없는 숫자라 Istio가 거부한다(\`must be of type string\`). ${ISTIO_FORM.ko} \`${key}: ${fix}\`처럼 쓰자.`,
    en: `\`${key}: ${shown}\` is a Duration field holding a bare number, which Istio rejects (\`must be of type string\`). ${ISTIO_FORM.en} Write \`${key}: ${fix}\`.` };
}

const belowMinimum = (key: string, value: string) => ({
  ko: `\`${key}: ${value}\`는 1ms보다 짧아 Istio CRD 검증(\`must be a valid duration greater than 1ms\`)이 리소스를 거부한다. 1ms 이상으로 쓰자.`,
  en: `\`${key}: ${value}\` is shorter than 1ms, so Istio's CRD validation (\`must be a valid duration greater than 1ms\`) rejects the resource. Use 1ms or more.`,
});

export const rule: Rule = {
  id: 'duration-unit',
  severity: 'error',
  title: { ko: '단위 없는 Duration 값', en: 'Duration without a unit' },
  summary: {
    ko: '`tcpKeepalive.time`, `connectTimeout`, `idleTimeout` 같은 Duration 필드에 `300`처럼 숫자만 썼거나 읽을 수 없는 값을 쓴 경우다. Istio CRD 검증이 리소스 전체를 거부하므로 설정이 아예 적용되지 않는다. Istio에서는 `500ms`, `300s`, `5m`, `1h`처럼 숫자마다 단위(ms, s, m, h)를 붙이고, 1ms 이상이어야 한다. Envoy 설정은 규칙이 다르다. protobuf JSON 형식이라 초 단위 숫자에 `s` 하나만 붙인다(`0.5s`, `300s`). Envoy는 `500ms`, `5m`, 단위 없는 숫자를 거부한다.',
    en: 'A Duration field such as `tcpKeepalive.time`, `connectTimeout` or `idleTimeout` holds a bare number like `300`, or a value that is not a duration. Istio\'s CRD validation rejects the whole resource, so none of it is applied. In Istio, put a unit on each number (ms, s, m, h): `500ms`, `300s`, `5m`, `1h`, and at least 1ms. Envoy configs differ: they use protobuf\'s JSON form, seconds with one `s` suffix (`0.5s`, `300s`); Envoy rejects `500ms`, `5m` and bare numbers.',
  },
  docs: 'egress/connection-tuning/',
  check(ctx) {
    for (const r of ctx.resources) {
      if (!ISTIO_GROUPS.includes(r.group)) continue;
      const walk = (v: unknown, path: Path) => {
        if (Array.isArray(v)) { v.forEach((x, i) => walk(x, [...path, i])); return; }
        if (!isObj(v)) return;
        for (const [k, x] of Object.entries(v)) {
          const p = [...path, k];
          if (isIstioDurationPath(p) && (typeof x === 'number' || typeof x === 'string')) {
            const fix = durationFix(x, 'istio');
            const secs = typeof x === 'string' ? goSeconds(x) : undefined;
            if (fix) ctx.report({ rule: 'duration-unit', at: r, path: p, on: 'value', msg: durationMessage(k, x, fix, 'istio') });
            else if (secs !== undefined && secs < 0.001 && !NO_MINIMUM.has(fieldKey(p))) ctx.report({ rule: 'duration-unit', at: r, path: p, on: 'value', msg: belowMinimum(k, String(x)) });
          } else walk(x, p);
        }
      };
      walk(r.spec, ['spec']);
    }
  },
};
