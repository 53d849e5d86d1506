// The watchdog against a real thread (node:worker_threads behind the Web Worker interface the
// runner uses): a job that never ends must fail with "timeout" and the next job must succeed.
import { Worker as NodeWorker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { JobError, WorkerRunner } from './worker-runner.ts';

const SOURCE = `
const { parentPort } = require('node:worker_threads');
let prefix = '';
parentPort.on('message', (m) => {
  if (m.setPrefix) { prefix = m.setPrefix; return; }
  if (m.req === 'spin') for (;;) {}
  if (m.req === 'throw') throw new Error('boom');
  parentPort.postMessage({ id: m.id, res: prefix + String(m.req).toUpperCase() });
});`;

let started = 0;
function makeWorker(): Worker {
  started++;
  const w = new NodeWorker(SOURCE, { eval: true });
  const adapter = {
    postMessage: (m: unknown) => w.postMessage(m),
    terminate: () => void w.terminate(),
    addEventListener: (type: string, fn: (e: unknown) => void) => {
      if (type === 'message') w.on('message', (data) => fn({ data }));
      if (type === 'error') w.on('error', (err) => fn(err));
    },
  };
  return adapter as unknown as Worker;
}

describe('WorkerRunner', () => {
  it('answers jobs, replays setup messages, and survives a runaway job', async () => {
    started = 0;
    const runner = new WorkerRunner<string, string>(makeWorker, 500);
    runner.init({ setPrefix: '> ' });
    expect(await runner.run('hello')).toBe('> HELLO');

    const t0 = Date.now();
    const err = await runner.run('spin').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobError);
    expect((err as JobError).reason).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);

    // A fresh worker, with the setup message sent again.
    expect(await runner.run('again')).toBe('> AGAIN');
    expect(started).toBe(2);
  });

  it('reports a crashing worker as "crash" and recovers', async () => {
    const runner = new WorkerRunner<string, string>(makeWorker, 5000);
    const err = await runner.run('throw').catch((e: unknown) => e);
    expect((err as JobError).reason).toBe('crash');
    expect(await runner.run('ok')).toBe('OK');
  });
});
