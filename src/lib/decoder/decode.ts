// The decoder engine: finds every recognised TLS/mesh error in a paste (one message, access-log
// lines, a multi-line excerpt, a stack trace), in order, and explains each from the catalog.
// Pure TypeScript: no Node APIs, no DOM. The catalog is an argument, never imported.
import { readAccessLog } from './access-log.ts';
import { offersInspector, type Category, type Catalog, type CatalogEntry, type Logger, type Side } from './catalog.ts';
import type { Lang } from './codes.ts';
import { recognizeNumbers } from './numbers.ts';
import { recognizePacked } from './packed.ts';
import type { AccessLogInfo, Candidate, DecodedPart, DecodeResult, Finding, HopInfo, Match } from './types.ts';
import { boundedDistance } from '../text/edit-distance.ts';

export type { DecodeResult, Match } from './types.ts';

export interface DecodeOptions {
  lang?: Lang;
  /** The proxy that wrote the pasted access-log lines, when the reader knows it. */
  proxy?: 'sidecar' | 'gateway';
  /** How many nearest entries to offer when nothing is recognised (default 3). */
  candidates?: number;
}

interface Compiled {
  byName: Map<string, CatalogEntry>;
  /** `anchors`: lower-case literals one of which a line must contain for the pattern to match
   * (null when the pattern has none); checking them first keeps 10,000 lines well under 1 s. */
  patterns: { entry: CatalogEntry; re: RegExp; anchors: string[] | null; spaced: boolean }[];
  /** Anchors by their first three characters → [anchor, pattern index]: one pass over a line
   * finds the patterns worth running, instead of testing every anchor of every pattern. */
  anchorIndex: Map<number, [string, number][]>;
  /** Patterns without anchors: always run. */
  unanchored: number[];
  /** Per-pattern marks for the line being read (1: its anchor is in the line, 2: in the line
   * read with `_` as spaces); reset after each line. */
  marks: Uint8Array;
  /** Search words (identifiers, English title, pattern text) → the entries that use them. */
  vocab: Map<string, CatalogEntry[]>;
  /** The same words grouped by length, for the near-miss lookup. */
  vocabByLength: Map<number, string[]>;
  /** Input word → the vocabulary words it stands for, with a weight (exact 1, near miss less). */
  wordCache: Map<string, [string, number][]>;
  /** Identifiers as plain lower-case phrases, for a short paste that misspells one whole. */
  phrases: { text: string; entry: CatalogEntry }[];
  /** Entries that are the bare verification failure (see REASON_CATEGORIES). */
  bare: Set<CatalogEntry>;
  /** Localised texts per entry, built once: matches share them (treat them as read-only). */
  texts: Record<Lang, Map<CatalogEntry, Pick<Match, 'title' | 'meaning' | 'causes' | 'fix'>>>;
  byId: Map<string, CatalogEntry>;
}

const compiledCache = new WeakMap<Catalog, Compiled>();

const STOP = new Set(['the', 'and', 'for', 'with', 'not', 'was', 'are', 'from', 'error', 'failed', 'failure']);

/** Lower case, every run of other characters one space: `CERTIFICATE_VERIFY_FAILED` and
 * `certificate verify failed` read the same. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !STOP.has(w));
}

/** Splits a regex source at top-level `|`. */
function branches(source: string): string[] {
  const out: string[] = [];
  let depth = 0, cls = false, start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (cls) cls = ch !== ']';
    else if (ch === '[') cls = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** The longest run of plain characters in a branch that every match must contain. */
function literal(branch: string): string {
  let best = '', run = '';
  for (let i = 0; i < branch.length; i++) {
    const ch = branch[i]!;
    if (/[A-Za-z0-9 _:/'",.%-]/.test(ch) && ch !== '.') {
      const next = branch[i + 1];
      if (next === '?' || next === '*' || next === '{') { if (run.length > best.length) best = run; run = ''; continue; }
      run += ch;
    } else {
      if (run.length > best.length) best = run;
      run = '';
      if (ch === '\\') i++;
      else if (ch === '(' || ch === '[') {
        // Text inside groups and classes is not required as written; skip to the matching close.
        let depth = 0;
        for (; i < branch.length; i++) {
          const c = branch[i];
          if (c === '\\') i++;
          else if (c === '(' || c === '[') depth++;
          else if ((c === ')' || c === ']') && --depth === 0) break;
        }
        const after = branch[i + 1];
        if (after === '?' || after === '*' || after === '{') i++;
      }
    }
  }
  return (run.length > best.length ? run : best).toLowerCase();
}

function anchorsOf(source: string): string[] | null {
  const lits = branches(source).map(literal);
  return lits.every((l) => l.length >= 3) ? lits : null;
}

function compile(catalog: Catalog): Compiled {
  const cached = compiledCache.get(catalog);
  if (cached) return cached;
  const byName = new Map<string, CatalogEntry>();
  const patterns: Compiled['patterns'] = [];
  const vocab = new Map<string, CatalogEntry[]>();
  for (const entry of catalog) {
    for (const ident of entry.identifiers) if (!byName.has(ident.toUpperCase())) byName.set(ident.toUpperCase(), entry);
    for (const p of entry.patterns) {
      try {
        // Only a pattern that matches a space can gain from reading `_` as one (see spacedForm).
        const spaced = / |\\s/.test(p.source);
        patterns.push({ entry, re: new RegExp(p.source, `${p.flags ?? ''}u`), anchors: anchorsOf(p.source), spaced });
      } catch {
        // validateCatalog reports bad patterns; the engine skips them rather than fail a paste.
      }
    }
    for (const w of new Set(words([...entry.identifiers, entry.title.en, ...entry.patterns.map((p) => p.source.replace(/\\[a-z]/g, ' '))].join(' ')))) {
      const list = vocab.get(w);
      if (list) list.push(entry);
      else vocab.set(w, [entry]);
    }
  }
  const texts: Compiled['texts'] = { ko: new Map(), en: new Map() };
  for (const lang of ['ko', 'en'] as const) {
    for (const e of catalog) {
      texts[lang].set(e, {
        title: e.title[lang],
        meaning: e.meaning[lang],
        causes: e.causes.map((c) => ({ text: c.text[lang], commands: c.commands })),
        fix: e.fix[lang],
      });
    }
  }
  const bare = new Set(catalog.filter((e) => e.identifiers.some((i) => BARE_VERIFY_FAILURE.includes(i.toUpperCase()))));
  const vocabByLength = new Map<number, string[]>();
  for (const w of vocab.keys()) {
    const list = vocabByLength.get(w.length);
    if (list) list.push(w);
    else vocabByLength.set(w.length, [w]);
  }
  const phrases: Compiled['phrases'] = [];
  for (const entry of catalog) {
    for (const ident of entry.identifiers) {
      const text = plain(ident);
      if (text.length >= 8) phrases.push({ text, entry });
    }
  }
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const anchorIndex = new Map<number, [string, number][]>();
  const unanchored: number[] = [];
  patterns.forEach((p, i) => {
    if (!p.anchors) return void unanchored.push(i);
    for (const a of new Set(p.anchors)) {
      const key = trigram(a, 0);
      const list = anchorIndex.get(key);
      if (list) list.push([a, i]);
      else anchorIndex.set(key, [[a, i]]);
    }
  });
  const out = { byName, patterns, anchorIndex, unanchored, marks: new Uint8Array(patterns.length), vocab, vocabByLength, wordCache: new Map(), phrases, texts, bare, byId };
  compiledCache.set(catalog, out);
  return out;
}

/** Categories of entries that say more than a bare "certificate verify failed": why it failed,
 * whose certificate it was, or which alert or check it was. With one of them on a line, the bare
 * failure (CERTIFICATE_VERIFY_FAILED, curl's CURLE_PEER_FAILED_VERIFICATION) adds nothing. */
const REASON_CATEGORIES = new Set<Category>([
  'cert-expired', 'cert-not-yet-valid', 'unknown-ca', 'hostname-mismatch', 'cert-revoked',
  'client-cert-rejected', 'cert-verify-failed',
]);
/** The identifiers that make an entry the bare verification failure. */
const BARE_VERIFY_FAILURE = ['CERTIFICATE_VERIFY_FAILED', 'CURLE_PEER_FAILED_VERIFICATION'];

/** Which program wrote a line, by its telltale text, most telling first: the program that logged
 * the line (Envoy, nginx, curl, a runtime, gRPC) before the TLS library whose message it quotes
 * (OpenSSL, BoringSSL). Access-log lines are Envoy's whatever they contain. */
const COMPONENT_EVIDENCE: [string, RegExp][] = [
  ['envoy', /TLS_error|TLS error: |upstream connect error|transport failure reason|transport_failure_reason|(?:outbound|inbound)\|\d*\||Secret[ _]is[ _]not[ _]supplied|\benvoy\b/i],
  ['istio', /istiod|pilot-agent|not authorized to read secrets|unauthorized certificates/],
  ['grpc', /rpc error: code =|\b\d{1,2} (?:UNAVAILABLE|UNKNOWN|INTERNAL|UNAUTHENTICATED): |StatusCode\.[A-Z]|StatusRuntimeException|_InactiveRpcError|grpc\._channel|Ssl handshake failed|SSL_ERROR_SSL|authentication handshake failed|server preface/],
  ['nginx', /nginx\/\d|nginx: |\[(?:emerg|alert|crit|error|warn|notice|info|debug)\] \d+#\d+: |SSL_do_handshake\(\)|while SSL handshaking|no required SSL certificate|plain HTTP request was sent|SSL certificate verify error|The SSL certificate error/],
  ['curl', /curl: \(\d{1,3}\)|cURL error \d|gnutls_handshake|schannel: /],
  ['haproxy', /Layer[4-7] (?:timeout|invalid response|wrong status|connection problem)|is DOWN, reason: /],
  ['python', /\[Errno -?\d+\]|_ssl\.c|\bssl\.SSL|\bSSL\w{0,20}Error\(|urllib3|requests\.exceptions|Traceback \(most recent call last\)|\[SSL: [A-Z0-9_]+\]|\[(?:SSL|X509|PEM)\] |SSLZeroReturnError|SSLEOFError/],
  ['java', /javax\.net\.ssl|sun\.security|java\.security\.cert|\bat java\.|PKIX path/],
  ['node', /getaddrinfo E[A-Z_]+|ERR_TLS_|ERR_SSL_|ERR_OSSL_|code: '[A-Z_]+'|TLSSocket|node:internal/],
  ['go', /: no such host\b|\bx509: |\btls: |remote error: tls|http: TLS handshake error/],
  ['openssl', /error:[0-9A-Fa-f]{8}:|verify error:num=|Verify return code|verify return:|\bs_client\b|\bs_server\b|SSL routines|SSL alert number|^depth=\d/],
  ['boringssl', /OPENSSL_internal/],
];

/** The components a line's text points to, most telling first. */
function componentEvidence(line: string, accessLog: boolean): string[] {
  const out = accessLog ? ['envoy'] : [];
  for (const [component, re] of COMPONENT_EVIDENCE) if (!out.includes(component) && re.test(line)) out.push(component);
  return out;
}

/** The text decides: the most telling component the entry lists, else the most telling one at
 * all, and only without any evidence the entry's first component. */
function componentOf(entry: CatalogEntry, evidence: string[]): string {
  return evidence.find((c) => entry.components.includes(c)) ?? evidence[0] ?? entry.components[0] ?? 'unknown';
}

const UPSTREAM_HINT = /while SSL handshaking to upstream|reset reason: |transport failure reason: |upstream SSL certificate verify error|upstream connect error|disconnect\/reset before headers|upstream_reset|upstream_transport_failure/i;
const DOWNSTREAM_HINT = /while SSL handshaking, client|client SSL certificate verify error|The SSL certificate error|downstream_transport_failure|DOWNSTREAM_TRANSPORT_FAILURE|TLS handshake error from|tls_process_client_certificate|tls: failed to verify client/;

/** Which end of the TLS connection wrote a line. The same words mean opposite things from the two
 * ends (Go's "remote error: tls: bad certificate" on a server: the client rejected the server's
 * certificate; on a client: the server rejected the client's), so the server's telltales are
 * read first: a Go server's "TLS handshake error from", nginx's "while SSL handshaking, client",
 * OpenSSL's server-side function names, a server's ClientHello and client-certificate checks. */
const SERVER_LOGGED = /TLS handshake error from|while SSL handshaking, client:|client SSL certificate verify error|client sent (?:plain HTTP|no required SSL certificate|invalid method)|No required SSL certificate was sent|plain HTTP request was sent to HTTPS port|tls_process_client_certificate|tls_early_post_process_client_hello|tls_post_process_client_hello|tls_handle_alpn|final_server_name|downstream_transport_failure|DOWNSTREAM_TRANSPORT_FAILURE|failed to read request|Client TLS handshake failed|TLS server: |tls: failed to verify client|tls: client didn't provide|tls: client offered only|Empty client certificate chain|Securing client connection failed|\[SSL: (?:HTTP_REQUEST|PEER_DID_NOT_RETURN_A_CERTIFICATE|NO_SHARED_CIPHER|UNSUPPORTED_PROTOCOL)\]|ERR_SSL_(?:HTTP_REQUEST|PEER_DID_NOT_RETURN_A_CERTIFICATE|NO_SHARED_CIPHER|UNSUPPORTED_PROTOCOL|NO_APPLICATION_PROTOCOL)\b|peer did not return a certificate|http: TLS handshake/;
const CLIENT_LOGGED = /remote error: (?:tls: )?|Get "https?:\/\/|curl: \(\d|cURL error \d|Verify return code|verify return:|while SSL handshaking to upstream|upstream SSL certificate|while connecting to upstream|while reading response header from upstream|upstream connect error|transport failure reason|upstream_transport_failure|upstream_reset|tls: failed to verify certificate|failed to dial|server dial failed|\bdial\b[^\n]{0,120}\berror\b|SSLCertVerificationError|urlopen error|ERR_TLS_CERT_ALTNAME_INVALID|PKIX path|SunCertPathBuilderException|SSLPeerUnverifiedException|InitializeSecurityContext|gnutls_handshake|SSL_connect|Health check for server|is DOWN, reason|tls_post_process_server_certificate|x509: certificate (?:is valid for|signed by unknown|has expired)|certificate is not valid for any names|connect ECONNREFUSED|Connection refused|Empty reply from server|RemoteDisconnected|socket hang up/;

/** Alerts only a server sends (a certificate demanded, a name it does not serve, a refused
 * fallback): whoever reports receiving one is a client. */
const SERVER_ONLY_ALERT = /alert (?:certificate required|inappropriate fallback)|\bunrecognized name\b|TLSV13_ALERT_CERTIFICATE_REQUIRED|tls: certificate required|certificate_required|inappropriate_fallback|unrecognized_name/i;

function loggerOf(line: string, side: Side | undefined): Logger | undefined {
  if (side === 'downstream' || SERVER_LOGGED.test(line)) return 'server';
  if (side === 'upstream' || CLIENT_LOGGED.test(line) || SERVER_ONLY_ALERT.test(line)) return 'client';
  return undefined;
}

/** Envoy turns every space into `_` inside access-log fields (`…:_certificate_has_expired:…`),
 * while the catalog's patterns are written for the spaced text a 503 body or a debug log carries.
 * The one place this is handled: a line that carries such a field (a TLS error from Envoy) is
 * also matched with its underscores as spaces. Same length, so offsets found in either form
 * point into the original line. */
const ENVOY_TLS_FIELD = /TLS_error|OPENSSL_internal|verify_cert_failed/;

function spacedForm(line: string): string | undefined {
  return line.includes('_') && ENVOY_TLS_FIELD.test(line) ? line.replace(/_/g, ' ') : undefined;
}

/** Three characters as one number (anchors are ASCII; -1 where a character is not). */
function trigram(text: string, i: number): number {
  const a = text.charCodeAt(i), b = text.charCodeAt(i + 1), c = text.charCodeAt(i + 2);
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1;
}

/** Marks (with `bit`) the patterns one of whose anchors occurs in `lower` (only anchors with a
 * space when `withSpaceOnly`); newly marked indices go to `list`. */
function anchored(lower: string, c: Compiled, bit: number, list: number[], withSpaceOnly = false): void {
  for (let i = 0; i + 3 <= lower.length; i++) {
    const bucket = c.anchorIndex.get(trigram(lower, i));
    if (!bucket) continue;
    for (const [a, p] of bucket) {
      if ((c.marks[p]! & bit) || (withSpaceOnly && !a.includes(' ')) || !lower.startsWith(a, i)) continue;
      if (!c.marks[p]) list.push(p);
      c.marks[p]! |= bit;
    }
  }
}

interface LineHit {
  entry: CatalogEntry;
  start: number;
  end: number;
  decoded: DecodedPart[];
}

/** Commands that print the certificates a certificate error is about, for what the reader has:
 * an Envoy line's proxy holds its certificates and trust bundle in SDS secrets (the egress
 * gateway's for hop 2); any other client or server can fetch the peer's chain as sent. */
function certCommands(component: string, hop: HopInfo | undefined): string[] {
  if (component === 'envoy' || component === 'istio') {
    return [hop?.hop === 'hop2'
      ? 'istioctl proxy-config secret deploy/istio-egressgateway -n istio-egress -o json'
      : 'istioctl proxy-config secret POD -n NAMESPACE -o json'];
  }
  return ['openssl s_client -connect HOST:PORT -servername HOST -showcerts </dev/null'];
}

function toMatch(hit: LineHit, line: string, lineNo: number, offset: number, side: Side | undefined, evidence: string[], lang: Lang, c: Compiled, logger: Logger | undefined, cause: CatalogEntry | undefined, hop: HopInfo | undefined): Match {
  const e = hit.entry;
  const t = c.texts[lang].get(e)!;
  const component = componentOf(e, evidence);
  const perspective = logger ? e.logged?.[logger]?.text[lang] : undefined;
  const because = cause && cause !== e && e.envelope && e.because ? e.because[lang].replace('{cause}', c.texts[lang].get(cause)!.title) : undefined;
  return {
    id: e.id,
    category: e.category,
    side: e.side === 'either' && side ? side : e.side,
    component,
    title: t.title,
    docs: e.docs,
    labs: e.labs,
    line: lineNo,
    at: offset + hit.start,
    text: line.slice(hit.start, Math.min(hit.end, hit.start + 300)),
    decoded: hit.decoded,
    meaning: t.meaning,
    causes: t.causes,
    fix: t.fix,
    related: e.related,
    ...(logger ? { logger } : {}),
    ...(perspective ? { perspective } : {}),
    ...(because ? { because } : {}),
    inspect: offersInspector(e.category),
    ...(offersInspector(e.category) ? { certCommands: certCommands(component, hop) } : {}),
  };
}

function decodeLine(
  line: string, lineNo: number, offset: number, c: Compiled, lang: Lang, proxy: DecodeOptions['proxy'],
  out: { matches: Match[]; accessLogs: AccessLogInfo[]; unattached: DecodedPart[] },
): void {
  const hits = new Map<string, LineHit>();
  const add = (entry: CatalogEntry, start: number, end: number, part?: DecodedPart) => {
    let hit = hits.get(entry.id);
    if (!hit) hits.set(entry.id, (hit = { entry, start, end, decoded: [] }));
    else if (start < hit.start) Object.assign(hit, { start, end });
    if (part && !hit.decoded.some((d) => d.raw === part.raw && d.kind === part.kind)) hit.decoded.push(part);
  };

  const lower = line.toLowerCase();
  const alt = spacedForm(line);
  const altLower = alt?.toLowerCase();
  const run: number[] = [];
  for (const i of c.unanchored) { run.push(i); c.marks[i] = 1; }
  anchored(lower, c, 1, run);
  // Reading `_` as a space only adds anchors that contain a space.
  if (alt) anchored(altLower!, c, 2, run, true);
  run.sort((a, b) => a - b);
  for (const i of run) {
    const { entry, re, spaced } = c.patterns[i]!;
    let m: RegExpExecArray | null = null;
    if (c.marks[i]! & 1) m = re.exec(line) ?? (alt && spaced ? re.exec(alt) : null);
    else if (alt && spaced) m = re.exec(alt);
    c.marks[i] = 0;
    if (m) add(entry, m.index, m.index + m[0].length);
  }

  const findings: Finding[] = [];
  const log = readAccessLog(line, lineNo, lang, proxy);
  if (log) {
    out.accessLogs.push(log.info);
    findings.push(...log.findings);
  }
  findings.push(...recognizePacked(line, lang), ...recognizeNumbers(line, lang));
  for (const f of findings) {
    const resolve = (names: string[]) => [...new Set(names.map((n) => c.byName.get(n.toUpperCase())).filter((e): e is CatalogEntry => !!e))];
    let entries = resolve(f.names);
    if (entries.length === 0 && f.fallback) entries = resolve(f.fallback);
    if (entries.length === 0 && !out.unattached.some((d) => d.kind === f.part.kind && d.raw === f.part.raw)) out.unattached.push(f.part);
    for (const entry of entries) add(entry, f.start, f.end, f.part);
  }

  // A bare verification failure next to the reason for it: keep the reason, carry the numbers.
  const list = [...hits.values()];
  const specific = list.find((h) => !c.bare.has(h.entry) && REASON_CATEGORIES.has(h.entry.category));
  const kept = specific
    ? list.filter((h) => {
        if (!c.bare.has(h.entry)) return true;
        for (const d of h.decoded) if (!specific.decoded.includes(d)) specific.decoded.push(d);
        return false;
      })
    : list;

  const side: Side | undefined = log?.info.side ?? (UPSTREAM_HINT.test(line) ? 'upstream' : DOWNSTREAM_HINT.test(line) ? 'downstream' : undefined);
  if (kept.length === 0) return;
  const logger = loggerOf(line, side);

  // Root cause first. An entry read from one end that names the entry explaining it from that end
  // brings that entry in before itself; an envelope (the 503, the curl exit code) goes after the
  // specific reasons on its line; otherwise the line's order.
  const rank = new Map<LineHit, number>();
  if (logger) {
    for (const hit of [...kept]) {
      const causeId = hit.entry.logged?.[logger]?.cause;
      const cause = causeId ? c.byId.get(causeId) : undefined;
      if (!cause) continue;
      rank.set(hit, 2);
      let found = kept.find((h) => h.entry === cause);
      if (!found) kept.push((found = { entry: cause, start: hit.start, end: hit.end, decoded: [] }));
      rank.set(found, 0);
    }
  }
  for (const hit of kept) if (!rank.has(hit)) rank.set(hit, hit.entry.envelope ? 2 : 1);
  kept.sort((a, b) => rank.get(a)! - rank.get(b)! || a.start - b.start);
  const cause = rank.get(kept[0]!)! < 2 ? kept[0]!.entry : undefined;
  const evidence = componentEvidence(line, !!log);
  for (const hit of kept) out.matches.push(toMatch(hit, line, lineNo, offset, side, evidence, lang, c, logger, cause, log?.info.meshHop));
}

const WORD_CACHE_LIMIT = 20_000;

/** The vocabulary words an input word stands for: itself, else a near miss (a typo within one
 * edit, two for words of 8 letters or more) or a word it begins (a truncated identifier). */
function resolveWord(w: string, c: Compiled): [string, number][] {
  const cached = c.wordCache.get(w);
  if (cached) return cached;
  let out: [string, number][] = [];
  if (c.vocab.has(w)) out = [[w, 1]];
  else if (w.length >= 5 && !/\d/.test(w)) {
    // Words with digits (ids, counters, host names) are not misspelt identifiers.
    const max = w.length >= 8 ? 2 : 1;
    for (let len = w.length - max; len <= w.length + max + 12; len++) {
      for (const v of c.vocabByLength.get(len) ?? []) {
        // A typo rarely hits both of the first two letters; checking that first keeps this cheap.
        if (len <= w.length + max && (v[0] === w[0] || v[1] === w[1])) {
          const d = boundedDistance(w, v, max);
          if (d <= max) { out.push([v, d === 1 && w.length >= 7 ? 0.8 : 0.5]); continue; }
        }
        if (v.length > w.length && v.startsWith(w)) out.push([v, 0.6]);
      }
    }
  }
  if (c.wordCache.size >= WORD_CACHE_LIMIT) c.wordCache.clear();
  c.wordCache.set(w, out);
  return out;
}

function nearest(text: string, c: Compiled, catalog: Catalog, lang: Lang, limit: number): Candidate[] {
  const input = [...new Set(words(text.slice(0, 20_000)))].slice(0, 300);
  if (input.length === 0) return [];
  // Rare words say more than words every entry has ("certificate"): weight by inverse frequency.
  const n = catalog.length;
  const scores = new Map<CatalogEntry, number>();
  for (const w of input) {
    const best = new Map<CatalogEntry, number>();
    for (const [v, weight] of resolveWord(w, c)) {
      const entries = c.vocab.get(v) ?? [];
      const idf = Math.log(1 + n / entries.length);
      for (const e of entries) best.set(e, Math.max(best.get(e) ?? 0, weight * idf));
    }
    for (const [e, s] of best) scores.set(e, (scores.get(e) ?? 0) + s);
  }
  // A short paste that is one identifier, misspelled: that entry first.
  const whole = plain(text.slice(0, 200));
  if (whole.length >= 8 && whole.length <= 80) {
    for (const p of c.phrases) {
      const max = Math.max(1, Math.floor(p.text.length / 6));
      const d = boundedDistance(whole, p.text, max);
      if (d <= max) scores.set(p.entry, (scores.get(p.entry) ?? 0) + 10 * (1 - d / (max + 1)));
    }
  }
  const scored: Candidate[] = [...scores].map(([e, score]) => ({ id: e.id, title: e.title[lang], category: e.category, score: Math.round(score * 100) / 100 }));
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

/** Decodes a paste. Never throws on any string input. */
export function decode(text: string, catalog: Catalog, opts: DecodeOptions = {}): DecodeResult {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'ko';
  const input = typeof text === 'string' ? text : '';
  const c = compile(catalog);
  const out = { matches: [] as Match[], accessLogs: [] as AccessLogInfo[], unattached: [] as DecodedPart[] };

  // A pretty-printed JSON access-log record spans lines but is one record.
  const trimmed = input.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}') && trimmed.includes('\n')) {
    const flat = trimmed.replace(/\s*\n\s*/g, ' ');
    if (readAccessLog(flat, 1, lang)) {
      decodeLine(flat, 1, input.indexOf('{'), c, lang, opts.proxy, out);
      return { lang, ...out, candidates: out.matches.length ? [] : nearest(input, c, catalog, lang, opts.candidates ?? 3) };
    }
  }

  let offset = 0;
  let lineNo = 0;
  for (const line of input.split('\n')) {
    lineNo++;
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (clean.trim()) decodeLine(clean, lineNo, offset, c, lang, opts.proxy, out);
    offset += line.length + 1;
  }
  rootCauseFirst(input, out.matches);
  sameLoggerThroughout(input, out.matches, c, lang);
  const candidates = out.matches.length ? [] : nearest(input, c, catalog, lang, opts.candidates ?? 3);
  return { lang, ...out, candidates };
}

/** One tool's output (s_client's transcript, s_server's log) names its side on one line and the
 * error on another: in a short paste whose lines that say agree, the others get the same side. */
function sameLoggerThroughout(input: string, matches: Match[], c: Compiled, lang: Lang): void {
  if (!input.includes('\n') || matches.every((m) => m.logger)) return;
  const lines = input.split('\n');
  if (lines.length > 200) return; // a long log mixes programs; one side for all would be a guess
  const said = new Set<Logger>();
  for (const line of lines) {
    const l = loggerOf(line, undefined);
    if (l) said.add(l);
  }
  for (const m of matches) if (m.logger) said.add(m.logger);
  if (said.size !== 1) return;
  const logger = [...said][0]!;
  for (const m of matches) {
    if (m.logger) continue;
    m.logger = logger;
    const perspective = c.byId.get(m.id)?.logged?.[logger]?.text[lang];
    if (perspective) m.perspective = perspective;
  }
}

/** A Java stack trace names its root cause on its last "Caused by:" line: what that line says
 * comes first within the trace, the wrappers above it (down to the trace's first line) after. */
function rootCauseFirst(input: string, matches: Match[]): void {
  if (!input.includes('Caused by:')) return;
  const lines = input.split('\n');
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (/^\s*Caused by: /.test(lines[i]!)) { last = i; break; }
  if (last < 0) return;
  let first = last;
  while (first > 0 && /^\s*(?:at |Caused by: |\.\.\. \d+ more)/.test(lines[first - 1]!)) first--;
  if (first > 0 && /Exception|Error/.test(lines[first - 1]!)) first--;
  const inTrace = (m: Match) => m.line >= first + 1 && m.line <= last + 1;
  const trace = matches.filter(inTrace);
  if (!trace.some((m) => m.line === last + 1) || trace[0]!.line === last + 1) return;
  const ordered = [...trace.filter((m) => m.line === last + 1), ...trace.filter((m) => m.line !== last + 1)];
  let k = 0;
  for (let i = 0; i < matches.length; i++) if (inTrace(matches[i]!)) matches[i] = ordered[k++]!;
}
