// The proxy state explainer off the main thread. Files are read here, piece by piece
// (File.stream()), and pushed into the engine's streaming reader as they arrive, with a progress
// message every so often; the page can stop a job at any time by terminating this worker.
// Pasted text and files never leave the worker except as the TLS map the page draws.
import { createReader, RULES } from '../../../lib/explain/index.ts';
import { toView } from './adapter.ts';
import { PRIVATE_KEY, type ExplainDone, type ExplainProgress, type ExplainRequest, type ExplainResponse } from './protocol.ts';

/** A progress message at most this often: the page redraws one status line per message. */
const PROGRESS_MS = 100;
/** Characters kept from the end of one chunk, so a marker split across two chunks is still seen. */
const OVERLAP = 64;

async function run(id: number, req: ExplainRequest): Promise<ExplainResponse> {
  const started = performance.now();
  const titles = Object.fromEntries(RULES.map((r) => [r.id, r.title[req.lang]]));
  const reader = createReader({ lang: req.lang });
  let privateKey = false;
  const total = req.inputs.reduce((n, i) => n + ('file' in i ? i.file.size : i.text.length), 0);
  let done = 0;
  let last = 0;
  const progress = (file: string, phase: 'read' | 'explain') => {
    const now = performance.now();
    if (phase === 'read' && now - last < PROGRESS_MS) return;
    last = now;
    self.postMessage({ id, progress: { phase, done, total, file } } satisfies ExplainProgress);
  };
  for (const input of req.inputs) {
    const sink = reader.open(input.name);
    if ('text' in input) {
      privateKey ||= PRIVATE_KEY.test(input.text);
      sink.push(input.text);
      done += input.text.length;
    } else {
      const decoder = new TextDecoder('utf-8');
      const stream = input.file.stream().getReader();
      let tail = '';
      for (;;) {
        const { done: end, value } = await stream.read();
        if (end) break;
        const text = decoder.decode(value, { stream: true });
        if (!privateKey) {
          privateKey = PRIVATE_KEY.test(tail + text);
          tail = text.slice(-OVERLAP);
        }
        sink.push(text);
        done += value.byteLength;
        progress(input.name, 'read');
      }
      const rest = decoder.decode();
      if (rest) sink.push(rest);
    }
    sink.end();
  }
  progress('', 'explain');
  const result = await reader.finish();
  return { kind: 'ok', view: toView(result, titles, privateKey, performance.now() - started) };
}

self.addEventListener('message', (event: MessageEvent<{ id: number; req: ExplainRequest }>) => {
  const { id, req } = event.data;
  run(id, req).then(
    (res) => self.postMessage({ id, res } satisfies ExplainDone),
    (e: unknown) => self.postMessage({ id, res: { kind: 'failed', message: String((e as Error)?.message ?? e) } } satisfies ExplainDone),
  );
});
