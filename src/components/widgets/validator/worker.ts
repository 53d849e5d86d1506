// The validator engine off the main thread: lint findings, the alignment map and a count of what
// was read. The watchdog in the page terminates this worker if a paste keeps it busy too long.
// The engine and its schemas are most of the bytes: they are fetched on the first lint.
import type { LintRequest, LintResponse } from './protocol.ts';

type Engine = typeof import('../../../lib/validator/engine.ts');
let engine: Promise<Engine> | undefined;

const FILE = 'input.yaml';

async function run(req: LintRequest): Promise<LintResponse> {
  const { analyze } = await (engine ??= import('../../../lib/validator/engine.ts'));
  const files = [{ name: FILE, text: req.text }];
  // One parse for all three: the findings, the alignment map of every double-mTLS bundle, and
  // the documents and kinds read (a List counts as its items) for the summary sentence.
  const { result, alignment, inventory } = analyze(files, { lang: req.lang });
  return { result, alignment, ...inventory };
}

self.addEventListener('message', (event: MessageEvent<{ id: number; req: LintRequest }>) => {
  void run(event.data.req).then(
    (res) => self.postMessage({ id: event.data.id, res }),
    // Thrown outside the promise, so the page's runner sees the worker's error event, as before.
    (error: unknown) => setTimeout(() => { throw error; }),
  );
});
