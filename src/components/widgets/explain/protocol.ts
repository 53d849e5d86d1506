// Messages between the proxy state explainer widget and its worker. The worker reads dropped files
// itself (File.stream(), chunk by chunk) and reports progress, so the page never holds a large dump.
import type { ExplainView, Facts, MapRow } from './view.ts';

/** One input: pasted text or a dropped/chosen file (a File is passed to the worker by reference). */
export type ExplainInput = { name: string; text: string } | { name: string; file: File };

export interface ExplainRequest {
  inputs: ExplainInput[];
  lang: 'ko' | 'en';
}

/** Worker → page, while a job runs. `phase` 'read': bytes of all inputs read so far. */
export interface ExplainProgress { id: number; progress: { phase: 'read' | 'explain'; done: number; total: number; file: string } }

export type ExplainResponse =
  | { kind: 'ok'; view: ExplainView }
  | { kind: 'failed'; message: string };

export interface ExplainDone { id: number; res: ExplainResponse }

/** The map's rows arrive ahead of ExplainDone in slices of ROWS_PER_MESSAGE (~30 ms to unpack in Chromium) (the view in
 * ExplainDone then has none): the page unpacks each slice between frames, so 50,000 rows never
 * hold its main thread for long at once. */
export interface ExplainRows { id: number; rows: MapRow[] }
export const ROWS_PER_MESSAGE = 1000;

/** Page → worker: the facts of one row of job `id`'s view; the worker answers with ExplainFacts
 * (empty when that job's result is gone, e.g. a newer job replaced it). */
export interface FactsRequest { id: number; facts: string }
export interface ExplainFacts { id: number; key: string; facts: Facts }

/** Larger inputs are refused before reading (the tab would run out of memory). */
export const MAX_INPUT_BYTES = 400 * 1024 * 1024;
/** Pasted text up to this size is checked as one types; larger pastes too, but after a longer pause. */
export const LIVE_PASTE_CHARS = 200_000;

/** A private key in the input: PEM armour, or the base64 of a PEM key's first line (inline_bytes).
 * Envoy's own dumps print `[redacted]` instead of key bytes; hand-made configs may not. */
export const PRIVATE_KEY = /PRIVATE KEY-----|LS0tLS1CRUdJTiBQUklWQVRFIEtFW|LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRV|LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFW/;
