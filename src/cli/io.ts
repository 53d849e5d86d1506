import type { Env } from './lang.ts';

/** What a CLI command may touch: passed in so tests can run commands in-process. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdin: NodeJS.ReadableStream;
  /** The environment: the locale variables choose the language when there is no --lang. */
  env: Env;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A reader that stops early (`meshtls lint … | head -1`) closes the pipe: the next write fails
 * with EPIPE, which Node reports as an 'error' event and, unhandled, as a stack trace. Take it as
 * the end of the output. Returns whether the output is gone, so the caller can stop writing.
 */
export function endOnBrokenPipe(io: CliIo, command: string): () => boolean {
  const stream = io.stdout as Partial<NodeJS.WritableStream> & { destroyed?: boolean };
  let broken = false;
  if (typeof stream.on === 'function') {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      broken = true;
      if (e.code === 'EPIPE') return;
      io.stderr.write(`${command}: cannot write the output${e.code ? ` (${e.code})` : ''}\n`);
      process.exitCode = 2;
    });
  }
  return () => broken || stream.destroyed === true;
}
