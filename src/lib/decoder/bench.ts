// Decoder benchmark for `npm run bench`: decodes 10,000 log lines (the bar is 10,000 lines/s or
// better): the lines of the real-text table (fixtures/real-texts.json) and access-log lines, in
// turn. Also reports the table's figures. Returns the numbers; the caller prints them.
import type { Catalog } from './catalog.ts';
import { decode } from './decode.ts';
import realTexts from './fixtures/real-texts.json' with { type: 'json' };

const SAMPLE_LINES = [
  '[2025-03-01T10:00:00.000Z] "GET /v1/quotes HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end} - "TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end" 0 91 12 - "-" "curl/8.5.0" "7c1e" "api.northwind.example.com" "203.0.113.10:443" outbound|443||api.northwind.example.com 10.1.0.5:40112 203.0.113.10:443 10.1.0.5:40110 - -',
  '[2025-03-01T10:00:01.000Z] "GET /healthz HTTP/1.1" 200 - via_upstream - "-" 0 2 1 1 "-" "kube-probe/1.30" "a1" "10.1.0.5:8080" "10.1.0.5:8080" inbound|8080|| 127.0.0.6:40111 10.1.0.5:8080 10.1.0.1:50000 - default',
  'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|268436504:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA:TLS_error_end',
  'curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure',
  '2025/03/01 10:00:00 [error] 12#12: *3 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream',
  '{"response_code":"503","response_flags":"UF","upstream_cluster":"outbound|443||api.northwind.example.com","upstream_transport_failure_reason":"TLS_error:|268435703:SSL_routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end"}',
  'javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target',
  '2025-03-01T10:00:02.000Z info ads ADS: new connection for node:sidecar~10.1.0.5~app.default~default.svc.cluster.local-1',
];

export interface BenchResult {
  lines: number;
  ms: number;
  matches: number;
  linesPerSecond: number;
  /** The real-text table: rows, share decoded to the right entry, share with it first. */
  realTexts: { rows: number; right: number; first: number };
}

/** Share of table rows decoded to their entry, and with it ranked first. */
export function realTextFigures(catalog: Catalog): BenchResult['realTexts'] {
  let right = 0, first = 0;
  for (const row of realTexts as { text: string; id: string }[]) {
    const ids = decode(row.text, catalog, { lang: 'en' }).matches.map((m) => m.id);
    if (ids.includes(row.id)) right++;
    if (ids[0] === row.id) first++;
  }
  const n = realTexts.length;
  return { rows: n, right: Math.round((1000 * right) / n) / 10, first: Math.round((1000 * first) / n) / 10 };
}

/** Without a catalog it reads src/data/errors (Node only; the engine itself stays pure). */
export async function benchDecoder(catalog?: Catalog, lines = 10_000): Promise<BenchResult> {
  catalog ??= (await import('./load-catalog.node.ts')).loadCatalog();
  const pool = [...SAMPLE_LINES, ...(realTexts as { text: string }[]).flatMap((r) => r.text.split('\n'))];
  const input = Array.from({ length: lines }, (_, i) => pool[i % pool.length]).join('\n');
  decode(pool.join('\n'), catalog); // compile the catalog and warm the patterns outside the timing
  const start = performance.now();
  const result = decode(input, catalog);
  const ms = performance.now() - start;
  return { lines, ms: Math.round(ms), matches: result.matches.length, linesPerSecond: Math.round((lines / ms) * 1000), realTexts: realTextFigures(catalog) };
}
