// The validator engine off the main thread: lint findings, the alignment map and a count of what
// was read. The watchdog in the page terminates this worker if a paste keeps it busy too long.
// The engine and its schemas are most of the bytes: they are fetched on the first lint.
import type { LintRequest, LintResponse } from './protocol.ts';

type Engine = typeof import('../../../lib/validator/engine.ts');
let engine: Promise<Engine> | undefined;

const FILE = 'input.yaml';

/** Documents and top-level kinds, read from the text (cheap; only for the summary sentence). */
function inventory(text: string): { documents: number; kinds: Record<string, number> } {
  const kinds: Record<string, number> = {};
  for (const m of text.matchAll(/^kind:[ \t]*["']?([A-Za-z][\w.-]*)/gm)) kinds[m[1]!] = (kinds[m[1]!] ?? 0) + 1;
  const separators = text.match(/^---/gm)?.length ?? 0;
  const startsWithSeparator = /^\s*(#[^\n]*\n\s*)*---/.test(text);
  return { documents: Math.max(1, separators + (startsWithSeparator ? 0 : 1)), kinds };
}

async function run(req: LintRequest): Promise<LintResponse> {
  const { analyze } = await (engine ??= import('../../../lib/validator/engine.ts'));
  const files = [{ name: FILE, text: req.text }];
  // One parse for both: the findings and the alignment map of every double-mTLS bundle.
  return { ...analyze(files, { lang: req.lang }), ...inventory(req.text) };
}

self.addEventListener('message', (event: MessageEvent<{ id: number; req: LintRequest }>) => {
  void run(event.data.req).then(
    (res) => self.postMessage({ id: event.data.id, res }),
    // Thrown outside the promise, so the page's runner sees the worker's error event, as before.
    (error: unknown) => setTimeout(() => { throw error; }),
  );
});
