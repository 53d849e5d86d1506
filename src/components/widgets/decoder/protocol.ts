// Messages between the decoder widget and its worker.
import type { DecodeOptions } from '../../../lib/decoder/decode.ts';
import type { DecodeResult } from '../../../lib/decoder/types.ts';

/** Larger pastes are refused: the engine is linear, but the tab should answer within a second. */
export const MAX_DECODE_CHARS = 1_000_000;
export const DECODE_TIMEOUT_MS = 8000;

export interface DecoderSetup { setup: { catalogJson: string; lang: 'ko' | 'en' } }
/** `proxy`: the proxy that wrote the pasted access-log lines, when the reader says so. */
export interface DecodeRequest { text: string; proxy?: DecodeOptions['proxy'] }
export type DecodeResponse =
  | { kind: 'ok'; result: DecodeResult }
  | { kind: 'too-large'; chars: number }
  | { kind: 'binary' };
