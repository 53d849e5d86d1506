// The single-file CLI as users get it: built by scripts/build-cli.mjs into a temporary folder, run
// by the system's Node (20 on the CI machine) from a folder without node_modules, installed from
// its npm package, and driven by the GitHub Actions workflows printed on the validator page.
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { presets } from '../lib/validator/index.ts';
import { codeBlocks, readPage } from '../../tests/helpers/content.ts';
import { runDecode } from './decode.ts';
import { runLint } from './lint.ts';
import { sarifProblems } from './sarif-shape.ts';
import { CLI_DOWNLOAD_URL } from './site.ts';

const ROOT = join(import.meta.dirname, '../..');
// The machine's own Node, not the project's Node 24 that npm puts first on PATH.
const SYSTEM_NODE = '/usr/bin/node';
const SYSTEM_PATH = '/usr/bin:/bin';
const hasSystemNode = existsSync(SYSTEM_NODE);

const tmp = mkdtempSync(join(tmpdir(), 'meshtls-single-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const out = join(tmp, 'downloads');
const bundle = join(out, 'meshtls.mjs');
const yamlOf = (id: string) => presets.find((p) => p.id === id)!.yaml;
const FIXTURES = {
  'bad.yaml': yamlOf('pitfall-sni-mismatch'), // one error finding
  'warn.yaml': yamlOf('pitfall-duplicate-dr'), // warnings only
  'ok.yaml': yamlOf('double-mtls-valid'), // clean on its own
  // Clean beside either of the others (files linted together are one bundle).
  'mtls.yaml': 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n',
};

/** A fresh folder outside the repository with the given files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmp, 'ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function build(outDir: string, packageDir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--out-dir', outDir, '--package-dir', packageDir], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

/** Runs a command with only the system's folders on PATH (so `node` is the system Node). */
const sh = (cmd: string, args: string[], opts: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}) =>
  spawnSync(cmd, args, { timeout: 60_000, ...opts, encoding: 'utf8', env: { PATH: SYSTEM_PATH, ...opts.env } });

async function inProcessLint(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  const here = process.cwd();
  process.chdir(cwd); // the file names in the output are the ones given, relative to cwd
  try {
    let o = '';
    const code = await runLint(argv, { stdout: { write: (s: string) => (o += s) }, stderr: { write: () => true }, stdin: Readable.from(['']), env: {} });
    return { code, out: o };
  } finally {
    process.chdir(here);
  }
}

beforeAll(() => build(out, join(tmp, 'cli-package')), 180_000);

describe.skipIf(!hasSystemNode)('single-file CLI on the system Node', () => {
  it('runs on Node >= 20', () => {
    const v = sh(SYSTEM_NODE, ['--version']).stdout.trim();
    expect(Number(v.match(/^v(\d+)/)?.[1])).toBeGreaterThanOrEqual(20);
  });

  it('lints outside the repository with the exit codes of the contract, in text, json and sarif', async () => {
    const ws = workspace(FIXTURES);
    const run = (...args: string[]) => sh(SYSTEM_NODE, [bundle, 'lint', ...args], { cwd: ws });
    const bad = run('--lang', 'en', 'bad.yaml');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.yaml:\d+:\d+: error \[align-sni\] DestinationRule\//m);
    expect(bad.stderr).toBe('');
    expect(run('--lang', 'en', 'warn.yaml').status).toBe(0);
    expect(run('ok.yaml').status).toBe(0);
    expect(run('missing.yaml').status).toBe(2);
    expect(run('--format', 'xml', 'ok.yaml').status).toBe(2);
    // json and sarif: byte for byte what the TypeScript sources print.
    for (const format of ['json', 'sarif', 'github']) {
      const args = ['--format', format, '--lang', 'en', 'bad.yaml', 'warn.yaml', 'mtls.yaml'];
      const built = run(...args);
      const source = await inProcessLint(args, ws);
      expect(built.status, format).toBe(1);
      expect(built.stdout, format).toBe(source.out);
    }
    expect(sarifProblems(JSON.parse(run('--format', 'sarif', 'bad.yaml', 'warn.yaml').stdout))).toEqual([]);
    // The locale decides the language here too.
    expect(sh(SYSTEM_NODE, [bundle, 'lint', 'bad.yaml'], { cwd: ws, env: { LANG: 'ko_KR.UTF-8' } }).stdout).toMatch(/^오류 1개, 경고 0개, 참고 \d+개$/m);
  });

  it('decodes with the error catalog built in', async () => {
    const line = 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number';
    const built = sh(SYSTEM_NODE, [bundle, 'decode', '--format', 'json', '--lang', 'en', line], { cwd: tmp });
    expect(built.status).toBe(0);
    let source = '';
    await runDecode(['--format', 'json', '--lang', 'en', line], { stdout: { write: (s: string) => (source += s) }, stderr: { write: () => true }, stdin: Readable.from(['']), env: {} });
    expect(built.stdout).toBe(source);
    expect(JSON.parse(built.stdout).results[0].matches.length).toBeGreaterThan(0);
  });

  it('is published with its SHA-256, and the same sources give the same bytes', () => {
    const bytes = readFileSync(bundle);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(readFileSync(`${bundle}.sha256`, 'utf8')).toBe(`${sha}  meshtls.mjs\n`);
    expect(sh('sha256sum', ['-c', 'meshtls.mjs.sha256'], { cwd: out }).status).toBe(0);
    const again = join(tmp, 'again');
    build(again, join(tmp, 'again-package'));
    expect(readFileSync(join(again, 'meshtls.mjs.sha256'), 'utf8')).toBe(readFileSync(`${bundle}.sha256`, 'utf8'));
  }, 120_000);

  it('packs into an npm package without dependencies that installs and runs offline', () => {
    const packDir = join(tmp, 'packed');
    mkdirSync(packDir);
    const pack = spawnSync('npm', ['pack', join(tmp, 'cli-package'), '--pack-destination', packDir], { encoding: 'utf8', timeout: 60_000 });
    expect(pack.status, pack.stderr).toBe(0);
    const [tgz] = readdirSync(packDir).filter((f) => /^meshtls-.*\.tgz$/.test(f));
    expect(tgz).toBe(`meshtls-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}.tgz`);
    const manifest = JSON.parse(sh('tar', ['-xzOf', join(packDir, tgz!), 'package/package.json']).stdout);
    expect(manifest).toMatchObject({ name: 'meshtls', bin: { meshtls: 'meshtls.mjs' }, engines: { node: '>=20' } });
    expect(manifest.dependencies).toBeUndefined();
    expect(sh('tar', ['-tzf', join(packDir, tgz!)]).stdout.split('\n').filter(Boolean).sort()).toEqual(['package/README.md', 'package/meshtls.mjs', 'package/package.json']);

    const prefix = join(tmp, 'prefix');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', `./${tgz}`], { cwd: packDir, encoding: 'utf8', timeout: 120_000 });
    expect(install.status, install.stderr).toBe(0);
    const ws = workspace(FIXTURES);
    // Through the installed command's #!/usr/bin/env node, with only the system's Node on PATH.
    const r = sh(join(prefix, 'bin/meshtls'), ['lint', '--format', 'json', 'bad.yaml', 'mtls.yaml'], { cwd: ws });
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).summary.errors).toBe(1);
    expect(sh(join(prefix, 'bin/meshtls'), ['--help'], { cwd: ws }).stdout).toContain('Exit codes of lint');
  }, 180_000);
});

// The workflows on the validator page, run step by step as a runner would (bash -e, pipefail),
// with the download replaced by a copy of the file built above.
function workflows(lang: 'ko' | 'en') {
  return codeBlocks(readPage(lang, 'tools/validator.mdx').body)
    .filter((b) => /^yaml\b.*title="\.github\/workflows\//.test(b.info))
    .map((b) => ({ title: b.info.match(/title="([^"]+)"/)![1]!, doc: parse(b.code) as { jobs: Record<string, { steps: Record<string, unknown>[] }> } }));
}

function localDownload(script: string): string {
  return script.replace(/curl -fsSLO (\S+)/g, (_, url: string) => {
    expect(url.startsWith(CLI_DOWNLOAD_URL), url).toBe(true); // the page names the address the site serves
    return `cp '${join(out, basename(url))}' .`;
  });
}

interface StepRun { name: string; status: number | null; stdout: string; uses?: string; with?: Record<string, string> }

function runJob(steps: Record<string, unknown>[], ws: string): StepRun[] {
  const done: StepRun[] = [];
  for (const step of steps) {
    if (typeof step.uses === 'string') {
      done.push({ name: step.uses, status: 0, stdout: '', uses: step.uses, with: step.with as Record<string, string> | undefined });
      continue;
    }
    const r = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', localDownload(String(step.run))], { cwd: ws });
    done.push({ name: String(step.name ?? step.run), status: r.status, stdout: r.stdout });
    if (r.status !== 0) break; // later steps do not run
  }
  return done;
}

describe.skipIf(!hasSystemNode).each(['ko', 'en'] as const)('the CI workflows on the %s validator page', (lang) => {
  const [annotations, scanning] = workflows(lang);

  it('are the two workflows, with the lint step last before any upload', () => {
    expect([annotations?.title, scanning?.title]).toEqual(['.github/workflows/meshtls.yml', '.github/workflows/meshtls-code-scanning.yml']);
  });

  it('annotate the pull request and fail the job on an error finding, and pass on clean config', () => {
    const steps = Object.values(annotations!.doc.jobs)[0]!.steps;
    const failing = runJob(steps, workspace({ 'k8s/bad.yaml': FIXTURES['bad.yaml'], 'k8s/mtls.yaml': FIXTURES['mtls.yaml'] }));
    const lint = failing.at(-1)!;
    expect(failing.slice(0, -1).every((s) => s.status === 0)).toBe(true);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/^::error file=k8s\/bad\.yaml,line=\d+,col=\d+,.*title=meshtls align-sni::/m);
    expect(lint.stdout).not.toMatch(/file=k8s\/mtls\.yaml/);
    const passing = runJob(steps, workspace({ 'k8s/mtls.yaml': FIXTURES['mtls.yaml'], 'k8s/warn.yaml': FIXTURES['warn.yaml'] }));
    expect(passing.map((s) => s.status).every((s) => s === 0)).toBe(true);
    expect(passing.at(-1)!.stdout).toMatch(/^::warning file=k8s\/warn\.yaml,/m);
  });

  it('write a valid SARIF file for the upload step even with error findings, and fail on exit code 2', () => {
    const steps = Object.values(scanning!.doc.jobs)[0]!.steps;
    const ws = workspace({ 'k8s/bad.yaml': FIXTURES['bad.yaml'], 'k8s/warn.yaml': FIXTURES['warn.yaml'] });
    const ran = runJob(steps, ws);
    expect(ran.map((s) => s.status)).toEqual(steps.map(() => 0));
    const upload = ran.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const log = JSON.parse(readFileSync(join(ws, upload.with!.sarif_file!), 'utf8'));
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri]))
      .toContainEqual(['align-sni', 'k8s/bad.yaml']);
    // No k8s/ folder: the glob stays literal, the file cannot be read, exit code 2 fails the step.
    const broken = runJob(steps, workspace({ 'README.md': 'no config here\n' }));
    expect(broken.at(-1)!.status).not.toBe(0);
    expect(broken.some((s) => s.uses?.startsWith('github/codeql-action/'))).toBe(false);
  });
});
