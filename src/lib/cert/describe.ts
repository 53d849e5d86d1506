// One certificate as the inspector shows it: names, dates, SANs, key, signature, constraints,
// usages, key identifiers and fingerprints. Parsing is @peculiar/x509's and @peculiar/asn1-*'s
// (the library's own ASN.1 schemas); this file only names what they return.
import * as x509 from './x509.ts';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier, BasicConstraints, Certificate, ExtendedKeyUsage, KeyUsage, SubjectAlternativeName, SubjectKeyIdentifier, SubjectPublicKeyInfo,
  id_ce_authorityKeyIdentifier, id_ce_basicConstraints, id_ce_extKeyUsage, id_ce_keyUsage, id_ce_subjectAltName, id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { ECParameters } from '@peculiar/asn1-ecc';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { toHex } from './text.ts';
import type { Origin, Role } from './types.ts';

export interface KeyInfo {
  type: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'other';
  bits: number;
  curve?: string;
  /** A comparable form of the public key (modulus, curve point or raw key) in hex. */
  publicId: string;
}

export interface CertInfo {
  index: number;
  role: Role;
  origin: Origin;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  /** Seconds from the inspection time to notAfter (negative once expired). */
  secondsLeft: number;
  sans: { dns: string[]; ip: string[]; uri: string[]; email: string[] };
  spiffe: { id: string; trustDomain: string } | null;
  key: KeyInfo;
  signatureAlgorithm: string;
  /** SHA-1 or MD5 in the signature: rejected by OpenSSL 3 at security level 1 and by Go since 1.18. */
  weakSignature: boolean;
  basicConstraints: { ca: boolean; pathLen: number | null; critical: boolean } | null;
  keyUsage: string[] | null;
  extendedKeyUsage: string[] | null;
  ski: string | null;
  aki: string | null;
  fingerprints: { sha256: string; sha1: string };
  /** Subject equals issuer (self-issued) and the signature verifies with its own key. */
  selfSigned: boolean;
  version: number;
}

const SIG_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};
const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
};
const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};
const KU_NAMES: [number, string][] = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
  [x509.KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [x509.KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

/** Strips leading zero bytes (DER INTEGER sign padding) so moduli compare by value. */
export function unsignedHex(buf: ArrayBuffer | Uint8Array): string {
  const b = new Uint8Array(buf);
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return toHex(b.subarray(i));
}

/** Key type, size and a comparable id from a SubjectPublicKeyInfo (DER, or already parsed). */
export function keyFromSpki(spkiDer: ArrayBuffer | SubjectPublicKeyInfo): KeyInfo {
  const spki = spkiDer instanceof SubjectPublicKeyInfo ? spkiDer : AsnConvert.parse(spkiDer, SubjectPublicKeyInfo);
  const oid = spki.algorithm.algorithm;
  const raw = new Uint8Array(spki.subjectPublicKey);
  if (oid === '1.2.840.113549.1.1.1' || oid === '1.2.840.113549.1.1.10') {
    const rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
    const n = unsignedHex(rsa.modulus);
    const bits = (n.length - 1) * 4 + Math.floor(Math.log2(parseInt(n[0]!, 16))) + 1;
    return { type: 'RSA', bits, publicId: `rsa:${n}:${unsignedHex(rsa.publicExponent)}` };
  }
  if (oid === '1.2.840.10045.2.1') {
    const params = spki.algorithm.parameters ? AsnConvert.parse(spki.algorithm.parameters, ECParameters) : undefined;
    const curve = CURVES[params?.namedCurve ?? ''];
    return { type: 'EC', bits: curve?.bits ?? (raw.length - 1) * 4, curve: curve?.name ?? params?.namedCurve ?? 'unknown', publicId: `ec:${toHex(raw)}` };
  }
  if (oid === '1.3.101.112') return { type: 'Ed25519', bits: 256, publicId: `ed25519:${toHex(raw)}` };
  if (oid === '1.3.101.113') return { type: 'Ed448', bits: 456, publicId: `ed448:${toHex(raw)}` };
  return { type: 'other', bits: 0, publicId: `${oid}:${toHex(raw)}` };
}

/** Canonical form of a distinguished name for comparisons (case and spacing do not count, as in OpenSSL). */
export function canonicalName(name: x509.Name): string {
  return name.toString().toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface Parsed {
  cert: Cert;
  info: CertInfo;
  /** canonicalName of the subject and the issuer, computed once. */
  subjectKey: string;
  issuerKey: string;
}

/** The library's certificate, with the ASN.1 it already parsed (so nothing is parsed twice). */
export class Cert extends x509.X509Certificate {
  get asnCertificate(): Certificate {
    return this.asn;
  }
}

const hexOf = (v: { buffer: ArrayBuffer; byteOffset: number; byteLength: number }) => toHex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));

/** The extensions the inspector reads, decoded straight from the certificate's own ASN.1: the
 * library's `extensions` getter re-encodes and re-parses every extension twice, which was most of
 * the time spent on a chain. Every one is decoded (a damaged one fails the
 * certificate, as before); the first of each kind counts, as with the library's getExtension. */
function readExtensions(asn: Certificate) {
  const out: {
    bc?: { ca: boolean; pathLength?: number; critical: boolean };
    ku?: number;
    eku?: string[];
    ski?: string;
    aki?: string | null;
    sans?: readonly x509.GeneralName[];
  } = {};
  for (const e of asn.tbsCertificate.extensions ?? []) {
    const v = e.extnValue.buffer;
    switch (e.extnID) {
      case id_ce_basicConstraints: {
        const bc = AsnConvert.parse(v, BasicConstraints);
        out.bc ??= { ca: bc.cA, ...(bc.pathLenConstraint !== undefined ? { pathLength: bc.pathLenConstraint } : {}), critical: e.critical };
        break;
      }
      case id_ce_keyUsage: {
        const ku = AsnConvert.parse(v, KeyUsage).toNumber();
        out.ku ??= ku;
        break;
      }
      case id_ce_extKeyUsage: {
        const eku = AsnConvert.parse(v, ExtendedKeyUsage).map((o) => o);
        out.eku ??= eku;
        break;
      }
      case id_ce_subjectKeyIdentifier: {
        const ski = hexOf(AsnConvert.parse(v, SubjectKeyIdentifier));
        out.ski ??= ski;
        break;
      }
      case id_ce_authorityKeyIdentifier: {
        const id = AsnConvert.parse(v, AuthorityKeyIdentifier).keyIdentifier;
        if (out.aki === undefined) out.aki = id ? hexOf(id) : null;
        break;
      }
      case id_ce_subjectAltName: {
        const names = new x509.GeneralNames(AsnConvert.parse(v, SubjectAlternativeName)).items;
        out.sans ??= names;
        break;
      }
      default:
        // Any other extension goes through the library as before, so one it cannot read still
        // makes the certificate unreadable.
        x509.ExtensionFactory.create(AsnConvert.serialize(e));
    }
  }
  return out;
}

export async function describe(der: Uint8Array, index: number, role: Role, origin: Origin, at: Date): Promise<Parsed> {
  const cert = new Cert(new Uint8Array(der));
  const asn = cert.asnCertificate;
  const sigOid = asn.signatureAlgorithm.algorithm;
  const signatureAlgorithm = SIG_ALGS[sigOid] ?? sigOid;
  const ext = readExtensions(asn);
  const sans = { dns: [] as string[], ip: [] as string[], uri: [] as string[], email: [] as string[] };
  for (const n of ext.sans ?? []) {
    if (n.type === 'dns') sans.dns.push(n.value);
    else if (n.type === 'ip') sans.ip.push(n.value);
    else if (n.type === 'url') sans.uri.push(n.value);
    else if (n.type === 'email') sans.email.push(n.value);
  }
  const spiffeUri = sans.uri.find((u) => u.toLowerCase().startsWith('spiffe://'));
  const { bc, ku, eku, ski, aki } = ext;
  const subjectKey = canonicalName(cert.subjectName);
  const issuerKey = canonicalName(cert.issuerName);
  let selfSigned = false;
  if (subjectKey === issuerKey) {
    try {
      selfSigned = await cert.verify({ publicKey: cert.publicKey, signatureOnly: true });
    } catch {
      selfSigned = false;
    }
  }
  const [sha256, sha1] = await Promise.all([crypto.subtle.digest('SHA-256', der.slice()), crypto.subtle.digest('SHA-1', der.slice())]);
  const info: CertInfo = {
    index,
    role,
    origin,
    subject: cert.subject,
    issuer: cert.issuer,
    serial: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    secondsLeft: Math.round((cert.notAfter.getTime() - at.getTime()) / 1000),
    sans,
    spiffe: spiffeUri ? { id: spiffeUri, trustDomain: spiffeUri.slice('spiffe://'.length).split('/')[0]!.toLowerCase() } : null,
    key: keyFromSpki(asn.tbsCertificate.subjectPublicKeyInfo),
    signatureAlgorithm,
    weakSignature: /sha1|md5/i.test(signatureAlgorithm),
    basicConstraints: bc ? { ca: bc.ca, pathLen: bc.pathLength ?? null, critical: bc.critical } : null,
    keyUsage: ku !== undefined ? KU_NAMES.filter(([bit]) => (ku & bit) !== 0).map(([, name]) => name) : null,
    extendedKeyUsage: eku ? eku.map((u) => EKU_NAMES[u] ?? u) : null,
    ski: ski !== undefined ? ski.toLowerCase() : null,
    aki: aki ? aki.toLowerCase() : null,
    fingerprints: { sha256: toHex(sha256, ':').toUpperCase(), sha1: toHex(sha1, ':').toUpperCase() },
    selfSigned,
    version: asn.tbsCertificate.version + 1,
  };
  return { cert, info, subjectKey, issuerKey };
}
