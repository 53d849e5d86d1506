// The ambient + Gateway API lab, as far as it runs without kind: its certificates, its nginx
// backends and partner on 127.0.0.1 (the ConfigMaps of k8s/apps.yaml, the partner template), the
// evidence helpers of verify.sh against real TLS servers, its manifests rendered with overrides,
// and the order of setup.sh. The Gateway itself is Envoy in the cluster; here an nginx `stream`
// server routing by SNI (ssl_preread) stands in for it, and says so. The istioctl and kubectl
// stand-ins print the column layout of the istioctl 1.30.3 writers named beside them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lib/validator/index.ts';
import { LABS, fakeBin, freePort, labBash, removeDir, run, spawn, stopAndWait, tempDir, waitForPort } from './helpers.ts';

const SLUG = 'ambient-gateway-api';
const LAB = join(LABS, SLUG);
const NGINX = '/usr/sbin/nginx';
const work = tempDir('ambient');
afterAll(() => removeDir(work));

/** Run bash code after sourcing this lab's common.sh, with the given WORK_DIR. */
const lab = (workDir: string, code: string) => labBash(SLUG, workDir, code);

let certs = '';
beforeAll(() => {
  const r = lab(work, 'make_certs >/dev/null');
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  certs = join(work, 'certs');
});

const x509 = (name: string) =>
  run('openssl', ['x509', '-in', join(certs, `${name}.crt`), '-noout', '-subject', '-issuer', '-nameopt', 'RFC2253', '-ext', 'subjectAltName,extendedKeyUsage']).stdout;
const verifies = (ca: string, leaf: string) => run('openssl', ['verify', '-CAfile', join(certs, `${ca}.crt`), join(certs, `${leaf}.crt`)]).code === 0;

describe('ambient-gateway-api: certificates (make_certs)', () => {
  it('the Gateway\'s certificate names the terminated host, for servers, from the ingress CA only', () => {
    const web = x509('web');
    expect(web).toContain('DNS:web.lab.internal');
    expect(web).toContain('TLS Web Server Authentication');
    expect(web).toContain('issuer=CN=ingress CA');
    expect(verifies('ingress-ca', 'web')).toBe(true);
    expect(verifies('backend-ca', 'web')).toBe(false);
  });

  it('the passthrough backend\'s certificate comes from another CA: the issuer alone tells who answered', () => {
    const secure = x509('secure');
    expect(secure).toContain('DNS:secure.lab.internal');
    expect(secure).toContain('issuer=CN=backend CA');
    expect(verifies('backend-ca', 'secure')).toBe(true);
    expect(verifies('ingress-ca', 'secure')).toBe(false);
  });

  it('the waypoint\'s client certificate is for clients, from the partner\'s CA', () => {
    const client = x509('egress-client');
    expect(client).toMatch(/subject=CN=egress-client/);
    expect(client).toContain('TLS Web Client Authentication');
    expect(verifies('partner-ca', 'egress-client')).toBe(true);
    expect(x509('partner')).toContain('DNS:api.northwind.example');
  });
});

// ---------------------------------------------------------------- ingress, on 127.0.0.1

/** The nginx config a ConfigMap of k8s/apps.yaml holds, with its listen port and certificate
 * folder moved to this test's. Fails when the manifest no longer has the expected strings. */
function configMapConf(name: string, moves: [string, string][]): string {
  const docs = parseAllDocuments(readFileSync(join(LAB, 'k8s/apps.yaml'), 'utf8')).map((d) => d.toJS() as { kind: string; metadata: { name: string }; data?: Record<string, string> });
  let conf = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === name)!.data!['default.conf']!;
  for (const [from, to] of moves) {
    expect(conf, `${name}: "${from}"`).toContain(from);
    conf = conf.replaceAll(from, to);
  }
  return conf;
}

describe('ambient-gateway-api: the backends of k8s/apps.yaml behind a stand-in Gateway (nginx stream + ssl_preread, not Envoy)', () => {
  const dir = join(work, 'ingress');
  let ingress = 0;
  let nginx: ReturnType<typeof spawn> | undefined;

  beforeAll(async () => {
    const [web, secure, term] = [await freePort(), await freePort(), await freePort()];
    ingress = await freePort();
    const tls = join(dir, 'tls');
    mkdirSync(join(dir, 'run'), { recursive: true });
    mkdirSync(tls, { recursive: true });
    // The Secret secure-backend-tls as the pod sees it (setup.sh: tls.crt, tls.key from secure.*).
    copyFileSync(join(certs, 'secure.crt'), join(tls, 'tls.crt'));
    copyFileSync(join(certs, 'secure.key'), join(tls, 'tls.key'));
    const run_ = join(dir, 'run');
    writeFileSync(join(dir, 'nginx.conf'), `load_module /usr/lib/nginx/modules/ngx_stream_module.so;
worker_processes 1; pid ${run_}/nginx.pid; error_log ${run_}/error.log;
events { worker_connections 64; }
http {
  access_log off; default_type text/plain;
  client_body_temp_path ${run_}/b; proxy_temp_path ${run_}/p; fastcgi_temp_path ${run_}/f; uwsgi_temp_path ${run_}/u; scgi_temp_path ${run_}/s;
${configMapConf('web-nginx', [['listen 8080;', `listen 127.0.0.1:${web};`]])}
${configMapConf('secure-nginx', [['listen 8443 ssl;', `listen 127.0.0.1:${secure} ssl;`], ['/etc/nginx/tls/', `${tls}/`]])}
  # Stand-in for the HTTPS listener https-web: ends TLS with the Secret web-cert, plain HTTP on.
  server {
    listen 127.0.0.1:${term} ssl;
    ssl_certificate ${certs}/web.crt; ssl_certificate_key ${certs}/web.key;
    location / { proxy_pass http://127.0.0.1:${web}; proxy_set_header Host $host; }
  }
}
# Stand-in for the Gateway's port 443: by SNI, to the terminating server or, untouched, to secure.
stream {
  map $ssl_preread_server_name $to { web.lab.internal 127.0.0.1:${term}; secure.lab.internal 127.0.0.1:${secure}; }
  server { listen 127.0.0.1:${ingress}; ssl_preread on; proxy_pass $to; }
}
`);
    nginx = spawn(NGINX, ['-p', run_, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForPort(ingress);
  });
  afterAll(() => stopAndWait(nginx));

  const at = (code: string) => lab(work, `INGRESS_PORT=${ingress}; ${code}`);

  it('cert_names: for the terminated host the client sees web-cert, issued by the ingress CA', () => {
    const r = at('cert_names web.lab.internal');
    expect(r.stdout.trim()).toBe('subject=CN=web.lab.internal,O=Mesh TLS Field Guide lab issuer=CN=ingress CA,O=Mesh TLS Field Guide lab');
  });

  it('cert_names: for the passed-through host the client sees the backend\'s own certificate', () => {
    const r = at('cert_names secure.lab.internal');
    expect(r.stdout.trim()).toBe('subject=CN=secure.lab.internal,O=Mesh TLS Field Guide lab issuer=CN=backend CA,O=Mesh TLS Field Guide lab');
  });

  it('verify.sh\'s two curl claims pass against the backends\' real answers', () => {
    const r = at(`responds_with "terminate" 200 "web: plain HTTP behind the gateway host=$WEB_HOST" \\
        --resolve "$WEB_HOST:$INGRESS_PORT:127.0.0.1" --cacert "$WORK_DIR/certs/ingress-ca.crt" "https://$WEB_HOST:$INGRESS_PORT/"
      responds_with "passthrough" 200 "secure: TLS ended at the backend sni=$SECURE_HOST" \\
        --resolve "$SECURE_HOST:$INGRESS_PORT:127.0.0.1" --cacert "$WORK_DIR/certs/backend-ca.crt" "https://$SECURE_HOST:$INGRESS_PORT/"`);
    expect(r.stdout).toMatch(/^PASS  terminate\n      evidence: HTTP 200, body: web: plain HTTP behind the gateway host=web\.lab\.internal path=\/ /m);
    expect(r.stdout).toMatch(/^PASS  passthrough\n      evidence: HTTP 200, body: secure: TLS ended at the backend sni=secure\.lab\.internal tls=TLSv1\.[23] path=\/ /m);
  });

  it('the passed-through host does not verify with the ingress CA: the Gateway never held its key', () => {
    const r = run('curl', ['-sS', '--max-time', '5', '--resolve', `secure.lab.internal:${ingress}:127.0.0.1`, '--cacert', join(certs, 'ingress-ca.crt'), `https://secure.lab.internal:${ingress}/`]);
    expect(r.code).toBe(60);
    expect(r.stderr).toContain('unable to get local issuer certificate');
  });
});

// ---------------------------------------------------------------- the partner, on 127.0.0.1

describe('ambient-gateway-api: the partner nginx with this lab\'s certificates (ssl_verify_client on)', () => {
  const dir = join(work, 'partner');
  let port = 0;
  let nginx: ReturnType<typeof spawn> | undefined;
  beforeAll(async () => {
    port = await freePort();
    mkdirSync(join(dir, 'run'), { recursive: true });
    const r = lab(work, `render_partner_conf "${dir}/nginx.conf" 127.0.0.1:${port} "$WORK_DIR/certs" "${dir}/run" on "${dir}/run/access.log" "${dir}/run/error.log"`);
    expect(r.code, r.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', join(dir, 'run'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForPort(port);
  });
  afterAll(() => stopAndWait(nginx));

  const curl = (...extra: string[]) => run('curl', ['-sS', '--max-time', '5', '-w', ' HTTP %{http_code}', '--cacert', join(certs, 'partner-ca.crt'),
    '--resolve', `api.northwind.example:${port}:127.0.0.1`, ...extra, `https://api.northwind.example:${port}/hello`]).out;

  it('MUTUAL, as the waypoint originates it: the partner echoes the DN of egress-client', () => {
    const out = curl('--cert', join(certs, 'egress-client.crt'), '--key', join(certs, 'egress-client.key'));
    expect(out).toMatch(/^partner: verify=SUCCESS dn=CN=egress-client,O=Mesh TLS Field Guide lab tls=TLSv1\.[23] path=\/hello\n HTTP 200$/);
  });

  it('SIMPLE (break.sh simple): no client certificate, 400 with the reason break.sh looks for', () => {
    const out = curl();
    expect(out).toContain('No required SSL certificate was sent');
    expect(out).toMatch(/HTTP 400$/);
  });

  it('openssl s_client: the partner asks for a client certificate signed by the partner CA', () => {
    const r = run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'api.northwind.example', '-CAfile', join(certs, 'partner-ca.crt'),
      '-verify_return_error', '-cert', join(certs, 'egress-client.crt'), '-key', join(certs, 'egress-client.key')], { input: '' });
    expect(r.out).toMatch(/Acceptable client certificate CA names\n.*CN\s?=\s?partner CA/);
    expect(r.out).toContain('Verify return code: 0 (ok)');
  });
});

// ---------------------------------------------------------------- manifests and setup order

describe('ambient-gateway-api: manifests and setup.sh', () => {
  const manifests = ['apps.yaml', 'ingress.yaml', 'egress.yaml', 'dr-simple.yaml', 'se-no-waypoint.yaml'];
  const env = { PARTNER_HOST: 'api.partner.test', CURL_IMAGE: 'registry.example/curl:9.9', NGINX_IMAGE: 'registry.example/nginx:9.9' };

  for (const m of manifests) {
    it(`k8s/${m}: rendered with PARTNER_HOST, CURL_IMAGE and NGINX_IMAGE overrides, no default left, lints clean`, () => {
      const r = run('bash', ['-c', `set -euo pipefail; source "${join(LAB, 'common.sh')}"; render "${join(LAB, 'k8s', m)}"`], { env: { ...process.env, ...env } });
      expect(r.code, r.stderr).toBe(0);
      for (const d of ['api.northwind.example', 'curlimages/curl', 'nginx:1.28-alpine']) expect(r.stdout).not.toContain(d);
      const findings = lint([{ name: m, text: r.stdout }], { lang: 'en' }).findings.filter((f) => f.severity !== 'info');
      expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  }

  it('setup.sh --dry-run: CRDs (pinned URL) before Istio, every Secret a manifest names is created', () => {
    const r = run('bash', [join(LAB, 'setup.sh'), '--dry-run'], { env: { ...process.env, WORK_DIR: join(work, 'dry'), LAB_LANG: 'en' }, timeout: 30_000 });
    expect(r.code, r.out).toBe(0);
    const lines = r.stdout.split('\n');
    const crds = lines.findIndex((l) => l.includes('apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml'));
    const istio = lines.findIndex((l) => / install -y -f \S+k8s\/istio-ambient\.yaml$/.test(l));
    expect(crds).toBeGreaterThan(-1);
    expect(istio).toBeGreaterThan(crds);
    const created = [...r.stdout.matchAll(/-n (\S+) create secret generic (\S+)/g)].map((m) => `${m[1]}/${m[2]}`);
    const text = (f: string) => readFileSync(join(LAB, 'k8s', f), 'utf8');
    expect(text('apps.yaml')).toContain('secretName: secure-backend-tls');
    expect(text('ingress.yaml')).toMatch(/certificateRefs:\n\s+- kind: Secret\n\s+name: web-cert/);
    expect(text('egress.yaml')).toContain('credentialName: partner-client-cert');
    expect(text('dr-simple.yaml')).toContain('credentialName: partner-ca-only');
    expect(created.sort()).toEqual(['istio-egress/partner-ca-only', 'istio-egress/partner-client-cert', 'meshtls-ambient/secure-backend-tls', 'meshtls-ingress/web-cert']);
  });

  it('break.sh refuses an unknown step with exit 2', () => {
    const r = run('bash', [join(LAB, 'break.sh'), 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: ./break.sh simple|skip-waypoint');
  });
});

// ---------------------------------------------------------------- reading istioctl and ztunnel

describe('ambient-gateway-api: verify.sh\'s readers, on stand-in istioctl/kubectl output', () => {
  // The header and columns of `istioctl ztunnel-config workloads` (istio 1.30.3,
  // istioctl/pkg/writer/ztunnel/configdump/workload.go, PrintWorkloadSummary); rows made up.
  const workloads = (web: string) => [
    'NAMESPACE       POD NAME                   ADDRESS     NODE                          WAYPOINT PROTOCOL',
    'istio-egress    waypoint-5f7d9c7b8-q2w4e   10.244.0.12 meshtls-ambient-control-plane None     TCP',
    'meshtls-ambient client-6c9f8d7b5-abcde     10.244.0.9  meshtls-ambient-control-plane None     HBONE',
    'meshtls-ambient secure-7b8c9d6f4-fghij     10.244.0.11 meshtls-ambient-control-plane None     HBONE',
    `meshtls-ambient web-5d6e7f8a9-klmno        10.244.0.10 meshtls-ambient-control-plane None     ${web}`,
  ].join('\\n');

  it('ztunnel_protocols: one PROTOCOL per app, so one app outside ambient mode fails the claim', () => {
    for (const [web, want] of [['HBONE', 'client=HBONE secure=HBONE web=HBONE'], ['TCP', 'client=HBONE secure=HBONE web=TCP']]) {
      const bin = fakeBin(join(work, `istioctl-${web}`), { istioctl: `printf '${workloads(web!)}\\n'` });
      const r = run('bash', ['-c', `set -euo pipefail; source "${join(LAB, 'common.sh')}"; ztunnel_protocols`], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      expect(r.stdout.trim()).toBe(want);
    }
  });

  it('ztunnel_lines_since: only new "connection complete" lines that carry every pattern', () => {
    // Field names of ztunnel's access log (istio/ztunnel src/proxy/metrics.rs, ConnectionResult);
    // the values are made up.
    const log = [
      'info access connection complete src.addr=10.244.0.9:40000 dst.addr=10.244.0.12:15008 dst.service="api.northwind.example" direction="outbound"',
      'info xds received update',
      'info access connection complete src.addr=10.244.0.9:40002 dst.addr=10.244.0.12:15008 dst.service="api.northwind.example" direction="outbound"',
      'info access connection complete src.addr=10.244.0.13:40100 src.identity="spiffe://cluster.local/ns/meshtls-ingress/sa/lab-ingress-istio" dst.workload="web-5d6e7f8a9-klmno" direction="inbound"',
    ].join('\n');
    writeFileSync(join(work, 'ztunnel.log'), `${log}\n`);
    const bin = fakeBin(join(work, 'kubectl-ztunnel'), { kubectl: `cat "${join(work, 'ztunnel.log')}"` });
    const sh = (code: string) => run('bash', ['-c', `set -euo pipefail; source "${join(LAB, 'common.sh')}"; ${code}`], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } }).stdout;
    expect(sh('ztunnel_lines')).toBe('3\n');
    expect(sh('ztunnel_lines_since 1 outbound api.northwind.example')).toContain('src.addr=10.244.0.9:40002');
    expect(sh('ztunnel_lines_since 1 outbound api.northwind.example')).not.toContain('40000');
    expect(sh('ztunnel_lines_since 0 inbound spiffe://cluster.local/ns/meshtls-ingress/sa/lab-ingress-istio web-')).toContain('src.addr=10.244.0.13:40100');
    expect(sh('ztunnel_lines_since 3 outbound')).toBe('');
  });
});
