// Process helpers for the ground-truth test: free ports, servers that are stopped for sure,
// clients with a timeout, and the exact text each tool printed. Everything binds to 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<string>;
}

/** Starts a server; resolves once `ready(output)` is true or the port accepts connections. */
export async function startServer(cmd: string, args: string[], opts: { port: number; ready?: RegExp; cwd?: string }): Promise<Server> {
  const proc = spawn(cmd, args, { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d) => (out += String(d)));
  proc.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) break;
    if (opts.ready ? opts.ready.test(out) : await accepts(opts.port)) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    proc,
    output: () => out,
    stop: async () => {
      await new Promise((r) => setTimeout(r, 300)); // let the server print what it saw
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      return out;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** Runs a client to completion (or timeout); returns exit code and everything it printed. */
export function runClient(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += String(d)));
    proc.stderr.on('data', (d) => (out += String(d)));
    const timer = setTimeout(() => proc.kill('SIGKILL'), opts.timeoutMs ?? 10_000);
    proc.once('exit', (code) => { clearTimeout(timer); resolve({ code, out }); });
    proc.stdin.end(opts.input ?? '');
  });
}
