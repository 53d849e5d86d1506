// Runs jobs in a Web Worker with a watchdog: a job that takes longer than `timeoutMs` gets the
// worker terminated (the only way to stop a runaway parse) and a fresh one started for the next job.
// The main thread never waits on the engine, so the tab stays responsive whatever is pasted.

export type JobFailure = 'timeout' | 'crash';

export class JobError extends Error {
  reason: JobFailure;
  constructor(reason: JobFailure) {
    super(reason);
    this.reason = reason;
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: JobError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class WorkerRunner<Req, Res> {
  private make: () => Worker;
  private timeoutMs: number;
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Messages sent to every new worker before its first job (e.g. the catalog). */
  private setup: unknown[] = [];

  constructor(make: () => Worker, timeoutMs: number) {
    this.make = make;
    this.timeoutMs = timeoutMs;
  }

  /** Sends `message` now and again to every worker started later. */
  init(message: unknown): void {
    this.setup.push(message);
    this.worker?.postMessage(message);
  }

  /** Starts the worker ahead of the first job (it is a same-origin script request). */
  warm(): void {
    this.ensure();
  }

  run(req: Req): Promise<Res> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new JobError('timeout')), this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.postMessage({ id, req });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.make();
    worker.addEventListener('message', (event: MessageEvent<{ id: number; res: unknown }>) => {
      const job = this.pending.get(event.data?.id);
      if (!job) return;
      clearTimeout(job.timer);
      this.pending.delete(event.data.id);
      job.resolve(event.data.res);
    });
    // An uncaught error or out-of-memory in the worker: treat like a timeout, start afresh.
    worker.addEventListener('error', () => this.fail(new JobError('crash')));
    for (const m of this.setup) worker.postMessage(m);
    this.worker = worker;
    return worker;
  }

  /** Stops the worker and fails every job it held; the next `run` starts a new worker. */
  private fail(error: JobError): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }
}
