// Messages between the decoder widget and its worker.
import type { DecodeResult } from '../../../lib/decoder/types.ts';

/** Larger pastes are refused: the engine is linear, but the tab should answer within a second. */
export const MAX_DECODE_CHARS = 1_000_000;
export const DECODE_TIMEOUT_MS = 8000;

export interface DecoderSetup { setup: { catalogJson: string; lang: 'ko' | 'en' } }
export interface DecodeRequest { text: string }
export type DecodeResponse =
  | { kind: 'ok'; result: DecodeResult }
  | { kind: 'too-large'; chars: number }
  | { kind: 'binary' };
