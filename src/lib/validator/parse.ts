import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import { jsonDocuments } from './json-doc.ts';
import type { ParsedDoc, Path, Resource } from './types.ts';

/**
 * List items checked per paste. `kubectl get -A -o yaml` of a large mesh is a few thousand; far
 * more is a paste of a whole cluster, which the validator answers with a note instead of minutes.
 */
export const MAX_LIST_ITEMS = 20_000;

/** More aliases than this in one document is an alias bomb, not a config. */
export const MAX_ALIASES = 200;

/**
 * Errors after which the yaml package still builds the whole document: the other rules run on
 * it (a duplicate key keeps its last value). Any other error leaves the document unchecked.
 */
const NON_FATAL = new Set(['DUPLICATE_KEY']);

export interface ParseProblem { src: ParsedDoc; offset: number; endOffset: number; code: string; message: string }

export function parseFile(file: string, text: string): { docs: ParsedDoc[]; problems: ParseProblem[] } {
  const json = jsonDocuments(text);
  if (json) return { docs: json.map((d, index) => ({ file, index, ...d })), problems: [] };
  const lc = new LineCounter();
  const docs: ParsedDoc[] = [];
  const problems: ParseProblem[] = [];
  const all = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(all) ? all : [];
  list.forEach((doc, index) => {
    const src: ParsedDoc = { file, index, doc, lc, value: undefined };
    docs.push(src);
    for (const e of doc.errors) {
      problems.push({ src, offset: e.pos[0], endOffset: e.pos[1], code: e.code, message: e.message.split('\n')[0] ?? '' });
    }
    if (doc.errors.every((e) => NON_FATAL.has(e.code))) {
      try {
        src.value = doc.toJS({ maxAliasCount: MAX_ALIASES });
      } catch (e) {
        const at = doc.contents?.range?.[0] ?? 0;
        // The yaml package refuses an alias bomb by message; anything else here is a stack overflow.
        const alias = e instanceof Error && /alias/i.test(e.message);
        problems.push({ src, offset: at, endOffset: at + 1, code: alias ? 'ALIAS_COUNT' : 'RESOURCE_EXHAUSTION', message: alias ? 'too many aliases' : 'nesting too deep' });
      }
    }
  });
  return { docs, problems };
}

/**
 * A `List` (`kubectl get … -o yaml|json` prints `kind: List`; the API server's own lists are
 * `<Kind>List`) is a wrapper, not a resource: each item takes the list's place as a document of
 * its own, so every rule sees it as if it had been pasted bare. An item is a view of the same
 * parse (same text offsets and LineCounter), rooted at the item's node, so positions are the
 * item's lines in the pasted text. Lists inside lists are opened too.
 */
export function expandLists(docs: ParsedDoc[], max = MAX_LIST_ITEMS): { docs: ParsedDoc[]; items: number; skipped: number } {
  if (!docs.some((d) => isList(d.value))) return { docs, items: 0, skipped: 0 };
  const out: ParsedDoc[] = [];
  let items = 0;
  let skipped = 0;
  const open = (d: ParsedDoc, depth: number) => {
    const v = d.value;
    const node = d.doc.contents as Node | null;
    if (depth > 8 || !isList(v) || !isMap(node)) { out.push(d); return; }
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === 'items');
    const seq = pair?.value as Node | null | undefined;
    if (!isSeq(seq)) { out.push(d); return; }
    v.items.forEach((item, i) => {
      const at = seq.items[i] as Node | undefined;
      if (!at) return;
      if (!isList(item) && ++items > max) { skipped++; return; }
      const view = { contents: at, range: at.range, errors: [], warnings: [] } as unknown as Document.Parsed;
      open({ file: d.file, index: d.index, doc: view, lc: d.lc, value: item }, depth + 1);
    });
  };
  for (const d of docs) open(d, 0);
  return { docs: out, items: Math.min(items, max), skipped };
}

/** `kind: List` or `kind: <Kind>List` with an `items` array. */
export function isList(v: unknown): v is { kind: string; items: unknown[] } {
  return isObj(v) && typeof v.kind === 'string' && /List$/.test(v.kind) && Array.isArray(v.items);
}

/** The YAML node at `path`, and the key node that leads to it; stops at the deepest node found. */
export function nodeAt(d: ParsedDoc, path: Path): { key?: Node; node?: Node } {
  let node = d.doc.contents as Node | null;
  let key: Node | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value as Node | null;
      if (!node) return { key };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      key = item;
      node = item;
    } else break;
  }
  return { key, node: node ?? undefined };
}

export function position(d: ParsedDoc, path: Path, on: 'key' | 'value' = 'key') {
  const { key, node } = nodeAt(d, path);
  const target = (on === 'key' ? key ?? node : node ?? key) as Node | undefined;
  const range = target?.range ?? d.doc.contents?.range ?? d.doc.range;
  const start = d.lc.linePos(range?.[0] ?? 0);
  const end = d.lc.linePos(range?.[1] ?? range?.[0] ?? 0);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Kubernetes-style resources among the parsed documents. */
export function toResources(docs: ParsedDoc[]): Resource[] {
  const out: Resource[] = [];
  for (const src of docs) {
    const v = src.value;
    if (!isObj(v) || typeof v.kind !== 'string' || typeof v.apiVersion !== 'string') continue;
    const meta = isObj(v.metadata) ? v.metadata : {};
    const nsExplicit = typeof meta.namespace === 'string' && meta.namespace !== '';
    out.push({
      src,
      kind: v.kind,
      apiVersion: v.apiVersion,
      group: v.apiVersion.includes('/') ? v.apiVersion.split('/')[0]! : '',
      name: typeof meta.name === 'string' ? meta.name : '',
      ns: nsExplicit ? (meta.namespace as string) : 'default',
      nsExplicit,
      obj: v,
      spec: isObj(v.spec) ? v.spec : {},
    });
  }
  return out;
}
