// Shareable links: the input travels in the URL fragment, which browsers never send to a server.
// YAML is deflate-compressed and base64url-encoded (`#yaml=…`); decoder text is percent-encoded
// (`#q=…`) so that people can write such links by hand.

/** Decompressed text larger than this is refused: a crafted link must not exhaust memory. */
export const MAX_SHARED_CHARS = 2_000_000;

/** The value of `name` in a fragment such as `#yaml=…&x=1`, percent-decoded; undefined if absent. */
export function fragmentParam(hash: string, name: string): string | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1));
      } catch {
        return part.slice(eq + 1); // a stray `%`: use the text as written
      }
    }
  }
  return undefined;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Text → base64url of its deflate-raw compressed UTF-8 (plain UTF-8 where the browser cannot compress). */
export async function packText(text: string): Promise<string> {
  const utf8 = new TextEncoder().encode(text);
  if (typeof CompressionStream === 'undefined') return toBase64Url(utf8);
  return toBase64Url(await pipe(utf8, new CompressionStream('deflate-raw'), Infinity));
}

export type Unpacked = { ok: true; text: string } | { ok: false; reason: 'invalid' | 'too-large' };

/** The inverse of packText; accepts plain base64url UTF-8 too. Never throws. */
export async function unpackText(packed: string): Promise<Unpacked> {
  const bytes = fromBase64Url(packed);
  if (!bytes) return { ok: false, reason: 'invalid' };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (typeof DecompressionStream !== 'undefined') {
    try {
      const text = decoder.decode(await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SHARED_CHARS * 4));
      return text.length > MAX_SHARED_CHARS ? { ok: false, reason: 'too-large' } : { ok: true, text };
    } catch (e) {
      if ((e as Error).message === 'too large') return { ok: false, reason: 'too-large' };
      // not compressed: fall through to plain UTF-8
    }
  }
  try {
    const text = decoder.decode(bytes);
    return text.length > MAX_SHARED_CHARS ? { ok: false, reason: 'too-large' } : { ok: true, text };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

/** The current page's address with a new fragment. */
export function linkWith(fragment: string): string {
  return `${location.origin}${location.pathname}#${fragment}`;
}
