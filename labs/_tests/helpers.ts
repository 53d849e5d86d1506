// Shared by the lab tests: run the labs' own bash code, find free ports, read the scenario table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decode as decodeText } from '../../src/lib/decoder/decode.ts';
import { loadCatalog } from '../../src/lib/decoder/load-catalog.node.ts';

export const LABS = resolve(import.meta.dirname, '..');
export const REPO = resolve(LABS, '..');

/** The lab folders (not _lib, not _tests). */
export function labSlugs(): string[] {
  return readdirSync(LABS).filter((d) => !d.startsWith('_') && statSync(join(LABS, d)).isDirectory()).sort();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `meshtls-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Run a bash snippet after sourcing the lab's common.sh (the real lab code), with WORK_DIR set. */
export function labBash(slug: string, workDir: string, script: string) {
  const r = spawnSync('bash', ['-c', `set -euo pipefail; source "${join(LABS, slug, 'common.sh')}"; ${script}`], {
    env: { ...process.env, WORK_DIR: workDir, LAB_LANG: 'en' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function run(cmd: string, args: string[], opts: { input?: string; timeout?: number; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: opts.timeout ?? 15_000, input: opts.input, env: opts.env ?? process.env });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** A folder of stand-in commands (shell scripts) to put first on PATH: `fakeBin(dir, {docker: '...'})`. */
export function fakeBin(dir: string, scripts: Record<string, string>): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return bin;
}

/** A TCP port that was free a moment ago, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Wait until something accepts TCP connections on 127.0.0.1:port. */
export async function waitForPort(port: number, ms = 5000): Promise<void> {
  const { connect } = await import('node:net');
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((res) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); res(true); });
      s.once('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listening on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function stop(child: ChildProcess | undefined): void {
  if (child && child.exitCode === null) child.kill('SIGTERM');
}

/** Stop a child and wait until it has exited (nginx still writes files while it shuts down). */
export function stopAndWait(child: ChildProcess | undefined, ms = 5000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); res(); }, ms);
    child.once('exit', () => { clearTimeout(timer); res(); });
    child.kill('SIGTERM');
  });
}

export { spawn };

export interface Scenario {
  scenario: string; request: string; field: string; reason: string; error_id: string; code: string;
}

/** labs/break-it/scenarios.tsv, the table break.sh and verify.sh use. */
export function scenarios(): Scenario[] {
  const lines = readFileSync(join(LABS, 'break-it', 'scenarios.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const [head, ...rows] = lines;
  const cols = head!.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])) as unknown as Scenario);
}

/** The access-log line the front Envoy writes for a scenario: Envoy's TLS_error format, with the
 * spaces of "SSL routines" turned into "_" as Envoy does inside access-log fields. */
export function envoyLine(s: Scenario): string {
  const reason = `TLS_error:|${s.code}:SSL_routines:OPENSSL_internal:${s.reason}:TLS_error_end`;
  return s.field === 'upstream'
    ? `[2026-11-22T01:00:00.000Z] "GET ${s.request}" 503 UF cluster=partner_${s.scenario.replaceAll('-', '_')} upstream_transport_failure_reason=${reason}`
    : `[2026-11-22T01:00:00.000Z] listener=tls_in client=172.18.0.1:50000 downstream_transport_failure_reason=${reason}`;
}

// ---------------------------------------------------------------- the project's decoder

const catalog = loadCatalog();

export interface DecoderMatch { id: string; category: string }

/** Decode with the project's decoder engine and catalog, as the CLI does. */
export async function decode(text: string): Promise<DecoderMatch[]> {
  return decodeText(text, catalog, { lang: 'en' }).matches;
}
