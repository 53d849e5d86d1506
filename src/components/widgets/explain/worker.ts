// The proxy state explainer off the main thread. Files are read here, piece by piece
// (File.stream()), and pushed into the engine's streaming reader as they arrive, with a progress
// message every so often; the page can stop a job at any time by terminating this worker.
// Pasted text and files never leave the worker except as the TLS map the page draws.
import { createReader, RULES } from '../../../lib/explain/index.ts';
import { toView } from './adapter.ts';
import { PRIVATE_KEY, ROWS_PER_MESSAGE, type ExplainDone, type ExplainFacts, type ExplainProgress, type ExplainRequest, type ExplainResponse, type ExplainRows, type FactsRequest } from './protocol.ts';
import type { Facts } from './view.ts';

/** A progress message at most this often: the page redraws one status line per message. */
const PROGRESS_MS = 100;
/** Characters kept from the end of one chunk, so a marker split across two chunks is still seen. */
const OVERLAP = 64;

/** The last result's row facts, built when the page asks for a row. */
let last: { id: number; facts: (key: string) => Facts } | undefined;

async function run(id: number, req: ExplainRequest): Promise<ExplainResponse> {
  const started = performance.now();
  const titles = Object.fromEntries(RULES.map((r) => [r.id, r.title[req.lang]]));
  const reader = createReader({ lang: req.lang });
  let privateKey = false;
  const total = req.inputs.reduce((n, i) => n + ('file' in i ? i.file.size : i.text.length), 0);
  let done = 0;
  let lastProgress = 0;
  const progress = (file: string, phase: 'read' | 'explain') => {
    const now = performance.now();
    if (phase === 'read' && now - lastProgress < PROGRESS_MS) return;
    lastProgress = now;
    self.postMessage({ id, progress: { phase, done, total, file } } satisfies ExplainProgress);
  };
  for (const input of req.inputs) {
    const sink = reader.open(input.name);
    if ('text' in input) {
      privateKey ||= PRIVATE_KEY.test(input.text);
      sink.push(input.text);
      done += input.text.length;
    } else {
      // The bytes go to the engine as they are (it decodes them); a copy is decoded here only
      // until a private key is seen.
      const decoder = new TextDecoder('utf-8');
      const stream = input.file.stream().getReader();
      let tail = '';
      for (;;) {
        const { done: end, value } = await stream.read();
        if (end) break;
        if (!privateKey) {
          const text = decoder.decode(value, { stream: true });
          privateKey = PRIVATE_KEY.test(tail + text);
          tail = text.slice(-OVERLAP);
        }
        sink.push(value);
        done += value.byteLength;
        progress(input.name, 'read');
      }
    }
    sink.end();
  }
  progress('', 'explain');
  const result = await reader.finish();
  const { view, facts } = toView(result, titles, privateKey, performance.now() - started);
  last = { id, facts };
  for (let i = 0; i < view.rows.length; i += ROWS_PER_MESSAGE) self.postMessage({ id, rows: view.rows.slice(i, i + ROWS_PER_MESSAGE) } satisfies ExplainRows);
  return { kind: 'ok', view: { ...view, rows: [] } };
}

self.addEventListener('message', (event: MessageEvent<{ id: number; req: ExplainRequest } | FactsRequest>) => {
  const data = event.data;
  if ('facts' in data) {
    self.postMessage({ id: data.id, key: data.facts, facts: last?.id === data.id ? last.facts(data.facts) : [] } satisfies ExplainFacts);
    return;
  }
  const { id, req } = data;
  last = undefined;
  run(id, req).then(
    (res) => self.postMessage({ id, res } satisfies ExplainDone),
    (e: unknown) => self.postMessage({ id, res: { kind: 'failed', message: String((e as Error)?.message ?? e) } } satisfies ExplainDone),
  );
});
