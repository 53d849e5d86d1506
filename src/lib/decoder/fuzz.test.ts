// Fuzz: mutated real inputs never make the decoder throw, and 1 MB inputs finish in bounded
// time (a catastrophic regex would take minutes, not seconds).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { loadCatalog } from './load-catalog.node.ts';

const catalog = loadCatalog();
const seeds = [
  ...(JSON.parse(readFileSync(new URL('./fixtures/observed-tools.json', import.meta.url), 'utf8')) as { text: string }[]).map((o) => o.text),
  '[2025-03-01T10:00:00.000Z] "GET / HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{connection_failure} - "TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end" 0 91 1 - "-" "c" "i" "a" "1.2.3.4:443" outbound|443||a - - - - -',
  '{"response_code":"503","response_flags":"UF","upstream_cluster":"outbound|443||x","upstream_transport_failure_reason":"TLS error: Secret is not supplied by SDS"}',
  'x509: certificate is valid for a, b, c, not d',
];

/** Small deterministic PRNG so a failure can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
}

const ALPHABET = ['|', ':', '_', ' ', '"', '{', '}', '\n', '(', ')', '0', '9', 'A', 'f', ',', '\\', '\u0000', '한', '\ud83d\ude00', '%'];

function mutate(text: string, r: () => number): string {
  let s = text;
  const n = 1 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = Math.floor(r() * 5);
    if (op === 0) s = s.slice(0, at) + ALPHABET[Math.floor(r() * ALPHABET.length)] + s.slice(at);
    else if (op === 1) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 20));
    else if (op === 2) s = s.slice(0, at) + s.slice(at, at + 40).repeat(1 + Math.floor(r() * 5)) + s.slice(at);
    else if (op === 3) s = s.slice(0, at) + seeds[Math.floor(r() * seeds.length)] + s.slice(at);
    else s = s.slice(0, at) + String(Math.floor(r() * 4294967296)) + s.slice(at);
  }
  return s;
}

describe('decoder fuzz', () => {
  it('never throws on thousands of mutated inputs', () => {
    const r = rng(20251122);
    for (let i = 0; i < 3000; i++) {
      const input = mutate(seeds[i % seeds.length]!, r);
      for (const lang of ['ko', 'en'] as const) {
        const result = decode(input, catalog, { lang });
        expect(Array.isArray(result.matches)).toBe(true);
        for (const m of result.matches) expect(typeof m.title).toBe('string');
      }
    }
  });

  it('survives non-string input from untyped callers', () => {
    expect(decode(undefined as unknown as string, catalog).matches).toEqual([]);
    expect(decode(42 as unknown as string, catalog).matches).toEqual([]);
  });

  it('keeps the typo-tolerant candidate search cheap on many distinct unrecognised lines', () => {
    const start = performance.now();
    let offered = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = decode(`2025-03-01T10:00:00Z info request ${i} for user${i} took ${i % 97} ms cerificate${i % 13} verfy hanshake`, catalog);
      offered += r.candidates.length;
    }
    expect(offered).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(15_000);
  });

  it.each([
    ['one 1 MB line of near-misses', `x509: certificate is valid for ${'a, '.repeat(350_000)}`],
    ['1 MB of packed-code fragments', 'TLS_error:|2684355:SSL routines:OPENSSL_internal:'.repeat(20_000)],
    ['1 MB of lines', `${seeds.join('\n')}\n`.repeat(Math.ceil(1_000_000 / seeds.join('\n').length))],
    ['1 MB of JSON-ish braces', `{"response_code":"${'{'.repeat(1_000_000)}`],
    ['1 MB of quotes and pipes', '[x] "a" 503 UF "|'.repeat(60_000)],
  ])('decodes %s in bounded time', (_name, input) => {
    const start = performance.now();
    decode(input, catalog);
    expect(performance.now() - start).toBeLessThan(15_000);
  });
});
