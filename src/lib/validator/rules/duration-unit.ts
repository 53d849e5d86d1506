import type { Path, Rule } from '../types.ts';
import { isObj } from '../util.ts';
import { ISTIO_GROUPS } from '../istio-schema.ts';

// Istio fields of type google.protobuf.Duration, as `nearest parent key.field`.
const ISTIO_DURATIONS = new Set([
  'tcp.connectTimeout', 'tcp.maxConnectionDuration', 'tcp.idleTimeout', 'tcpKeepalive.time', 'tcpKeepalive.interval',
  'http.idleTimeout', 'outlierDetection.interval', 'outlierDetection.baseEjectionTime',
  'loadBalancer.warmupDurationSecs', 'warmup.duration', 'httpCookie.ttl',
  'http.timeout', 'retries.perTryTimeout', 'retries.backoff', 'delay.fixedDelay',
]);

/** Is this path of an Istio resource a Duration field? */
export function isIstioDurationPath(path: Path): boolean {
  const key = path[path.length - 1];
  const parent = [...path.slice(0, -1)].reverse().find((p) => typeof p === 'string');
  return typeof key === 'string' && ISTIO_DURATIONS.has(`${parent}.${key}`);
}

const GO_DURATION = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
/** Envoy (proto3 JSON) durations: seconds with an `s` suffix only. */
const PROTO_DURATION = /^-?\d+(\.\d+)?s$/;

/** The corrected value when `v` is not a valid duration, else undefined. */
export function durationFix(v: unknown, flavour: 'istio' | 'envoy'): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}s`;
  if (typeof v !== 'string') return undefined;
  const ok = flavour === 'istio' ? GO_DURATION : PROTO_DURATION;
  if (ok.test(v)) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return `${v.trim()}s`;
  const m = /^(\d+)\s*(ms|s|m|h)$/.exec(v.trim());
  if (flavour === 'envoy' && m) {
    const n = Number(m[1]);
    const secs = m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : m[2] === 'h' ? n * 3600 : n;
    return `${secs}s`;
  }
  return '30s'; // unreadable value: suggest the shape, not a guess at the number
}

export function durationMessage(key: string, value: unknown, fix: string, flavour: 'istio' | 'envoy') {
  const shown = JSON.stringify(value);
  if (flavour === 'istio' && typeof value === 'string') {
    // Already a string (the CRD's type): what is wrong is the missing unit, or the whole shape.
    return /^\s*\d+(\.\d+)?\s*$/.test(value)
      ? { ko: `\`${key}: ${shown}\`는 Duration 필드인데 숫자에 단위가 없다. Istio는 단위 없는 기간을 올바른 Duration으로 보지 않아 리소스를 거부한다. \`${key}: ${fix}\`처럼 단위(s, m, h, ms)를 붙이자.`,
          en: `\`${key}: ${shown}\` is a Duration field whose number has no unit. Istio does not take a duration without a unit as valid and rejects the resource. Add the unit (s, m, h, ms): \`${key}: ${fix}\`.` }
      : { ko: `\`${key}: ${shown}\`는 Duration으로 읽을 수 없는 값이라 Istio가 리소스를 거부한다. \`${key}: ${fix}\`처럼 숫자에 단위(s, m, h, ms)를 붙여 쓰자.`,
          en: `\`${key}: ${shown}\` cannot be read as a Duration, so Istio rejects the resource. Write a number with a unit (s, m, h, ms), such as \`${key}: ${fix}\`.` };
  }
  return flavour === 'istio'
    ? { ko: `\`${key}: ${shown}\`는 Duration 필드인데 단위가 없다. Istio는 단위 없는 값을 거부한다(\`must be of type string\`). \`${key}: ${fix}\`처럼 단위(s, m, h, ms)를 붙인 문자열로 쓰자.`,
        en: `\`${key}: ${shown}\` is a Duration field without a unit. Istio rejects it (\`must be of type string\`). Write a string with a unit (s, m, h, ms): \`${key}: ${fix}\`.` }
    : { ko: `\`${key}: ${shown}\`는 Duration 필드다. Envoy의 YAML/JSON 설정은 초 단위 문자열에 \`s\`를 붙인 형식만 받는다. \`${key}: ${fix}\`로 쓰자.`,
        en: `\`${key}: ${shown}\` is a Duration field. Envoy's YAML/JSON config accepts only seconds with an \`s\` suffix. Write \`${key}: ${fix}\`.` };
}

export const rule: Rule = {
  id: 'duration-unit',
  severity: 'error',
  title: { ko: '단위 없는 Duration 값', en: 'Duration without a unit' },
  summary: {
    ko: '`tcpKeepalive.time`, `connectTimeout`, `idleTimeout` 같은 Duration 필드에 `300`처럼 숫자만 쓴 경우다. Istio CRD 검증이 리소스 전체를 거부하므로 설정이 아예 적용되지 않는다. `300s`, `5m`, `1h`처럼 단위를 붙인 문자열로 쓰자. Envoy 설정은 `300s`처럼 초 단위에 `s`를 붙인 형식만 받는다.',
    en: 'A Duration field such as `tcpKeepalive.time`, `connectTimeout` or `idleTimeout` holds a bare number like `300`. Istio\'s CRD validation rejects the whole resource, so none of it is applied. Write a string with a unit: `300s`, `5m`, `1h`. Envoy configs accept only seconds with an `s` suffix, such as `300s`.',
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
            if (fix) ctx.report({ rule: 'duration-unit', at: r, path: p, on: 'value', msg: durationMessage(k, x, fix, 'istio') });
          } else walk(x, p);
        }
      };
      walk(r.spec, ['spec']);
    }
  },
};
