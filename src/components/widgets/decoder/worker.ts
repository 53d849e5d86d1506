// The decoder engine off the main thread. The page hands over its catalog (already reduced to
// the page's language) once; every job is a paste.
import type { Catalog } from '../../../lib/decoder/catalog.ts';
import { decode } from '../../../lib/decoder/decode.ts';
import { MAX_DECODE_CHARS, type DecodeRequest, type DecodeResponse, type DecoderSetup } from './protocol.ts';

let catalog: Catalog = [];
let lang: 'ko' | 'en' = 'ko';

/** NUL or a high share of control characters: binary data, not a log. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex
  const controls = text.slice(0, 100_000).match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return controls > Math.min(text.length, 100_000) * 0.05;
}

function run(req: DecodeRequest): DecodeResponse {
  const text = typeof req.text === 'string' ? req.text : '';
  if (text.length > MAX_DECODE_CHARS) return { kind: 'too-large', chars: text.length };
  if (looksBinary(text)) return { kind: 'binary' };
  const proxy = req.proxy === 'sidecar' || req.proxy === 'gateway' ? req.proxy : undefined;
  return { kind: 'ok', result: decode(text, catalog, { lang, proxy, candidates: 5 }) };
}

self.addEventListener('message', (event: MessageEvent<DecoderSetup | { id: number; req: DecodeRequest }>) => {
  const data = event.data;
  if ('setup' in data) {
    catalog = JSON.parse(data.setup.catalogJson) as Catalog;
    lang = data.setup.lang;
    return;
  }
  self.postMessage({ id: data.id, res: run(data.req) });
});
