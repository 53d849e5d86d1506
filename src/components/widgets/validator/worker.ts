// The validator engine off the main thread: lint findings, the alignment map and a count of what
// was read. The watchdog in the page terminates this worker if a paste keeps it busy too long.
import { analyze } from '../../../lib/validator/engine.ts';
import type { LintRequest, LintResponse } from './protocol.ts';

const FILE = 'input.yaml';

/** Documents and top-level kinds, read from the text (cheap; only for the summary sentence). */
function inventory(text: string): { documents: number; kinds: Record<string, number> } {
  const kinds: Record<string, number> = {};
  for (const m of text.matchAll(/^kind:[ \t]*["']?([A-Za-z][\w.-]*)/gm)) kinds[m[1]!] = (kinds[m[1]!] ?? 0) + 1;
  const separators = text.match(/^---/gm)?.length ?? 0;
  const startsWithSeparator = /^\s*(#[^\n]*\n\s*)*---/.test(text);
  return { documents: Math.max(1, separators + (startsWithSeparator ? 0 : 1)), kinds };
}

function run(req: LintRequest): LintResponse {
  const files = [{ name: FILE, text: req.text }];
  // One parse for both: the findings and the alignment map of every double-mTLS bundle.
  return { ...analyze(files, { lang: req.lang }), ...inventory(req.text) };
}

self.addEventListener('message', (event: MessageEvent<{ id: number; req: LintRequest }>) => {
  self.postMessage({ id: event.data.id, res: run(event.data.req) });
});
