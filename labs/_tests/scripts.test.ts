// The lab scripts' own logic, run for real with stand-in `docker`, `kubectl` and (for one lab) an
// nginx playing Envoy's answers: what a script does with what those tools print. The stand-ins
// print what the real tools print (the sources are named beside each); nothing here claims to be
// Envoy, Istio or kind output. Those only run on a machine with Docker or kind.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lib/validator/index.ts';
import { LABS, fakeBin, freePort, removeDir, run, stopAndWait, tempDir, waitForPort } from './helpers.ts';

const work = tempDir('scripts');
afterAll(() => removeDir(work));

const COMPOSE_LABS = ['break-it', 'mutual-tls', 'tls-origination', 'tls-passthrough', 'tls-termination'];
/** The environment of a fresh shell: nothing of ours set. */
const fresh = (bin: string, extra: Record<string, string> = {}) =>
  ({ PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, HOME: work, LAB_LANG: 'en', ...extra });

/** Run bash code after sourcing a lab's common.sh, with the given environment. */
function labCode(slug: string, code: string, env: NodeJS.ProcessEnv) {
  return run('bash', ['-c', `set -euo pipefail; source "${join(LABS, slug, 'common.sh')}"; ${code}`], { env });
}

/** Run a script without blocking the event loop (so several can sleep at the same time). */
function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => res({ code, out }));
  });
}

describe('prereq.sh: the Docker daemon must answer', () => {
  const docker = (info: 'up' | 'down') => fakeBin(join(work, `docker-${info}`), {
    docker: `case "$1" in
  info) ${info === 'up' ? 'echo "Server Version: 28.2.2"; exit 0' : 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1'} ;;
  compose) [ "$2" = version ] && echo 2.29.1; exit 0 ;;
esac`,
  });

  it('daemon down: prereq.sh fails and says what to start', () => {
    const r = run('bash', [join(LABS, 'tls-termination', 'prereq.sh')], { env: fresh(docker('down')) });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/DOWN\s+dockerd\s+cannot reach the Docker daemon; start Docker Desktop or dockerd/);
    expect(r.out).toMatch(/ok\s+compose\s+2\.29\.1 >= 2\.20\.0/);
  });

  it('daemon down: prereq.sh --dry-run still prints the plan and exits 0', () => {
    const r = run('bash', [join(LABS, 'tls-termination', 'prereq.sh'), '--dry-run'], { env: fresh(docker('down')), timeout: 30_000 });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/DOWN\s+dockerd/);
    expect(r.out).toContain('+ docker compose -p meshtls-tls-termination');
  });

  it('daemon up: prereq.sh passes', () => {
    const r = run('bash', [join(LABS, 'tls-termination', 'prereq.sh')], { env: fresh(docker('up')) });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/ok\s+dockerd/);
  });

  it('the kind labs check the daemon too', () => {
    const r = run('bash', [join(LABS, 'double-mtls-egress', 'prereq.sh')], { env: fresh(docker('down')) });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/DOWN\s+dockerd/);
  });
});

describe('compose.sh: docker compose from a fresh shell', () => {
  const bin = fakeBin(join(work, 'docker-echo'), {
    docker: `printf 'ARGS %s\\n' "$*"; env | sort`,
  });
  const pinned = run('bash', ['-c', `source "${join(LABS, '_lib/versions.sh')}"; echo "$ENVOY_IMAGE"`], { env: fresh(bin) }).stdout.trim();

  for (const slug of COMPOSE_LABS) {
    it(`${slug}: every variable compose.yaml requires is set, the image is the pinned one`, () => {
      const r = run('bash', [join(LABS, slug, 'compose.sh'), 'logs', 'envoy'], { env: fresh(bin) });
      expect(r.code, r.out).toBe(0);
      expect(r.stdout).toContain(`ARGS compose -p meshtls-${slug} -f ${join(LABS, slug, 'compose.yaml')} logs envoy\n`);
      const required = [...readFileSync(join(LABS, slug, 'compose.yaml'), 'utf8').matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]!);
      expect(required.length).toBeGreaterThan(0);
      for (const v of new Set(required)) expect(r.stdout).toMatch(new RegExp(`^${v}=.+$`, 'm'));
      expect(r.stdout).toContain(`\nENVOY_IMAGE=${pinned}\n`);
      expect(r.stdout).toContain(`\nCERTS=${join(LABS, slug, 'build', 'certs')}\n`);
    });
  }

  it('an override reaches docker compose (one source of truth, still overridable)', () => {
    const r = run('bash', [join(LABS, 'tls-termination', 'compose.sh'), 'ps'], { env: fresh(bin, { ENVOY_IMAGE: 'envoyproxy/envoy:v1.40.0', PROJECT: 'mine' }) });
    expect(r.stdout).toContain('ARGS compose -p mine ');
    expect(r.stdout).toContain('\nENVOY_IMAGE=envoyproxy/envoy:v1.40.0\n');
  });

  it('without a command it prints its usage and exits 2', () => {
    const r = run('bash', [join(LABS, 'tls-termination', 'compose.sh')], { env: fresh(bin) });
    expect(r.code).toBe(2);
    expect(r.out).toContain('usage: ./compose.sh COMMAND');
  });
});

// BusyBox nslookup output, in the format of networking/nslookup.c (BusyBox 1.28+, the one in the
// Alpine-based curl image): the server block, then one block per query (A and AAAA).
const BUSYBOX_FOUND = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nNon-authoritative answer:\nName:\tapi.northwind.example\nAddress: 172.18.0.4\n\nNon-authoritative answer:\n\n';
const BUSYBOX_NXDOMAIN = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find api.northwind.example: NXDOMAIN\n\n** server can't find api.northwind.example: NXDOMAIN\n\n";
// BusyBox before 1.28 numbered the addresses.
const BUSYBOX_OLD = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      api.northwind.example\nAddress 1: 172.18.0.4 meshtls-partner.kind\n';

describe('the DNS premise of the kind labs (check_partner_dns)', () => {
  const answer = (text: string) =>
    labCode('double-mtls-egress', `nslookup_answer api.northwind.example <<'OUT'\n${text}OUT`, fresh('/nonexistent')).stdout;

  it('takes the address given for the name, not the DNS server\'s', () => {
    expect(answer(BUSYBOX_FOUND)).toBe('172.18.0.4\n');
    expect(answer(BUSYBOX_OLD)).toBe('172.18.0.4 meshtls-partner.kind\n');
  });

  it('gives nothing on NXDOMAIN, though the output has an "Address" line (the old check passed on it)', () => {
    expect(BUSYBOX_NXDOMAIN).toContain('Address');
    expect(answer(BUSYBOX_NXDOMAIN)).toBe('');
  });

  for (const [name, text, verdict] of [['an answer', BUSYBOX_FOUND, 'PASS'], ['NXDOMAIN', BUSYBOX_NXDOMAIN, 'FAIL']] as const) {
    it(`verify step with ${name} from the pod: ${verdict}`, () => {
      const out = join(work, `nslookup-${verdict}.txt`);
      writeFileSync(out, text);
      const bin = fakeBin(join(work, `kubectl-dns-${verdict}`), { kubectl: `cat "${out}"` });
      const r = labCode('double-mtls-egress', 'check_partner_dns', fresh(bin));
      expect(r.stdout).toMatch(new RegExp(`^${verdict}  the partner's name resolves inside the cluster`));
      if (verdict === 'PASS') expect(r.stdout).toContain('evidence: api.northwind.example -> 172.18.0.4');
    });
  }
});

describe('PARTNER_HOST and CURL_IMAGE overrides reach what is applied', () => {
  const env = fresh('/nonexistent', { PARTNER_HOST: 'api.partner.test', CURL_IMAGE: 'registry.example/curl:9.9' });
  const manifests = ['double-mtls-egress/k8s/egress.yaml', 'double-mtls-egress/k8s/dr-hop2-simple.yaml', 'double-mtls-egress/k8s/vs-gateway-only.yaml',
    'double-mtls-egress/k8s/close-bypass.yaml', 'egress-passthrough-vs-simple/k8s/passthrough.yaml', 'egress-passthrough-vs-simple/k8s/simple.yaml', '_lib/k8s/client.yaml'];

  for (const m of manifests) {
    it(`${m}: rendered with the overrides, no default left, still lints clean`, () => {
      const r = labCode('double-mtls-egress', `render "${join(LABS, m)}"`, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('api.northwind.example');
      expect(r.stdout).not.toContain('curlimages/curl');
      if (m.includes('client.yaml')) expect(r.stdout).toContain('image: registry.example/curl:9.9');
      else expect(r.stdout).toContain('api.partner.test');
      const findings = lint([{ name: m, text: r.stdout }], { lang: 'en' }).findings.filter((f) => f.severity !== 'info');
      expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  }

  it('without overrides, render gives the file as it is', () => {
    const file = join(LABS, 'double-mtls-egress/k8s/egress.yaml');
    const r = labCode('double-mtls-egress', `render "${file}"`, fresh('/nonexistent'));
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('the partner nginx answers to PARTNER_HOST and its certificate names it', () => {
    const w = join(work, 'partner-override');
    const r = labCode('double-mtls-egress',
      `partner_certs "${w}/certs" >/dev/null; render_partner_conf "${w}/nginx.conf" 443 /etc/nginx/partner /tmp on /dev/stdout /dev/stderr >/dev/null`,
      { ...env, WORK_DIR: w });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(w, 'nginx.conf'), 'utf8')).toContain('server_name api.partner.test;');
    expect(run('openssl', ['x509', '-in', join(w, 'certs', 'partner.crt'), '-noout', '-ext', 'subjectAltName']).stdout).toContain('DNS:api.partner.test');
  });

  it('the partner container gets its own certificate, key and client CA only (no CA key)', () => {
    const r = run('bash', [join(LABS, 'double-mtls-egress', 'setup.sh'), '--dry-run'], { env: fresh('/nonexistent', { WORK_DIR: join(work, 'dry') }), timeout: 30_000 });
    const line = r.stdout.split('\n').find((l) => l.startsWith('+ docker run'))!;
    const mounts = [...line.matchAll(/-v (\S+)/g)].map((m) => m[1]!.split(':')[1]);
    expect(mounts.sort()).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/partner/partner-ca.crt', '/etc/nginx/partner/partner.crt', '/etc/nginx/partner/partner.key']);
  });
});

describe('labs 6 and 7 share one cluster: each setup removes the other lab\'s objects first', () => {
  for (const slug of ['egress-passthrough-vs-simple', 'double-mtls-egress']) {
    it(`${slug}/setup.sh deletes both labs' DestinationRules and the REGISTRY_ONLY Sidecar before applying its own`, () => {
      const r = run('bash', [join(LABS, slug, 'setup.sh'), '--dry-run'], { env: fresh('/nonexistent', { WORK_DIR: join(work, `dry-${slug}`) }), timeout: 30_000 });
      expect(r.code, r.out).toBe(0);
      const lines = r.stdout.split('\n');
      const reset = lines.findIndex((l) => l.includes('delete --ignore-not-found') && l.includes('destinationrules.networking.istio.io/partner-hop1'));
      expect(reset).toBeGreaterThan(-1);
      for (const dr of ['partner-hop1', 'partner-originate-tls', 'egressgateway-hop1', 'partner-hop2']) {
        expect(lines[reset]).toContain(`destinationrules.networking.istio.io/${dr}`);
      }
      expect(lines[reset + 1]).toContain('sidecars.networking.istio.io/default');
      const own = lines.findIndex((l) => /kubectl --context kind-meshtls apply -f k8s\/(egress|passthrough)\.yaml/.test(l));
      expect(own).toBeGreaterThan(reset);
    });
  }
});

describe('tls-origination/verify.sh against a stand-in (nginx answering like the lab\'s Envoy)', () => {
  // Two stand-ins: one with the SAN check on (the control route fails as Envoy's would), one where
  // the "SAN check" is off (the control route answers 200). verify.sh must tell them apart.
  async function standIn(sanCheck: boolean) {
    const dir = join(work, `origination-${sanCheck ? 'on' : 'off'}`);
    mkdirSync(join(dir, 'run'), { recursive: true });
    const http = await freePort();
    const admin = await freePort();
    const stats = ['cluster.upstream_tls.ssl.fail_verify_san: 0', 'cluster.upstream_tls.ssl.handshake: 2',
      `cluster.upstream_wrong_san.ssl.fail_verify_san: ${sanCheck ? 1 : 0}`, `cluster.upstream_wrong_san.ssl.handshake: ${sanCheck ? 0 : 1}`].join('\\n');
    writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1; pid ${dir}/run/nginx.pid; error_log ${dir}/run/error.log;
events { worker_connections 16; }
http {
  access_log off; default_type text/plain;
  client_body_temp_path ${dir}/run/b; proxy_temp_path ${dir}/run/p; fastcgi_temp_path ${dir}/run/f; uwsgi_temp_path ${dir}/run/u; scgi_temp_path ${dir}/run/s;
  server { listen 127.0.0.1:${http};
    location /wrong-san/ { return ${sanCheck ? 503 : 200} "stand-in\\n"; }
    location / { return 200 "upstream got TLSv1.3 sni=upstream.lab.internal path=$request_uri\\n"; } }
  server { listen 127.0.0.1:${admin}; location /stats { return 200 "${stats}\\n"; } }
}
`);
    // The access-log line the lab's log format gives for /wrong-san/ (envoy.yaml), as docker compose logs prints it.
    const reason = sanCheck ? 'TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end' : '-';
    writeFileSync(join(dir, 'envoy.log'), `[2026-11-22T01:00:00.000Z] "GET /wrong-san/" ${sanCheck ? '503 UF' : '200 -'} cluster=upstream_wrong_san upstream_transport_failure_reason=${reason}\n`);
    const bin = fakeBin(dir, { docker: `cat "${dir}/envoy.log"` });
    const nginx = spawn('/usr/sbin/nginx', ['-p', join(dir, 'run'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForPort(http);
    await waitForPort(admin);
    const r = run('bash', [join(LABS, 'tls-origination', 'verify.sh')], { env: fresh(bin, { HTTP_PORT: String(http), ADMIN_PORT: String(admin) }), timeout: 30_000 });
    await stopAndWait(nginx);
    return r;
  }

  let on: Awaited<ReturnType<typeof standIn>>;
  let off: Awaited<ReturnType<typeof standIn>>;
  beforeAll(async () => { on = await standIn(true); off = await standIn(false); });

  it('SAN check on: every claim passes, control included', () => {
    expect(on.code, on.out).toBe(0);
    expect(on.stdout).toMatch(/\n7 PASS, 0 FAIL\n$/);
    expect(on.stdout).toContain('PASS  control: the SAN check ran and failed on the control cluster\n      evidence: cluster.upstream_wrong_san.ssl.fail_verify_san: 1');
  });

  it('SAN check off: the three control claims fail, and verify.sh exits non-zero', () => {
    expect(off.code).not.toBe(0);
    expect(off.stdout).toMatch(/\n4 PASS, 3 FAIL\n$/);
    for (const claim of ['control: a cluster that expects another SAN refuses the same upstream (503)',
      'control: the access log gives the reason, CERTIFICATE_VERIFY_FAILED', 'control: the SAN check ran and failed on the control cluster']) {
      expect(off.stdout).toContain(`FAIL  ${claim}`);
    }
    // The old check alone would have passed here.
    expect(off.stdout).toContain('PASS  no SAN verification failures on the real cluster');
  });
});

describe('break-it/break.sh against a stand-in (an nginx answering 503, a stand-in docker printing the log)', () => {
  let out = '';
  let line = '';
  beforeAll(async () => {
    const dir = join(work, 'break-sh');
    mkdirSync(join(dir, 'run'), { recursive: true });
    const http = await freePort();
    // Envoy's 503 body ends without a newline; so does this one.
    writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1; pid ${dir}/run/nginx.pid; error_log ${dir}/run/error.log;
events { worker_connections 16; }
http {
  access_log off; default_type text/plain;
  client_body_temp_path ${dir}/run/b; proxy_temp_path ${dir}/run/p; fastcgi_temp_path ${dir}/run/f; uwsgi_temp_path ${dir}/run/u; scgi_temp_path ${dir}/run/s;
  server { listen 127.0.0.1:${http}; location / { return 503 "upstream connect error or disconnect/reset before headers. (stand-in)"; } }
}
`);
    // The log line of the lab's format (front-envoy.yaml); the stand-in docker prints the older
    // lines on its first call (break.sh counts them) and the new one from the second call on.
    line = '[2026-11-22T01:00:00.000Z] "GET /expired-cert/" 503 UF cluster=partner_expired_cert upstream_transport_failure_reason=TLS_error:|268436501:SSL_routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED:TLS_error_end';
    writeFileSync(join(dir, 'old.log'), '[2026-11-22T00:59:00.000Z] "GET /ok/" 200 - cluster=partner_ok upstream_transport_failure_reason=-\n');
    writeFileSync(join(dir, 'new.log'), `${line}\n`);
    const bin = fakeBin(dir, {
      docker: `n=$(cat "${dir}/calls" 2>/dev/null || echo 0); echo $((n + 1)) >"${dir}/calls"
cat "${dir}/old.log"; if [ "$n" -ge 1 ]; then cat "${dir}/new.log"; fi`,
    });
    const nginx = spawn('/usr/sbin/nginx', ['-p', join(dir, 'run'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForPort(http);
    out = run('bash', [join(LABS, 'break-it', 'break.sh'), 'expired-cert'], { env: fresh(bin, { HTTP_PORT: String(http) }), timeout: 30_000 }).stdout;
    await stopAndWait(nginx);
  });

  it('prints the client\'s answer, the new failure line as it is, and the two links, each on its own line', () => {
    const lines = out.replace(/\n$/, '').split('\n');
    expect(lines).toEqual([
      '==> send the request (/expired-cert/)',
      'upstream connect error or disconnect/reset before headers. (stand-in)',
      '==> front Envoy access log',
      line,
      '',
      '==> open it in the decoder',
      expect.stringMatching(/^https:\/\/mesh-tls\.example\.org\/en\/tools\/decoder\/#q=/),
      '==> error reference',
      'https://mesh-tls.example.org/en/errors/alert-certificate-expired/',
    ]);
    expect(decodeURIComponent(lines[6]!.split('#q=')[1]!)).toBe(line);
  });
});

describe('kind lab scripts with a stand-in kubectl', () => {
  // kubectl stand-in: apply/delete read the rendered manifest from stdin and record its first
  // line; exec runs the pod's nslookup/curl answers; logs prints the gateway log file, which the
  // curl answers append to when `gatewayLogs` is set (an Istio access-log line, default format).
  function kubectl(dir: string, gatewayLogs: boolean) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'nslookup.txt'), BUSYBOX_FOUND);
    writeFileSync(join(dir, 'gateway.log'), '');
    const tcpLine = '[2026-11-22T01:00:00.000Z] \\"- - -\\" 0 - - - \\"-\\" 845 4090 21 - \\"-\\" \\"-\\" \\"-\\" \\"-\\" \\"172.18.0.4:443\\" outbound|443||api.northwind.example 10.244.0.9:50122 10.244.0.9:443 10.244.0.7:41120 api.northwind.example -';
    const httpLine = '[2026-11-22T01:00:01.000Z] \\"GET /hello HTTP/1.1\\" 200 - via_upstream - \\"-\\" 0 76 5 4 \\"10.244.0.7\\" \\"curl/8.11.1\\" \\"6c1f\\" \\"api.northwind.example\\" \\"172.18.0.4:443\\" outbound|443||api.northwind.example 10.244.0.9:50130 10.244.0.9:80 10.244.0.7:41122 - -';
    return fakeBin(dir, {
      kubectl: `log="${dir}/gateway.log"
case "$*" in
  *" apply -f -"*|*" delete -f -"*) printf '%s %s\\n' "$3" "$(head -n 1)" >>"${dir}/applied.txt"; cat >/dev/null ;;
  *" logs "*) cat "$log" ;;
  *" nslookup "*) cat "${dir}/nslookup.txt" ;;
  *" curl "*https://*) ${gatewayLogs ? `echo "${tcpLine}" >>"$log";` : ''} printf 'partner: verify=NONE dn= tls=TLSv1.3 path=/hello\\n HTTP 200' ;;
  *" curl "*) ${gatewayLogs ? `echo "${httpLine}" >>"$log";` : ''} printf 'partner: verify=NONE dn= tls=TLSv1.3 path=/hello\\n HTTP 200' ;;
esac
exit 0`,
    });
  }

  let logged: { code: number | null; out: string };
  let silent: { code: number | null; out: string };
  let closeBypass: { code: number | null; out: string };
  beforeAll(async () => {
    // Run the three at once: the scripts wait for Istio with sleep.
    [logged, silent, closeBypass] = await Promise.all([
      runAsync('bash', [join(LABS, 'egress-passthrough-vs-simple', 'verify.sh')], fresh(kubectl(join(work, 'k-logged'), true))),
      runAsync('bash', [join(LABS, 'egress-passthrough-vs-simple', 'verify.sh')], fresh(kubectl(join(work, 'k-silent'), false))),
      runAsync('bash', [join(LABS, 'double-mtls-egress', 'break.sh'), 'close-bypass'], fresh(kubectl(join(work, 'k-close'), false))),
    ]);
  }, 60_000);

  it('egress-passthrough-vs-simple/verify.sh: with gateway log lines every claim passes', () => {
    expect(logged.code, logged.out).toBe(0);
    expect(logged.out).toMatch(/\n7 PASS, 0 FAIL\n$/);
  });

  it('egress-passthrough-vs-simple/verify.sh: with no gateway log line the log claims fail, none passes vacuously', () => {
    expect(silent.code).not.toBe(0);
    expect(silent.out).toContain('FAIL  PASSTHROUGH: the egress gateway logged the call');
    expect(silent.out).not.toContain("PASS  PASSTHROUGH: the request path is not in the gateway's log");
    expect(silent.out).toContain('FAIL  SIMPLE: the gateway logged the HTTP request with its path');
  });

  it('double-mtls-egress/break.sh close-bypass: starts from the working configuration, then checks the gateway route, then the closed bypass', () => {
    const applied = readFileSync(join(work, 'k-close', 'applied.txt'), 'utf8').trim().split('\n');
    const file = (first: string) => {
      for (const [name, head] of [['egress.yaml', '# Lab 7: double-mTLS egress'], ['close-bypass.yaml', '# Closing the bypass'], ['vs-gateway-only.yaml', '# The silent-bypass pitfall']]) {
        if (first.includes(head!)) return name;
      }
      return first;
    };
    expect(applied.map((l) => `${l.split(' ')[0]} ${file(l)}`)).toEqual([
      'delete close-bypass.yaml', 'apply egress.yaml', 'apply close-bypass.yaml', 'apply vs-gateway-only.yaml',
    ]);
    expect(closeBypass.out).toContain('with REGISTRY_ONLY the route through the gateway still works');
    expect(closeBypass.out).toContain('without the mesh route the sidecar answers 502 itself (block_all, no cluster)');
  });
});
