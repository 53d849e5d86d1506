// A paste that is one JSON document (`kubectl get -o json`), or JSON Lines, is read with JSON.parse, many times
// faster than the YAML parser reads the same text as flow collections, and its positions come from
// one scan of the text that builds the `yaml` package's node types (maps, sequences, pairs,
// scalars with source ranges): the rest of the validator cannot tell it from a YAML parse.
import { Document, isMap, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

/** Deeper than this, the YAML path reads it and says "nesting too deep"; no real config is. */
const MAX_DEPTH = 500;

export interface JsonDoc { doc: Document.Parsed; lc: LineCounter; value: unknown }

/**
 * The documents and their values when `text` is exactly one JSON value (a byte order mark and
 * surrounding whitespace allowed), or JSON Lines: one object per line, as `jq -c '.items[]'`
 * prints a List. Each is nested no deeper than MAX_DEPTH and has no repeated keys; otherwise
 * undefined, and the caller reads the text as YAML.
 */
export function jsonDocuments(text: string): JsonDoc[] | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = /\S/.exec(text.slice(start, start + 4096));
  if (!first || (first[0] !== '{' && first[0] !== '[')) return undefined;
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  const one = jsonAt(text, start, text.length, lc);
  if (one) return [one];
  if (!/^\s*\{/.test(text.slice(start)) || !/\}\s*\n\s*\{/.test(text)) return undefined;
  const docs: JsonDoc[] = [];
  for (let from = start; from < text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (text.slice(from, to).trim()) {
      const d = jsonAt(text, from, to, lc);
      if (!d) return undefined;
      docs.push(d);
    }
    from = to + 1;
  }
  return docs.length ? docs : undefined;
}

function jsonAt(text: string, from: number, to: number, lc: LineCounter): JsonDoc | undefined {
  let value: unknown;
  try { value = JSON.parse(text.slice(from, to)); } catch { return undefined; }
  if (!value || typeof value !== 'object') return undefined;
  const root = scan(text, from, to);
  if (!root) return undefined;
  const doc = new Document() as unknown as Document.Parsed;
  doc.contents = root as never;
  doc.range = [from, to, to];
  return { doc, lc, value };
}

interface Open { node: YAMLMap | YAMLSeq; key?: Scalar; keys?: Set<string> }

/** Nodes with ranges for valid JSON (JSON.parse has already accepted it). */
function scan(text: string, from: number, to: number): Node | undefined {
  const stack: Open[] = [];
  let root: Node | undefined;
  // Put a value node where it belongs: a map's key or value, a sequence item, or the root.
  const place = (n: Node): boolean => {
    const top = stack[stack.length - 1];
    if (!top) { root = n; return true; }
    if (isMap(top.node)) {
      if (!top.key) {
        const k = String((n as Scalar).value);
        if (top.keys!.has(k)) return false; // YAML reports repeated keys; let it
        top.keys!.add(k);
        top.key = n as Scalar;
        return true;
      }
      top.node.items.push(new Pair(top.key, n));
      top.key = undefined;
    } else top.node.items.push(n);
    return true;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '{' || c === '[') {
      const node = c === '{' ? new YAMLMap() : new YAMLSeq();
      node.range = [i, i, i];
      if (!place(node)) return undefined;
      stack.push(c === '{' ? { node, keys: new Set() } : { node });
      if (stack.length > MAX_DEPTH) return undefined;
    } else if (c === '}' || c === ']') {
      const top = stack.pop()!;
      top.node.range = [top.node.range![0], i + 1, i + 1];
    } else if (c === '"') {
      let j = i + 1;
      let escaped = false;
      for (; j < to; j++) {
        const d = text.charCodeAt(j);
        if (d === 92) { escaped = true; j++; } else if (d === 34) break;
      }
      const raw = text.slice(i, j + 1);
      const s = new Scalar(escaped ? JSON.parse(raw) : raw.slice(1, -1));
      s.range = [i, j + 1, j + 1];
      if (!place(s)) return undefined;
      i = j;
    } else if (c === '-' || (c >= '0' && c <= '9') || c === 't' || c === 'f' || c === 'n') {
      let j = i + 1;
      while (j < to && !/[\s,\]}]/.test(text[j]!)) j++;
      const s = new Scalar(JSON.parse(text.slice(i, j)));
      s.range = [i, j, j];
      if (!place(s)) return undefined;
      i = j - 1;
    }
    // whitespace, ':' and ',' carry no node
  }
  return root;
}
