// Test PKI for the ground-truth test, generated with the openssl CLI into a temp dir at run
// time (no key is ever committed): two CAs, server and client certificates, an expired server
// certificate and a stray key.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  ca: string;
  server: { cert: string; key: string };
  expired: { cert: string; key: string };
  otherCaServer: { cert: string; key: string };
  client: { cert: string; key: string };
  otherCaClient: { cert: string; key: string };
  strayKey: string;
}

const ossl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });

function ca(dir: string, name: string): void {
  ossl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`], dir);
}

function leaf(dir: string, caName: string, name: string, cn: string, ext: string): void {
  ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${cn}`,
    '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
  writeFileSync(join(dir, `${name}.ext`), ext);
  ossl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${caName}.pem`, '-CAkey', `${caName}.key`,
    '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`], dir);
}

const SERVER_EXT = 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n';
const CLIENT_EXT = 'extendedKeyUsage=clientAuth\n';

/** `openssl x509 -days` cannot go back in time; `openssl ca` takes explicit dates. */
function expiredLeaf(dir: string): void {
  mkdirSync(join(dir, 'ca-db'));
  writeFileSync(join(dir, 'ca-db/index.txt'), '');
  writeFileSync(join(dir, 'ca.cnf'), [
    '[ca]', 'default_ca = d', '[d]', 'dir = ca-db', 'database = ca-db/index.txt', 'new_certs_dir = ca-db',
    'serial = ca-db/serial', 'default_md = sha256', 'policy = p', 'copy_extensions = none',
    'x509_extensions = e', '[p]', 'commonName = supplied', '[e]',
    'subjectAltName = DNS:localhost,IP:127.0.0.1', 'extendedKeyUsage = serverAuth', '',
  ].join('\n'));
  writeFileSync(join(dir, 'ca-db/serial'), '1000\n');
  ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=localhost',
    '-keyout', 'expired.key', '-out', 'expired.csr'], dir);
  ossl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'expired.csr',
    '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-out', 'expired.pem'], dir);
}

export function makePki(dir: string): Pki {
  ca(dir, 'ca');
  ca(dir, 'other-ca');
  leaf(dir, 'ca', 'server', 'localhost', SERVER_EXT);
  leaf(dir, 'other-ca', 'other-server', 'localhost', SERVER_EXT);
  leaf(dir, 'ca', 'client', 'client', CLIENT_EXT);
  leaf(dir, 'other-ca', 'other-client', 'client', CLIENT_EXT);
  expiredLeaf(dir);
  ossl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'stray.key'], dir);
  const pair = (n: string) => ({ cert: join(dir, `${n}.pem`), key: join(dir, `${n}.key`) });
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    server: pair('server'),
    expired: pair('expired'),
    otherCaServer: pair('other-server'),
    client: pair('client'),
    otherCaClient: pair('other-client'),
    strayKey: join(dir, 'stray.key'),
  };
}
