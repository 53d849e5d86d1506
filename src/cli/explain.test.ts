import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlossary } from '../lib/site/glossary.ts';
import { discouragedVariants } from '../../tests/helpers/glossary-lint.ts';
import { KO_PHRASES } from '../../tests/helpers/ko-phrases.ts';
import { fixture } from '../lib/explain/rules/fixtures/helpers.ts';
import { HELP } from './help.ts';
import { EXPLAIN_USAGE, runExplain, table } from './explain.ts';
import { main } from './meshtls.ts';

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshtls-explain-cli-'));
  for (const name of ['sidecar-egress.json', 'egress-gateway.json', 'egress-gateway-other-sni.yaml', 'tls-no-sni.json', 'ztunnel.json']) writeFileSync(f(name), await fixture(name));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    env,
  });
  return { code, stdout, stderr };
}

describe('meshtls explain', () => {
  it('prints the map and no finding for a clean sidecar and gateway, exit 0', async () => {
    const r = await run(['explain', '--lang', 'en', f('sidecar-egress.json'), f('egress-gateway.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^== Proxy 1: .*sidecar-egress\.json \(sidecar · shop-7d9c5b6f4-q8k2m\.shop · Istio 1\.30\.3 · config-dump\)$/m);
    expect(r.stdout).toMatch(/^ {2}outbound\|443\|partner\|istio-egressgateway\.istio-egress\.svc\.cluster\.local +active +istio-mutual +api\.northwind\.example +spiffe:\/\/cluster\.local\/ns\/istio-egress\/sa\/istio-egressgateway-service-account +default +ROOTCA /m);
    expect(r.stdout).toMatch(/^ {2}virtualInbound :15006 STRICT/m);
    expect(r.stdout).toMatch(/^ {2}kubernetes:\/\/partner-client-cert +certificate +active +CN=shop-client +shop\.client\.example/m);
    expect(r.stdout).toMatch(/Findings:\n {2}no finding\n0 errors, 0 warnings, 0 notes\n$/);
  });

  it('exits 1 on an error finding and names the field, page and catalog entry (YAML gateway dump)', async () => {
    const r = await run(['explain', '--lang', 'en', f('sidecar-egress.json'), f('egress-gateway-other-sni.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error   [hop1-sni-mismatch]');
    expect(r.stdout).toContain('field: DestinationRule.spec.subsets[].trafficPolicy.portLevelSettings[].tls.sni');
    expect(r.stdout).toContain('page: https://mesh-tls.example.org/en/egress/double-mtls-pitfalls/ · error: https://mesh-tls.example.org/en/errors/filter-chain-not-found/');
  });

  it('prints JSON with docs in the chosen language, Korean from the locale, and reads stdin', async () => {
    const text = readFileSync(f('tls-no-sni.json'), 'utf8');
    const r = await run(['explain', '--format', 'json', '-'], text, { LANG: 'ko_KR.UTF-8' });
    expect(r.code).toBe(0); // a warning alone does not fail
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['proxies', 'clusters', 'listeners', 'secrets', 'routes', 'workloads', 'problems', 'findings', 'summary']);
    expect(json.proxies[0]).toMatchObject({ file: '<stdin>', form: 'clusters' });
    expect(json.findings.map((x: { rule: string; docs: string }) => [x.rule, x.docs])).toEqual([['tls-no-sni', '/patterns/origination/']]);
    expect(json.findings[0].message).toMatch(/SNI 없이/);
  });

  it('checks certificates at --at and shows ztunnel workloads', async () => {
    const at = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const r = await run(['explain', '--lang', 'ko', '--at', at, f('ztunnel.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^워크로드\(ztunnel\) \(2\)$/m);
    expect(r.stdout).toContain('error   [cert-expiry]');
    expect(r.stdout).toContain('info    [ztunnel-plaintext-workload]');
    expect(r.stdout).toMatch(/오류 1개, 경고 0개, 참고 1개\n$/);
  });

  it('exits 2 on usage errors, unreadable files and input that is not a dump', async () => {
    expect((await run(['explain'])).code).toBe(2);
    expect((await run(['explain', '--format', 'sarif', 'x'])).stderr).toContain('--format must be text or json');
    const missing = await run(['explain', '--lang', 'en', f('nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read')]);
    const k8s = await run(['explain', '--lang', 'en', '-'], 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n');
    expect(k8s.code).toBe(2);
    expect(k8s.stdout).toContain('Input problems:\n  <stdin>:1: No Envoy or ztunnel configuration found');
  });

  it('is listed in the help with its exit codes, and has usage in both languages', async () => {
    for (const lang of ['en', 'ko'] as const) {
      expect(HELP[lang]).toContain('meshtls explain [--format text|json]');
      expect(HELP[lang]).toMatch(/explain.*(0|1|2)/);
    }
    expect((await run(['explain', '--help'], '', { LANG: 'ko_KR.UTF-8' })).stdout).toBe(EXPLAIN_USAGE.ko);
  });

  it('aligns Korean table cells by display width', () => {
    expect(table(['이름', 'X'], [['ab', '1']])).toEqual(['이름  X', 'ab    1']);
  });

  it('writes Korean the glossary allows', () => {
    const gdir = join(import.meta.dirname, '../data/glossary');
    const terms = parseGlossary(Object.fromEntries(['ambient', 'basics', 'core', 'egress-mtls', 'egress', 'envoy', 'site'].map((n) => [`${n}.yaml`, readFileSync(join(gdir, `${n}.yaml`), 'utf8')])));
    const src = readFileSync(join(import.meta.dirname, 'explain.ts'), 'utf8');
    const korean = [...src.matchAll(/'([^'\n]*[가-힣][^'\n]*)'/g)].map((m) => m[1]!).join('\n') + EXPLAIN_USAGE.ko;
    expect(discouragedVariants(korean, terms, KO_PHRASES)).toEqual([]);
  });
});
