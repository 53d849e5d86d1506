// The public half of a private key, to compare with a certificate's key. Only the public part
// leaves this function; the key itself is never stored, shown or sent anywhere.
// PKCS#1 (`RSA PRIVATE KEY`) and SEC1 (`EC PRIVATE KEY`) are read with @peculiar/asn1-rsa and
// asn1-ecc; PKCS#8 (`PRIVATE KEY`) goes through WebCrypto's own import and JWK export.
import './x509.ts';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ECPrivateKey } from '@peculiar/asn1-ecc';
import { RSAPrivateKey } from '@peculiar/asn1-rsa';
import { keyFromSpki, unsignedHex, type KeyInfo } from './describe.ts';
import { fromBase64, toHex } from './text.ts';

const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };
const EC_OIDS: Record<string, string> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };

const b64urlHex = (s: string) => toHex(fromBase64(s) ?? new Uint8Array());
const rsaId = (nHex: string, eHex: string) => `rsa:${nHex.replace(/^(00)+/, '')}:${eHex.replace(/^(00)+(?=.)/, '')}`;

function rsaBits(nHex: string): number {
  const n = nHex.replace(/^0+/, '');
  return (n.length - 1) * 4 + Math.floor(Math.log2(parseInt(n[0]!, 16))) + 1;
}

const PKCS8_ALGS: (AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams)[] = [
  { name: 'ECDSA', namedCurve: 'P-256' },
  { name: 'ECDSA', namedCurve: 'P-384' },
  { name: 'ECDSA', namedCurve: 'P-521' },
  { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  { name: 'RSA-PSS', hash: 'SHA-256' },
  { name: 'Ed25519' },
];

/** Key info of the public half, or undefined when the key cannot be read here (a curve WebCrypto lacks). */
export async function publicOfPrivate(label: string, der: Uint8Array): Promise<KeyInfo | undefined> {
  try {
    if (label === 'RSA PRIVATE KEY') {
      const k = AsnConvert.parse(der, RSAPrivateKey);
      const n = unsignedHex(k.modulus);
      return { type: 'RSA', bits: rsaBits(n), publicId: rsaId(n, unsignedHex(k.publicExponent)) };
    }
    if (label === 'EC PRIVATE KEY') {
      const k = AsnConvert.parse(der, ECPrivateKey);
      if (!k.publicKey) return undefined;
      const curve = EC_OIDS[k.parameters?.namedCurve ?? ''] ?? 'unknown';
      return { type: 'EC', bits: CURVE_BITS[curve] ?? 0, curve, publicId: `ec:${toHex(k.publicKey)}` };
    }
    if (label === 'PUBLIC KEY') return keyFromSpki(der.slice().buffer);
  } catch {
    return undefined;
  }
  for (const alg of PKCS8_ALGS) {
    let key: CryptoKey;
    try {
      key = await crypto.subtle.importKey('pkcs8', der.slice(), alg, true, ['sign']);
    } catch {
      continue;
    }
    const jwk = await crypto.subtle.exportKey('jwk', key);
    if (jwk.kty === 'RSA') {
      const n = b64urlHex(jwk.n!);
      return { type: 'RSA', bits: rsaBits(n), publicId: rsaId(n, b64urlHex(jwk.e!)) };
    }
    if (jwk.kty === 'EC') return { type: 'EC', bits: CURVE_BITS[jwk.crv!] ?? 0, curve: jwk.crv!, publicId: `ec:04${b64urlHex(jwk.x!)}${b64urlHex(jwk.y!)}` };
    if (jwk.kty === 'OKP') return { type: 'Ed25519', bits: 256, publicId: `ed25519:${b64urlHex(jwk.x!)}` };
  }
  return undefined;
}
