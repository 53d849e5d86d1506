// Turns what a reader types or pastes into a query Pagefind can answer.
import { stripKoreanParticle } from './korean.ts';
import { isQuestionWord, stripQuestionEnding } from './question.ts';
import { applySynonyms, type Synonyms } from './synonyms.ts';
//
// Pagefind matches prefixes of whole words and ANDs the words of a query. Two things readers
// do break that: Korean words carry particles (인증서가, 인증서를) that the page's noun lacks, and a
// pasted log line brings dozens of tokens that no single page contains. So: strip particles
// from Korean words (a shorter query word is a prefix, so it still matches the full noun), and
// reduce a log line to the one identifier that names the error.

export { stripKoreanParticle } from './korean.ts';

// Tokens that appear in almost every TLS log line and say nothing about which error it is.
const GENERIC_TOKENS = new Set([
  'TLS_ERROR', 'TLS_ERROR_END', 'OPENSSL_INTERNAL', 'SSL_ROUTINES', 'SSL', 'TLS', 'HTTP', 'HTTPS', 'GET', 'POST',
  'PUT', 'DELETE', 'HTTP/1.1', 'HTTP/2', 'DOWNSTREAM_TRANSPORT_FAILURE_REASON', 'UPSTREAM_TRANSPORT_FAILURE_REASON',
  'TRANSPORT_FAILURE_REASON', 'OUTBOUND', 'INBOUND',
]);

const REASON = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){1,}\b/g; // CERTIFICATE_VERIFY_FAILED
const PACKED_DECIMAL = /\b\d{9,10}\b/g; // 268435581 (BoringSSL lib<<24 | reason)
const PACKED_HEX = /\b0[0-9A-F]{7}\b/g; // 0A000086 (OpenSSL 3 lib<<23 | reason)
const SDS_MESSAGE = /secret is not supplied by sds/i;

/** Is this a pasted log line or error dump rather than a typed query? */
export function looksLikeLogLine(query: string): boolean {
  const words = query.trim().split(/\s+/);
  return words.length > 6 || /[|:].*[|:]/.test(query) || query.length > 80;
}

/** [identifier as it appears in logs, term that finds its page], from the error catalog. */
export type KnownIdentifiers = readonly (readonly [string, string])[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How telling an identifier is, lowest first: a reason name (CERTIFICATE_VERIFY_FAILED) names the
 * error; a packed code (268435581, 0A000086) too; a phrase may be an envelope around it ("upstream
 * connect error …"); a response flag (UF) says only that something failed.
 */
function rank(identifier: string): number {
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(identifier)) return 0;
  if (/^(?:\d{9,10}|[0-9A-Fa-f]{8})$/.test(identifier)) return 1;
  if (/^[A-Z]{1,3}$/.test(identifier)) return 3;
  return 2;
}

/**
 * The search term of the most telling catalog identifier the line contains. Between two of the
 * same rank the later one wins: log lines wrap errors outer first ("authentication handshake
 * failed: … missing selected ALPN property"), so the last phrase is the detail.
 */
function knownIdentifierIn(line: string, known: KnownIdentifiers): string | undefined {
  let best: { rank: number; at: number; term: string } | undefined;
  for (const [identifier, term] of known) {
    const r = rank(identifier);
    if (best && r > best.rank) continue;
    const flags = /^[A-Z]{1,3}$/.test(identifier) ? '' : 'i';
    const at = line.search(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(identifier)}(?![A-Za-z0-9])`, flags));
    if (at < 0) continue;
    if (!best || r < best.rank || at > best.at) best = { rank: r, at, term };
  }
  return best?.term;
}

/** The single most telling identifier in a pasted line, or undefined. */
export function keyIdentifier(line: string, known: KnownIdentifiers = []): string | undefined {
  const fromCatalog = knownIdentifierIn(line, known);
  if (fromCatalog) return fromCatalog;
  if (SDS_MESSAGE.test(line)) return 'SDS';
  const reasons = [...line.matchAll(REASON)]
    .map((m) => m[0])
    .filter((token) => !GENERIC_TOKENS.has(token.toUpperCase()));
  // Reason names are long and specific (CERTIFICATE_VERIFY_FAILED); what remains after the
  // generic tokens are gone is usually one of them, else the longest is the best guess.
  if (reasons.length > 0) return reasons.sort((a, b) => b.length - a.length)[0];
  const hex = line.match(PACKED_HEX);
  if (hex) return hex[0];
  const decimal = line.match(PACKED_DECIMAL);
  if (decimal) return decimal[0];
  return undefined;
}

/** A typed word reduced to what a page contains: no verb ending, no particle (인증서에서의 → 인증서). */
export function stemWord(word: string): string {
  return stripKoreanParticle(stripQuestionEnding(word.replace(/^[\p{P}]+|[?？!.,;:…]+$/gu, '')));
}

export function normalizeQuery(query: string, known: KnownIdentifiers = [], synonyms: Synonyms = []): string {
  const trimmed = query.trim();
  if (looksLikeLogLine(trimmed)) {
    const key = keyIdentifier(trimmed, known);
    if (key) return key;
  }
  const typed = applySynonyms(trimmed, synonyms).split(/\s+/).filter(Boolean);
  const words = typed.map((raw) => ({ raw, stem: stemWord(raw) })).filter((w) => w.stem);
  // Question words go (왜, 어떻게, 무엇이, how, does) unless nothing else is left.
  const content = words.filter((w) => !isQuestionWord(w.raw.replace(/[?？!.]+$/, '')) && !isQuestionWord(w.stem));
  return (content.length > 0 ? content : words).map((w) => w.stem).join(' ');
}
