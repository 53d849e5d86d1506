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

// The header and columns of `istioctl ztunnel-config workloads` (istio 1.30.3,
// istioctl/pkg/writer/ztunnel/configdump/workload.go, PrintWorkloadSummary); rows made up. Rows
// are joined with a literal backslash-n for the stand-in's printf.
function workloadsTable(web: string): string {
  return [
    'NAMESPACE       POD NAME                   ADDRESS     NODE                          WAYPOINT PROTOCOL',
    'istio-egress    waypoint-5f7d9c7b8-q2w4e   10.244.0.12 meshtls-ambient-control-plane None     TCP',
    'meshtls-ambient client-6c9f8d7b5-abcde     10.244.0.9  meshtls-ambient-control-plane None     HBONE',
    'meshtls-ambient secure-7b8c9d6f4-fghij     10.244.0.11 meshtls-ambient-control-plane None     HBONE',
    `meshtls-ambient web-5d6e7f8a9-klmno        10.244.0.10 meshtls-ambient-control-plane None     ${web}`,
  ].join('\\n');
}

describe('ambient-gateway-api: verify.sh\'s readers, on stand-in istioctl/kubectl output', () => {

  it('ztunnel_protocols: one PROTOCOL per app, so one app outside ambient mode fails the claim', () => {
    for (const [web, want] of [['HBONE', 'client=HBONE secure=HBONE web=HBONE'], ['TCP', 'client=HBONE secure=HBONE web=TCP']]) {
      const bin = fakeBin(join(work, `istioctl-${web}`), { istioctl: `printf '${workloadsTable(web!)}\\n'` });
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

// ---------------------------------------------------------------- verify.sh end to end, on stand-ins

describe('ambient-gateway-api/verify.sh against stand-ins (nginx for the Gateway and the partner; kubectl and istioctl printing the tools\' formats)', () => {
  // kubectl: get/jsonpath answers as the API would give them; port-forward sleeps (the stand-in
  // Gateway already listens on INGRESS_PORT); `exec … curl` calls the real partner nginx with the
  // waypoint's client certificate (or none: `mutual` off, as SIMPLE would) and, like the waypoint
  // and ztunnel, appends their log lines; the second read of ztunnel's log adds the inbound line the
  // Gateway's HBONE hop leaves. istioctl: the column layouts of the 1.30.3 writers
  // (configdump/workload.go, services.go, compare/sds/writer.go).
  async function standIn(name: string, mutual: boolean) {
    const dir = join(work, `verify-${name}`);
    mkdirSync(join(dir, 'run'), { recursive: true });
    mkdirSync(join(dir, 'tls'), { recursive: true });
    copyFileSync(join(certs, 'secure.crt'), join(dir, 'tls', 'tls.crt'));
    copyFileSync(join(certs, 'secure.key'), join(dir, 'tls', 'tls.key'));
    const [web, secure, term, ingress, partner] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const r = lab(work, `render_partner_conf "${dir}/partner.conf" 127.0.0.1:${partner} "$WORK_DIR/certs" "${dir}/run" on "${dir}/run/p-access.log" "${dir}/run/p-error.log"`);
    expect(r.code, r.stderr).toBe(0);
    const partnerHttp = readFileSync(join(dir, 'partner.conf'), 'utf8').replace(/^[\s\S]*?\nhttp \{\n/, '').replace(/\}\s*$/, '').replace(/^\s*(access_log|log_format|\w+_temp_path|default_type)[^;]*;\n/gm, '');
    const run_ = join(dir, 'run');
    writeFileSync(join(dir, 'nginx.conf'), `load_module /usr/lib/nginx/modules/ngx_stream_module.so;
worker_processes 1; pid ${run_}/nginx.pid; error_log ${run_}/error.log;
events { worker_connections 64; }
http {
  access_log off; default_type text/plain;
  client_body_temp_path ${run_}/b; proxy_temp_path ${run_}/p; fastcgi_temp_path ${run_}/f; uwsgi_temp_path ${run_}/u; scgi_temp_path ${run_}/s;
${configMapConf('web-nginx', [['listen 8080;', `listen 127.0.0.1:${web};`]])}
${configMapConf('secure-nginx', [['listen 8443 ssl;', `listen 127.0.0.1:${secure} ssl;`], ['/etc/nginx/tls/', `${dir}/tls/`]])}
  server { listen 127.0.0.1:${term} ssl; ssl_certificate ${certs}/web.crt; ssl_certificate_key ${certs}/web.key;
    location / { proxy_pass http://127.0.0.1:${web}; proxy_set_header Host $host; } }
${partnerHttp}
}
stream {
  map $ssl_preread_server_name $to { web.lab.internal 127.0.0.1:${term}; secure.lab.internal 127.0.0.1:${secure}; }
  server { listen 127.0.0.1:${ingress}; ssl_preread on; proxy_pass $to; }
}
`);
    writeFileSync(join(dir, 'ztunnel.log'), 'info access connection complete src.addr=10.244.0.9:39000 dst.addr=10.244.0.11:15008 direction="outbound"\n');
    writeFileSync(join(dir, 'waypoint.log'), '');
    const inbound = 'info access connection complete src.addr=10.244.0.13:40100 src.workload="lab-ingress-istio-6b7c8d9e0-pqrst" src.identity="spiffe://cluster.local/ns/meshtls-ingress/sa/lab-ingress-istio" dst.addr=10.244.0.10:15008 dst.workload="web-5d6e7f8a9-klmno" direction="inbound"';
    const outbound = 'info access connection complete src.addr=10.244.0.9:39100 src.workload="client-6c9f8d7b5-abcde" dst.addr=10.244.0.12:15008 dst.hbone_addr=240.240.0.3:80 dst.service="api.northwind.example" direction="outbound"';
    const waypointLine = '[2026-12-07T01:00:00.000Z] "GET /hello HTTP/1.1" 200 - via_upstream - "-" 0 95 4 3 "10.244.0.9" "curl/8.11.1" "6c1f" "api.northwind.example" "172.18.0.4:443" inbound-vip|80|http|api.northwind.example';
    const cert = mutual ? `--cert ${certs}/egress-client.crt --key ${certs}/egress-client.key` : '';
    const bin = fakeBin(dir, {
      kubectl: `case "$*" in
  *" get crd "*) printf 'v1.5.1 standard v1' ;;
  *" get gateway "*) printf 'https-web=1 tls-secure=1 ' ;;
  *" port-forward "*) exec sleep 47 ;;
  *" logs daemonset/ztunnel "*) n=$(cat "${dir}/zcalls" 2>/dev/null || echo 0); echo $((n + 1)) >"${dir}/zcalls"
    if [ "$n" -eq 1 ]; then echo '${inbound}' >>"${dir}/ztunnel.log"; fi; cat "${dir}/ztunnel.log" ;;
  *" logs deploy/waypoint"*) cat "${dir}/waypoint.log" ;;
  *" get serviceentry "*) printf '240.240.0.3 2001:2::3' ;;
  *" nslookup "*) printf 'Server:\\t\\t10.96.0.10\\nAddress:\\t10.96.0.10:53\\n\\nName:\\tapi.northwind.example\\nAddress: 240.240.0.3\\n\\nName:\\tapi.northwind.example\\nAddress: 2001:2::3\\n\\n' ;;
  *" curl "*) echo '${outbound}' >>"${dir}/ztunnel.log"; echo '${waypointLine}' >>"${dir}/waypoint.log"
    curl -sS --max-time 5 -w ' HTTP %{http_code}' --cacert ${certs}/partner-ca.crt ${cert} --resolve api.northwind.example:${partner}:127.0.0.1 https://api.northwind.example:${partner}/hello ;;
esac
exit 0`,
      istioctl: `case "$*" in
  *"ztunnel-config workloads"*) printf '${workloadsTable('HBONE')}\\n' ;;
  *"ztunnel-config services"*) printf 'NAMESPACE    SERVICE NAME  SERVICE VIP             WAYPOINT ENDPOINTS\\nistio-egress northwind-api 240.240.0.3,2001:2::3 waypoint 0/0\\nistio-egress waypoint      10.96.0.20              None     1/1\\n' ;;
  *"proxy-config secret"*) printf 'RESOURCE NAME                     TYPE       STATUS VALID CERT SERIAL NUMBER NOT AFTER            NOT BEFORE\\ndefault                           Cert Chain ACTIVE true       1a2b          2026-12-08T01:00:00Z 2026-12-07T01:00:00Z\\nkubernetes://partner-client-cert  Cert Chain ACTIVE true       1000          2027-01-06T01:00:00Z 2026-12-07T01:00:00Z\\n' ;;
esac`,
    });
    const nginx = spawn(NGINX, ['-p', run_, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForPort(ingress);
    await waitForPort(partner);
    const out = await new Promise<{ code: number | null; out: string }>((res) => {
      const child = spawn('bash', [join(LAB, 'verify.sh')], { env: { PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, HOME: work, LAB_LANG: 'en', WORK_DIR: work, INGRESS_PORT: String(ingress) } });
      let text = '';
      child.stdout!.on('data', (d) => (text += d));
      child.stderr!.on('data', (d) => (text += d));
      child.on('close', (code) => res({ code, out: text }));
    });
    await stopAndWait(nginx);
    return out;
  }

  let good: { code: number | null; out: string };
  let simple: { code: number | null; out: string };
  beforeAll(async () => { [good, simple] = await Promise.all([standIn('mutual', true), standIn('simple', false)]); }, 90_000);

  it('with everything in place every claim passes, and the port-forward is stopped on exit', () => {
    expect(good.code, good.out).toBe(0);
    expect(good.out).toMatch(/\n15 PASS, 0 FAIL\n$/);
    expect(good.out).toContain('PASS  the partner verified a client certificate');
    expect(good.out).toContain('evidence: api.northwind.example -> 240.240.0.3 2001:2::3; ServiceEntry status.addresses: 240.240.0.3 2001:2::3');
    // The stand-in port-forward is `sleep 47`; verify.sh's exit trap must have ended both runs' copies.
    expect(run('pgrep', ['-x', '-f', 'sleep 47']).stdout).toBe('');
  });

  it('without the client certificate the two partner claims fail, the others still pass, verify.sh exits non-zero', () => {
    expect(simple.code).not.toBe(0);
    expect(simple.out).toMatch(/\n13 PASS, 2 FAIL\n$/);
    expect(simple.out).toContain('FAIL  the partner verified a client certificate');
    expect(simple.out).toContain('FAIL  the certificate it verified is the waypoint\'s (DestinationRule MUTUAL + credentialName)');
  });
});
