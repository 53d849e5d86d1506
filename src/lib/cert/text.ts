import type { Lang } from './types.ts';

export interface Text { ko: string; en: string }

/** Picks the language and fills `{name}` placeholders. */
export function say(lang: Lang, t: Text, values: Record<string, string | number> = {}): string {
  return t[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: ArrayBuffer | Uint8Array, sep = ''): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const out = new Array<string>(b.length);
  for (let i = 0; i < b.length; i++) out[i] = HEX[b[i]!]!;
  return out.join(sep);
}

/** Strict base64 (standard or URL alphabet, whitespace ignored); undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!clean || clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  try {
    const bin = atob(clean.padEnd(clean.length + ((4 - (clean.length % 4)) % 4), '='));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** UTF-8 text of decoded bytes when they look like text (a base64-wrapped PEM), else undefined. */
export function asText(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 512);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(latin1(head))) return undefined;
  return new TextDecoder().decode(bytes);
}
