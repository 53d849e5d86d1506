// Reading proto-JSON either way it is printed: Envoy's /config_dump uses the proto field names
// (`transport_socket`), istioctl proxy-config cluster|listener|secret -o json prints through
// jsonpb without OrigName (istio 1.30.3 pkg/util/protomarshal ToJSONWithOptions), i.e. the
// lowerCamel JSON names (`transportSocket`). Callers always ask with the snake name.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;

const camelCache = new Map<string, string>();
function camel(snake: string): string {
  let c = camelCache.get(snake);
  if (c === undefined) {
    c = snake.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
    camelCache.set(snake, c);
  }
  return c;
}

/** `o[snake]`, else `o[camelCase]`; undefined for non-objects. */
export function g(o: J, snake: string): J {
  if (o === null || typeof o !== 'object') return undefined;
  const v = o[snake];
  return v !== undefined ? v : o[camel(snake)];
}

/** A path of snake names. */
export function gp(o: J, ...path: string[]): J {
  let cur = o;
  for (const p of path) cur = g(cur, p);
  return cur;
}

export const arr = (v: J): J[] => (Array.isArray(v) ? v : []);
export const str = (v: J): string | undefined => (typeof v === 'string' ? v : undefined);

/** proto3 JSON prints uint32 wrappers as numbers and 64-bit ints as strings. */
export function num(v: J): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  if (v && typeof v === 'object' && 'value' in v) return num(v.value);
  return undefined;
}

/** The short type name of an Any / typed_config (`type.googleapis.com/envoy…UpstreamTlsContext`). */
export function typeName(o: J): string {
  const t = str(o?.['@type']) ?? '';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** Snake or camel keys of a top-level dump object, normalised to snake. */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
