// A throw-away PKI for the corpus test, made with the openssl CLI in a temp dir when the test
// runs (no key is committed). `openssl ca` signs everything, so each certificate gets exact
// validity dates, extensions and digest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type KeyType = 'ec' | 'rsa2048' | 'rsa1024' | 'rsa512' | 'ed25519';

export interface CertSpec {
  subj: string;
  /** Name of the issuing certificate, or 'self'. */
  issuer: string;
  key?: KeyType;
  /** Reuse another certificate's key (a renewed certificate, a rotated CA of the same key). */
  keyOf?: string;
  /** Extension lines for the extfile; [] gives a v3 certificate with only the key identifiers. */
  ext: string[];
  /** Days from the corpus's reference time; default -1 and +365. */
  from?: number;
  to?: number;
  md?: string;
}

export const CA_EXT = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];

const CONF = `[ca]
default_ca = d
[d]
dir = db
database = db/index.txt
new_certs_dir = db
serial = db/serial
default_md = sha256
policy = p
unique_subject = no
copy_extensions = none
email_in_dn = no
[p]
commonName = optional
organizationName = optional
`;

const KEYGEN: Record<KeyType, string[]> = {
  ec: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  rsa2048: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  rsa1024: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  rsa512: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:512'],
  ed25519: ['-algorithm', 'ED25519'],
};

/** openssl's ASN.1 time for a day offset from `now`. */
export function asn1Time(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export class Pki {
  readonly dir: string;
  readonly now: Date;
  private keys = new Map<string, string>();

  constructor(dir: string, now: Date) {
    this.dir = dir;
    this.now = now;
    mkdirSync(join(dir, 'db'), { recursive: true });
    writeFileSync(join(dir, 'db/index.txt'), '');
    writeFileSync(join(dir, 'db/serial'), '1000\n');
    writeFileSync(join(dir, 'ca.cnf'), CONF);
  }

  run(args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, stdio: 'pipe' }).toString();
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  /** Makes `<name>.pem` (and `<name>.key` unless the key is shared). */
  cert(name: string, spec: CertSpec): string {
    const keyFile = spec.keyOf ? this.keys.get(spec.keyOf)! : `${name}.key`;
    if (!spec.keyOf) this.run(['genpkey', ...KEYGEN[spec.key ?? 'ec'], '-out', keyFile]);
    this.keys.set(name, keyFile);
    this.run(['req', '-new', '-key', keyFile, '-subj', spec.subj, '-out', `${name}.csr`]);
    writeFileSync(this.path(`${name}.ext`), `${spec.ext.join('\n')}\n`);
    const signer = spec.issuer === 'self' ? ['-selfsign', '-keyfile', keyFile] : ['-cert', `${spec.issuer}.pem`, '-keyfile', this.keys.get(spec.issuer)!];
    this.run(['ca', '-batch', '-config', 'ca.cnf', '-notext', '-preserveDN', ...signer, '-in', `${name}.csr`,
      '-startdate', asn1Time(this.now, spec.from ?? -1), '-enddate', asn1Time(this.now, spec.to ?? 365),
      '-md', spec.md ?? 'sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
    return this.path(`${name}.pem`);
  }

  keyFile(name: string): string {
    return this.path(this.keys.get(name) ?? `${name}.key`);
  }

  /** A stand-alone key (for the mismatch cases) in PKCS#8. */
  strayKey(name: string, type: KeyType = 'ec'): string {
    const file = `${name}.key`;
    if (!existsSync(this.path(file))) this.run(['genpkey', ...KEYGEN[type], '-out', file]);
    this.keys.set(name, file);
    return this.path(file);
  }
}
