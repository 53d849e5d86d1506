// Reads whatever a user has at hand into certificates, keys and requests, each with where it came
// from: PEM bundles, base64 DER, `openssl s_client -showcerts` transcripts, Kubernetes Secrets
// (YAML or JSON; base64 `tls.crt`, `tls.key`, `ca.crt` and Istio's `cert`/`key`/`cacert`),
// `istioctl proxy-config secret -o json` and ztunnel's certificate dump. Parsing the DER is
// x509.ts's job; this file only finds the objects and their roles.
import { parseAllDocuments } from 'yaml';
import { asText, fromBase64, say } from './text.ts';
import type { InputForm, InputProblem, Lang, ParsedInput, RawObject, Role } from './types.ts';

const KINDS: Record<string, RawObject['kind']> = {
  'CERTIFICATE': 'certificate',
  'TRUSTED CERTIFICATE': 'certificate',
  'X509 CERTIFICATE': 'certificate',
  'PRIVATE KEY': 'private-key',
  'RSA PRIVATE KEY': 'private-key',
  'EC PRIVATE KEY': 'private-key',
  'CERTIFICATE REQUEST': 'csr',
  'NEW CERTIFICATE REQUEST': 'csr',
  'PUBLIC KEY': 'public-key',
};

const M = {
  noEnd: { ko: '{line}번째 줄: `-----BEGIN {label}-----`에 맞는 END 줄이 없다', en: 'line {line}: `-----BEGIN {label}-----` has no matching END line' },
  badBase64: { ko: '{line}번째 줄: {label} 블록의 base64가 깨졌다', en: 'line {line}: the base64 inside the {label} block is damaged' },
  encrypted: { ko: '{line}번째 줄: 암호화된 개인 키는 비교하지 않는다(`openssl pkey -in key.pem`으로 풀어서 넣자)', en: 'line {line}: an encrypted private key is not compared (decrypt it with `openssl pkey -in key.pem` first)' },
  skipped: { ko: '{line}번째 줄: {label} 블록은 읽지 않는다', en: 'line {line}: a {label} block is not read' },
  nothing: { ko: '{line}번째 줄: 인증서, 키, CSR을 찾지 못했다(PEM, base64 DER, Secret YAML/JSON, istioctl·ztunnel 덤프를 읽는다)', en: 'line {line}: no certificate, key or CSR found (it reads PEM, base64 DER, Secret YAML/JSON, istioctl and ztunnel dumps)' },
  badJson: { ko: '{line}번째 줄: JSON으로 읽을 수 없다({error})', en: 'line {line}: not valid JSON ({error})' },
  badYaml: { ko: '{line}번째 줄: YAML로 읽을 수 없다({error})', en: 'line {line}: not valid YAML ({error})' },
  badField: { ko: '{line}번째 줄: `{field}` 값이 base64가 아니다', en: 'line {line}: the value of `{field}` is not base64' },
  redacted: { ko: '`{field}`의 개인 키는 덤프에서 가려져 있어(`[redacted]`) 비교하지 않았다', en: 'the private key in `{field}` is redacted in the dump (`[redacted]`) and was not compared' },
};

interface Ctx {
  file: string;
  lang: Lang;
  out: ParsedInput;
  /** The whole text, to find the line of a field in a structured document. */
  source: string;
  nextGroup: { n: number };
}

const lineOf = (text: string, index: number) => (index < 0 ? 1 : text.slice(0, index).split('\n').length);

function problem(ctx: Ctx, line: number, t: { ko: string; en: string }, v: Record<string, string | number> = {}): void {
  ctx.out.problems.push({ file: ctx.file, line, message: say(ctx.lang, t, { line, ...v }) } satisfies InputProblem);
}

/** Finds PEM blocks in `text`; `baseLine` is the line `text` starts on in the file. Returns how many objects it found. */
/** `flat`: the text was decoded from one base64 field, so every object is reported on that field's line. */
function scanPem(ctx: Ctx, text: string, baseLine: number, form: InputForm, role: Role, group: number, field?: string, flat = false): number {
  // Files concatenated without a final newline glue END and BEGIN onto one line.
  const lines = text.replace(/(-----END [A-Z0-9 ]+-----)[ \t]*(?=-----BEGIN)/g, '$1\n').split(/\r?\n/);
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    const begin = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(lines[i]!);
    if (!begin) continue;
    const label = begin[1]!;
    const line = flat ? baseLine : baseLine + i;
    const endMark = `-----END ${label}-----`;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.includes(endMark)) end++;
    if (end === lines.length) {
      problem(ctx, line, M.noEnd, { label });
      break;
    }
    const body = lines.slice(i + 1, end);
    i = end;
    if (label === 'ENCRYPTED PRIVATE KEY' || body.some((l) => /^\s*Proc-Type:.*ENCRYPTED/.test(l))) {
      problem(ctx, line, M.encrypted);
      continue;
    }
    const kind = KINDS[label];
    if (!kind) {
      if (!/PARAMETERS$/.test(label)) problem(ctx, line, M.skipped, { label });
      continue;
    }
    const der = fromBase64(body.filter((l) => !/^\s*[\w-]+:/.test(l)).join(''));
    if (!der?.length) {
      problem(ctx, line, M.badBase64, { label });
      continue;
    }
    ctx.out.objects.push({ kind, label, der, origin: { file: ctx.file, line, form, ...(field ? { field } : {}) }, role, group });
    found++;
  }
  return found;
}

/** A field's value from a Secret or a dump: PEM text, base64 of PEM, or base64 of DER. */
function readValue(ctx: Ctx, value: string, opts: { form: InputForm; role: Role; group: number; field: string; base64: boolean }): void {
  // The line of the field in the document: its full key (`ca.crt`), else its list name (`certChain`).
  const keys = [opts.field, opts.field.replace(/\[\d+\]$/, ''), opts.field.split('.').pop()!];
  const at = keys.map((k) => ctx.source.search(new RegExp(`(^|[\\s"'{,])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`, 'm'))).find((i) => i >= 0) ?? -1;
  const line = lineOf(ctx.source, at < 0 ? -1 : at + (/^[\s"'{,]/.test(ctx.source[at] ?? '') ? 1 : 0));
  if (opts.base64 && !value.includes('-----BEGIN')) {
    const bytes = fromBase64(value);
    if (!bytes) return problem(ctx, line, M.badField, { field: opts.field });
    const text = asText(bytes);
    if (text !== undefined) {
      if (text.trim() === '[redacted]') {
        ctx.out.notes.push(say(ctx.lang, M.redacted, { field: opts.field }));
        return;
      }
      if (scanPem(ctx, text, line, opts.form, opts.role, opts.group, opts.field, true) > 0) return;
    } else if (bytes[0] === 0x30) {
      ctx.out.objects.push({ kind: opts.field.includes('key') ? 'private-key' : 'certificate', label: 'CERTIFICATE', der: bytes, origin: { file: ctx.file, line, form: opts.form, field: opts.field }, role: opts.role, group: opts.group });
      return;
    }
    return problem(ctx, line, M.nothing);
  }
  if (value.trim() === '[redacted]') {
    ctx.out.notes.push(say(ctx.lang, M.redacted, { field: opts.field }));
    return;
  }
  scanPem(ctx, value, line, opts.form, opts.role, opts.group, opts.field);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Secret keys that hold what the verifier trusts rather than what it presents. */
const TRUST_KEY = /^(ca\.crt|cacert|ca\.pem|ca-cert\.pem|root-cert\.pem|ca)$/i;

function walk(ctx: Ctx, v: unknown, path: string, form: InputForm, group: number): void {
  if (Array.isArray(v)) return v.forEach((x, i) => walk(ctx, x, `${path}[${i}]`, form, group));
  if (!isObj(v)) {
    if (typeof v === 'string' && v.includes('-----BEGIN')) readValue(ctx, v, { form, role: 'presented', group, field: path, base64: false });
    return;
  }
  if (v.kind === 'Secret' && (isObj(v.data) || isObj(v.stringData))) {
    for (const [data, base64] of [[v.data, true], [v.stringData, false]] as const) {
      if (!isObj(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string') continue;
        readValue(ctx, value, { form: 'k8s-secret', role: TRUST_KEY.test(key) ? 'trust' : 'presented', group, field: key, base64 });
      }
    }
    return;
  }
  // ztunnel: {identity, state, certChain: [{pem, ...}], rootCerts: [{pem, ...}]}; one group per identity.
  if (Array.isArray(v.certChain) || Array.isArray(v.rootCerts)) {
    const g = ++ctx.nextGroup.n;
    for (const [list, role] of [[v.certChain, 'presented'], [v.rootCerts, 'trust']] as const) {
      if (!Array.isArray(list)) continue;
      list.forEach((c, i) => {
        const pem = isObj(c) ? c.pem : c;
        if (typeof pem === 'string') readValue(ctx, pem, { form: 'ztunnel', role, group: g, field: `${role === 'trust' ? 'rootCerts' : 'certChain'}[${i}]`, base64: false });
      });
    }
    return;
  }
  for (const [key, value] of Object.entries(v)) {
    // Envoy's DataSource inside an istioctl secret dump: {inlineBytes: base64} or {inlineString}.
    if (isObj(value) && (typeof value.inlineBytes === 'string' || typeof value.inlineString === 'string')) {
      const role: Role = key === 'trustedCa' ? 'trust' : 'presented';
      const base64 = typeof value.inlineBytes === 'string';
      readValue(ctx, (base64 ? value.inlineBytes : value.inlineString) as string, { form: 'istioctl-secret', role, group, field: key, base64 });
      continue;
    }
    walk(ctx, value, path ? `${path}.${key}` : key, form, group);
  }
}

function structured(ctx: Ctx, text: string): boolean {
  const trimmed = text.trimStart();
  const before = text.length - trimmed.length;
  let docs: unknown[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      docs = [JSON.parse(trimmed)];
    } catch (e) {
      const pos = /position (\d+)/.exec(String(e))?.[1];
      problem(ctx, lineOf(text, before + Number(pos ?? 0)), M.badJson, { error: (e as Error).message.split('\n')[0]! });
      return true;
    }
  } else if (/^(apiVersion|kind):/m.test(text) && !/^-----BEGIN/m.test(text)) {
    const parsed = parseAllDocuments(text);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const err = list.flatMap((d) => d.errors)[0];
    if (err) {
      problem(ctx, err.linePos?.[0]?.line ?? 1, M.badYaml, { error: err.message.split('\n')[0]! });
      return true;
    }
    docs = list.map((d) => d.toJS());
  } else return false;
  const before0 = ctx.out.objects.length + ctx.out.problems.length + ctx.out.notes.length;
  for (const doc of docs) {
    const form: InputForm = isObj(doc) && Array.isArray(doc.certificates) ? 'ztunnel' : isObj(doc) && (Array.isArray(doc.dynamicActiveSecrets) || Array.isArray(doc.configs)) ? 'istioctl-secret' : 'k8s-secret';
    walk(ctx, doc, '', form, 0);
  }
  if (ctx.out.objects.length + ctx.out.problems.length + ctx.out.notes.length === before0) problem(ctx, 1, M.nothing);
  return true;
}

/** Reads one file or paste. */
export function parseInput(text: string, file: string, lang: Lang, opts: { role?: Role } = {}): ParsedInput {
  const out: ParsedInput = { objects: [], problems: [], notes: [] };
  const ctx: Ctx = { file, lang, out, source: text, nextGroup: { n: 0 } };
  const role = opts.role ?? 'presented';
  if (!text.trim()) return out;
  if (role === 'presented' && structured(ctx, text)) return out;
  if (text.includes('-----BEGIN')) {
    const form: InputForm = /^(CONNECTED\(|Certificate chain$|Server certificate$)/m.test(text) ? 's_client' : 'pem';
    if (scanPem(ctx, text, 1, form, role, 0) === 0 && out.problems.length === 0) problem(ctx, 1, M.nothing);
    return out;
  }
  // No PEM armour: one base64 blob, of DER (a certificate) or of PEM text (`kubectl get secret -o jsonpath`).
  const bytes = fromBase64(text);
  const asPem = bytes && asText(bytes);
  if (asPem?.includes('-----BEGIN')) scanPem(ctx, asPem, 1, 'pem-base64', role, 0, undefined, true);
  else if (bytes && bytes[0] === 0x30 && bytes.length > 64) out.objects.push({ kind: 'certificate', label: 'CERTIFICATE', der: bytes, origin: { file, line: 1, form: 'der-base64' }, role, group: 0 });
  else problem(ctx, 1 + (text.length - text.trimStart().length ? lineOf(text, text.length - text.trimStart().length) - 1 : 0), M.nothing);
  return out;
}
