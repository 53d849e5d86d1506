// The error catalog's shape and its schema check. Entries are plain JSON-compatible data (one
// YAML file each under src/data/errors/): the CLI and tests read them with load-catalog.node.ts,
// the site through an Astro content collection; both hand the same objects to the engine.
import type { Lang, Text } from './codes.ts';

export const CATEGORIES = [
  'cert-verify-failed', 'cert-expired', 'cert-not-yet-valid', 'unknown-ca', 'hostname-mismatch',
  'client-cert-missing', 'client-cert-rejected', 'protocol-version', 'no-shared-cipher',
  'tls-to-plaintext', 'plaintext-to-tls', 'sni-mismatch', 'sds-secret-missing', 'sds-rbac-denied',
  'key-mismatch', 'bad-certificate-format', 'cert-revoked', 'connection-reset', 'upstream-overflow',
  'no-route', 'no-healthy-upstream', 'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SIDES = ['downstream', 'upstream', 'either'] as const;
export type Side = (typeof SIDES)[number];

export const COMPONENTS = [
  'envoy', 'istio', 'boringssl', 'openssl', 'nginx', 'curl', 'go', 'java', 'node', 'python', 'grpc', 'haproxy',
] as const;

export interface Pattern {
  /** Regular-expression source (JavaScript syntax). */
  source: string;
  /** Only `i` is allowed: the engine adds what it needs. */
  flags?: string;
}

export interface Cause {
  text: Text;
  /** Commands that confirm (or rule out) this cause; language-neutral. */
  commands: string[];
}

/** What a line means when the client or the server of the TLS connection wrote it. */
export interface Perspective {
  text: Text;
  /** The entry that explains the failure from this side, ranked before this one (Go's "first
   * record does not look like a TLS handshake" is plain HTTP to a TLS port on a server and TLS
   * to a plaintext port on a client). */
  cause?: string;
}

export const LOGGERS = ['client', 'server'] as const;
export type Logger = (typeof LOGGERS)[number];

export interface CatalogEntry {
  id: string;
  category: Category;
  components: string[];
  side: Side;
  /** Exact strings people search for; the engine also maps decoded reason names to entries
   * through them, so an identifier belongs to one entry only. */
  identifiers: string[];
  patterns: Pattern[];
  title: Text;
  meaning: Text;
  causes: Cause[];
  fix: Text;
  related: string[];
  /** Language-neutral site paths, e.g. `envoy/tls-troubleshooting/`. */
  docs: string[];
  labs: string[];
  /** The entry names the wrapper a failure travels in (a 503, a curl exit code, a failed health
   * check): a more specific entry on the same line ranks before it. */
  envelope?: boolean;
  /** For an envelope: how it relates to the specific cause, with `{cause}` for its title. */
  because?: Text;
  logged?: Partial<Record<Logger, Perspective>>;
}

export type Catalog = readonly CatalogEntry[];

export interface Problem {
  id: string;
  message: string;
}

const LANGS: Lang[] = ['ko', 'en'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOC_PATH = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*\/$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkText(v: unknown, where: string, out: string[]): void {
  if (!isObject(v)) {
    out.push(`${where}: expected { ko, en }`);
    return;
  }
  for (const lang of LANGS) {
    if (typeof v[lang] !== 'string' || !(v[lang] as string).trim()) out.push(`${where}.${lang}: missing`);
  }
}

function stringList(v: unknown, where: string, out: string[], nonEmpty = false): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !s.trim())) {
    out.push(`${where}: expected a list of non-empty strings`);
    return [];
  }
  if (nonEmpty && v.length === 0) out.push(`${where}: must not be empty`);
  return v as string[];
}

/** A nested quantifier such as `(a+)+` can take exponential time; the catalog forbids them. */
function hasNestedQuantifier(source: string): boolean {
  return /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/.test(source);
}

/** Schema check of a whole catalog. Pure; returns one problem per defect (empty when valid). */
export function validateCatalog(entries: readonly unknown[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const identifierOwner = new Map<string, string>();
  for (const raw of entries) {
    const e = isObject(raw) ? raw : {};
    const id = typeof e.id === 'string' ? e.id : '(no id)';
    if (ids.has(id)) problems.push({ id, message: 'duplicate id' });
    ids.add(id);
  }
  for (const raw of entries) {
    const out: string[] = [];
    const e = isObject(raw) ? raw : {};
    const id = typeof e.id === 'string' ? e.id : '(no id)';
    if (!ID.test(id)) out.push('id: lowercase words joined by "-"');
    if (!CATEGORIES.includes(e.category as Category)) out.push(`category: must be exactly one of ${CATEGORIES.join(', ')}`);
    if (!SIDES.includes(e.side as Side)) out.push(`side: must be one of ${SIDES.join(', ')}`);
    for (const c of stringList(e.components, 'components', out, true)) {
      if (!(COMPONENTS as readonly string[]).includes(c)) out.push(`components: unknown component "${c}"`);
    }
    for (const ident of stringList(e.identifiers, 'identifiers', out, true)) {
      const owner = identifierOwner.get(ident.toUpperCase());
      if (owner && owner !== id) out.push(`identifiers: "${ident}" also belongs to ${owner}`);
      identifierOwner.set(ident.toUpperCase(), id);
    }
    if (!Array.isArray(e.patterns) || e.patterns.length === 0) out.push('patterns: at least one');
    else {
      e.patterns.forEach((p: unknown, i: number) => {
        const where = `patterns[${i}]`;
        if (!isObject(p) || typeof p.source !== 'string' || !p.source) return void out.push(`${where}.source: missing`);
        const flags = p.flags ?? '';
        if (typeof flags !== 'string' || !/^i?$/.test(flags)) out.push(`${where}.flags: only "i" is allowed`);
        try {
          if (new RegExp(p.source, 'u').test('')) out.push(`${where}: matches the empty string`);
        } catch (err) {
          out.push(`${where}: invalid regular expression (${(err as Error).message})`);
        }
        if (hasNestedQuantifier(p.source)) out.push(`${where}: nested quantifier (catastrophic backtracking)`);
      });
    }
    for (const field of ['title', 'meaning', 'fix'] as const) checkText(e[field], field, out);
    if (!Array.isArray(e.causes) || e.causes.length === 0) out.push('causes: at least one');
    else {
      e.causes.forEach((c: unknown, i: number) => {
        const cause = isObject(c) ? c : {};
        checkText(cause.text, `causes[${i}].text`, out);
        stringList(cause.commands, `causes[${i}].commands`, out);
      });
    }
    for (const r of stringList(e.related, 'related', out)) {
      if (!ids.has(r)) out.push(`related: unknown id "${r}"`);
      if (r === id) out.push('related: lists itself');
    }
    for (const d of stringList(e.docs, 'docs', out, true)) {
      if (!DOC_PATH.test(d) || /^(en|ko)\//.test(d)) out.push(`docs: "${d}" is not a path like "section/slug/" without locale`);
    }
    for (const l of stringList(e.labs, 'labs', out)) {
      if (!ID.test(l)) out.push(`labs: "${l}" is not a lab slug`);
    }
    if (e.envelope !== undefined && typeof e.envelope !== 'boolean') out.push('envelope: true or false');
    if (e.because !== undefined) {
      checkText(e.because, 'because', out);
      if (e.envelope !== true) out.push('because: only an envelope entry relates itself to a cause');
      for (const lang of LANGS) if (isObject(e.because) && !String(e.because[lang]).includes('{cause}')) out.push(`because.${lang}: must name {cause}`);
    }
    if (e.logged !== undefined) {
      if (!isObject(e.logged)) out.push('logged: expected { client, server }');
      else {
        for (const [k, v] of Object.entries(e.logged)) {
          if (!(LOGGERS as readonly string[]).includes(k)) { out.push(`logged: unknown side "${k}"`); continue; }
          const p = isObject(v) ? v : {};
          checkText(p.text, `logged.${k}.text`, out);
          if (p.cause !== undefined && (typeof p.cause !== 'string' || !ids.has(p.cause) || p.cause === id)) out.push(`logged.${k}.cause: unknown id "${String(p.cause)}"`);
        }
      }
    }
    for (const message of out) problems.push({ id, message });
  }
  return problems;
}

/** Categories whose errors are about a certificate: their cards offer the certificate inspector. */
const CERTIFICATE_CATEGORIES = new Set<Category>([
  'cert-verify-failed', 'cert-expired', 'cert-not-yet-valid', 'unknown-ca', 'hostname-mismatch',
  'client-cert-rejected', 'key-mismatch', 'bad-certificate-format', 'cert-revoked',
]);

export function offersInspector(category: Category): boolean {
  return CERTIFICATE_CATEGORIES.has(category);
}
