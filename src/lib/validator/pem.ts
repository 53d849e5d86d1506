// A small DER reader for what the secret checks need: certificate validity dates and the
// public key, and the public half of RSA / EC private keys. No node:crypto (runs in browsers).

interface Tlv { tag: number; start: number; end: number; hdr: number }

function readTlv(b: Uint8Array, at: number): Tlv {
  const tag = b[at]!;
  let len = b[at + 1]!;
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[at + 2 + i]!;
    hdr += n;
  }
  const end = at + hdr + len;
  if (end > b.length) throw new Error('truncated');
  return { tag, start: at + hdr, end, hdr };
}

function children(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.start; at < t.end;) {
    const c = readTlv(b, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

const bytes = (b: Uint8Array, t: Tlv) => b.subarray(t.start, t.end);
const hex = (u: Uint8Array) => Array.from(u, (x) => x.toString(16).padStart(2, '0')).join('');
const intHex = (b: Uint8Array, t: Tlv) => hex(bytes(b, t)).replace(/^(00)+/, '');

function time(b: Uint8Array, t: Tlv): number {
  const s = new TextDecoder().decode(bytes(b, t));
  const m = t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new Error('bad time');
  let y = Number(m[1]);
  if (t.tag === 0x17) y += y < 50 ? 2000 : 1900;
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export interface PemBlock { label: string; der: Uint8Array }

export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const m of text.matchAll(re)) {
    try {
      out.push({ label: m[1]!, der: Uint8Array.from(atob(m[2]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0)) });
    } catch {
      out.push({ label: m[1]!, der: new Uint8Array() });
    }
  }
  return out;
}

export interface CertInfo { notBefore: number; notAfter: number; publicKey: string }

/** Validity and a comparable public key of a DER certificate; throws if it does not parse. */
export function parseCert(der: Uint8Array): CertInfo {
  const cert = readTlv(der, 0);
  const tbs = children(der, cert)[0]!;
  let f = children(der, tbs);
  if (f[0]?.tag === 0xa0) f = f.slice(1); // explicit version
  const validity = children(der, f[3]!);
  const spki = f[5]!;
  return { notBefore: time(der, validity[0]!), notAfter: time(der, validity[1]!), publicKey: spkiKey(der, spki) };
}

const RSA_OID = '2a864886f70d010101'; // rsaEncryption
const EC_OID = '2a8648ce3d0201'; // id-ecPublicKey

/** RSA: the modulus; other keys: the raw public key bits. */
function spkiKey(b: Uint8Array, spki: Tlv): string {
  const [alg, bits] = children(b, spki);
  const oid = hex(bytes(b, children(b, alg!)[0]!));
  const raw = bytes(b, bits!).subarray(1); // skip the unused-bits byte
  if (oid === RSA_OID) {
    const seq = readTlv(raw, 0);
    return `rsa:${intHex(raw, children(raw, seq)[0]!)}`;
  }
  return `raw:${hex(raw)}`;
}

/** The public key of a private key in the same form as `parseCert().publicKey`, if derivable. */
export function privateKeyPublic(block: PemBlock): string | undefined {
  const b = block.der;
  const top = readTlv(b, 0);
  const f = children(b, top);
  if (block.label === 'RSA PRIVATE KEY') return `rsa:${intHex(b, f[1]!)}`;
  if (block.label === 'EC PRIVATE KEY') return ecPublic(b, f);
  if (block.label === 'PRIVATE KEY') {
    const oid = hex(bytes(b, children(b, f[1]!)[0]!));
    // Only RSA and EC keys carry a public half we can compare. Ed25519, Ed448, X25519 keys hold a
    // bare OCTET STRING here, not a structure: read the algorithm first and stay quiet on them.
    if (oid !== RSA_OID && oid !== EC_OID) return undefined;
    const inner = bytes(b, f[2]!);
    const innerTop = readTlv(inner, 0);
    const g = children(inner, innerTop);
    if (oid === RSA_OID) return `rsa:${intHex(inner, g[1]!)}`;
    return ecPublic(inner, g);
  }
  return undefined; // other labels (ENCRYPTED PRIVATE KEY, OPENSSH ...): nothing to compare
}

function ecPublic(b: Uint8Array, f: Tlv[]): string | undefined {
  const pub = f.find((t) => t.tag === 0xa1);
  if (!pub) return undefined;
  const bits = children(b, pub)[0]!;
  return `raw:${hex(bytes(b, bits).subarray(1))}`;
}
