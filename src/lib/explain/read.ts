// Reading one input. Small inputs (most pastes) are collected and parsed whole: JSON.parse is
// several times faster than any streaming parser. Past STREAM_AT bytes a JSON input goes through
// @streamparser/json instead, set to hand over each resource of a dump on its own and drop it
// from its parent once handed over (keepStack false), so memory stays near the size of the map.
// YAML has no streaming parser here; it is parsed whole (istioctl -o yaml output is far smaller
// than the JSON dumps that need streaming).
import { JSONParser } from '@streamparser/json';
import { parseAllDocuments } from 'yaml';
import { TOP_SECTIONS, type Collector } from './collect.ts';
import { snake, type J } from './fields.ts';
import { msg } from './messages.ts';
import type { ExplainProblem, InputSink, Lang } from './types.ts';

/** Above this many bytes a JSON input is parsed as a stream. */
export const STREAM_AT = 24 * 1024 * 1024;
const SLICE = 1 << 20;

const encoder = new TextEncoder();

/** Which values the streaming parser hands over. For a config dump each element of each section
 * array (`$.configs.N.SECTION.M`, which also covers `bootstrap.node`); for a bare list each
 * element; for a secrets dump / ztunnel dump each element of its top-level lists. No selected
 * path may be an ancestor of another: the parser keeps everything under a value it will emit. */
const OBJECT_PATHS = ['$.configs.*.*.*', ...[...TOP_SECTIONS].flatMap((k) => {
  const camel = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return camel === k ? [`$.${k}.*`] : [`$.${k}.*`, `$.${camel}.*`];
})];
const ARRAY_PATHS = ['$.*'];

export class Sink implements InputSink {
  bytes = 0;
  private parts: string[] = [];
  private buffered = 0;
  private decoder = new TextDecoder('utf-8');
  private parser: JSONParser | undefined;
  private failed = false;
  private ended = false;
  /** Lines before the chunk being parsed, and that chunk (to place a parse error). */
  private linesBefore = 0;
  private bytesBefore = 0;
  private current: Uint8Array = new Uint8Array(0);
  /** Byte offset of the last token read: where a grammar error is (the token parser does not say). */
  private lastOffset = 0;

  private readonly col: Collector;
  private readonly proxy: number;
  private readonly file: string;
  private readonly lang: Lang;
  private readonly problems: ExplainProblem[];
  private readonly streamAt: number;

  constructor(col: Collector, proxy: number, file: string, lang: Lang, problems: ExplainProblem[], streamAt = STREAM_AT) {
    this.streamAt = streamAt;
    this.col = col;
    this.proxy = proxy;
    this.file = file;
    this.lang = lang;
    this.problems = problems;
  }

  push(chunk: string | Uint8Array): void {
    if (this.ended || this.failed) return;
    const size = typeof chunk === 'string' ? utf8Length(chunk) : chunk.length;
    this.bytes += size;
    this.col.proxies[this.proxy]!.bytes = this.bytes;
    if (this.parser) {
      this.write(chunk);
      return;
    }
    this.parts.push(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
    this.buffered += size;
    if (this.buffered >= this.streamAt && this.looksLikeJson()) this.startStreaming();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.failed) return;
    if (this.parser) {
      try {
        if (!this.parser.isEnded) this.parser.end();
      } catch (e) {
        this.fail(e);
      }
      return;
    }
    const tail = this.decoder.decode();
    if (tail) this.parts.push(tail);
    const text = this.parts.join('');
    this.parts = [];
    this.parseWhole(text);
  }

  private looksLikeJson(): boolean {
    for (const p of this.parts) {
      const m = /\S/.exec(p);
      if (m) return m[0] === '{' || m[0] === '[';
    }
    return false;
  }

  private startStreaming(): void {
    const first = /\S/.exec(this.parts.find((p) => /\S/.test(p)) ?? '')?.[0];
    // separator '': after one document the parser waits for another instead of ending, so
    // trailing whitespace (and several concatenated documents) read fine.
    const parser = new JSONParser({ paths: first === '[' ? ARRAY_PATHS : OBJECT_PATHS, keepStack: false, separator: '' });
    parser.onToken = (t) => {
      this.lastOffset = t.offset;
    };
    parser.onValue = ({ value, key, stack }) => {
      if (first === '[') {
        this.col.entry(this.proxy, 'item', value, false);
        return;
      }
      // stack[1].key is the top-level key; for configs[] stack[3].key is the section.
      const top = String(stack[1]?.key ?? '');
      if (top === 'configs') {
        const section = snake(String(stack[3]?.key ?? ''));
        if (section === 'bootstrap') {
          if (key === 'node') this.col.entry(this.proxy, 'node', value as J, true);
        } else this.col.entry(this.proxy, section, value as J, true);
      } else this.col.entry(this.proxy, snake(top), value as J, false);
    };
    parser.onError = (e) => this.fail(e);
    this.parser = parser;
    const parts = this.parts;
    this.parts = [];
    for (const p of parts) this.write(p);
  }

  private write(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    for (let i = 0; i < bytes.length && !this.failed; i += SLICE) {
      const slice = bytes.subarray(i, Math.min(bytes.length, i + SLICE));
      this.current = slice;
      try {
        this.parser!.write(slice);
      } catch (e) {
        this.fail(e);
      }
      if (this.failed) return;
      this.bytesBefore += slice.length;
      this.linesBefore += countNewlines(slice);
    }
  }

  private fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    const message = String((e as Error)?.message ?? e);
    const at = /absolute position "?(\d+)/.exec(message)?.[1];
    const pos = at !== undefined ? Number(at) : this.lastOffset;
    let line = 0;
    if (Number.isFinite(pos) && pos >= this.bytesBefore) line = this.linesBefore + countNewlines(this.current.subarray(0, pos - this.bytesBefore)) + 1;
    this.problems.push({ file: this.file, line, message: msg(this.lang, 'badJson', { detail: message.replace(/ in state \w+$/, '') }) });
  }

  private parseWhole(text: string): void {
    const trimmed = text.trimStart();
    if (!trimmed) {
      this.problems.push({ file: this.file, line: 0, message: msg(this.lang, 'empty') });
      return;
    }
    if (trimmed[0] === '{' || trimmed[0] === '[') {
      let doc: J;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        this.problems.push({ file: this.file, line: jsonErrorLine(text), message: msg(this.lang, 'badJson', { detail: shortJsonError(e) }) });
        return;
      }
      if (!this.col.walk(this.proxy, doc)) this.problems.push({ file: this.file, line: 1, message: msg(this.lang, 'notDump') });
      return;
    }
    const docs = parseAllDocuments(text, { uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [docs];
    let any = false;
    for (const d of list) {
      const err = d.errors[0];
      if (err) {
        this.problems.push({ file: this.file, line: err.linePos?.[0]?.line ?? 0, message: msg(this.lang, 'badYaml', { detail: err.message.split('\n')[0]! }) });
        return;
      }
      const value = d.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) continue;
      if (this.col.walk(this.proxy, value)) any = true;
    }
    if (!any) this.problems.push({ file: this.file, line: 1, message: msg(this.lang, 'notDump') });
  }
}

function countNewlines(b: Uint8Array): number {
  let n = 0;
  let i = b.indexOf(10);
  while (i !== -1) {
    n++;
    i = b.indexOf(10, i + 1);
  }
  return n;
}

/** UTF-8 length of a string without encoding it. */
function utf8Length(s: string): number {
  let n = s.length;
  if (!/[^\x00-\x7f]/.test(s)) return n; // ASCII (almost every dump): one byte a character
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** JSON.parse does not always say where (V8 gives a position for some errors, a snippet for
 * others); the streaming tokenizer does, so the text is run through it to find the line. */
function jsonErrorLine(text: string): number {
  const bytes = encoder.encode(text);
  let offset = -1;
  let last = 0;
  const parser = new JSONParser({ paths: ['$.\u0000'], keepStack: false, separator: '' });
  parser.onToken = (t) => {
    last = t.offset;
  };
  parser.onValue = () => {};
  parser.onError = (e) => {
    if (offset < 0) offset = Number(/absolute position "?(\d+)/.exec(String(e.message))?.[1] ?? last);
  };
  try {
    parser.write(bytes);
    parser.end();
  } catch {
    // onError has the offset
  }
  if (offset < 0) offset = bytes.length;
  return countNewlines(bytes.subarray(0, offset)) + 1;
}

/** V8's message without the echo of the input it sometimes appends. */
function shortJsonError(e: unknown): string {
  return String((e as Error)?.message ?? e).replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/\n/g, ' ');
}
