// `meshtls decode [--format text|json] [--lang ko|en] [--proxy sidecar|gateway] [TEXT…]`: a thin
// shell over the decoder engine. Without TEXT it reads stdin and decodes each line as its own entry.
import { decode, type DecodeOptions } from '../lib/decoder/decode.ts';
import { loadCatalog } from '../lib/decoder/load-catalog.node.ts';
import type { Lang } from '../lib/decoder/codes.ts';
import type { AccessLogInfo, DecodedPart, DecodeResult } from '../lib/decoder/types.ts';
import { docsUrl } from '../lib/site/urls.ts';
import { HELP, USAGE } from './help.ts';
import { endOnBrokenPipe, readAll, type CliIo } from './io.ts';
import { isLang, langFromEnv, resolveLang, type Env } from './lang.ts';
import { siteUrl } from './site.ts';

const MESSAGES = {
  ko: {
    badFormat: (v: string) => `meshtls decode: --format은 text 또는 json이어야 한다("${v}")`,
    badLang: (v: string) => `meshtls decode: --lang은 ko 또는 en이어야 한다("${v}")`,
    badProxy: (v: string) => `meshtls decode: --proxy는 sidecar 또는 gateway여야 한다("${v}"). 어느 프록시가 쓴 줄인지 모르면 --proxy를 빼자`,
    unknownOption: (v: string) => `meshtls decode: 알 수 없는 옵션 "${v}"`,
    needsValue: (v: string) => `meshtls decode: ${v}에 값이 필요하다`,
    notRecognised: '알아본 오류 없음.',
    nearest: '가까운 항목:',
    side: '구간',
    page: '설명',
  },
  en: {
    badFormat: (v: string) => `meshtls decode: --format must be text or json ("${v}")`,
    badLang: (v: string) => `meshtls decode: --lang must be ko or en ("${v}")`,
    badProxy: (v: string) => `meshtls decode: --proxy must be sidecar or gateway ("${v}"); leave it out when you do not know which proxy wrote the line`,
    unknownOption: (v: string) => `meshtls decode: unknown option "${v}"`,
    needsValue: (v: string) => `meshtls decode: ${v} needs a value`,
    notRecognised: 'Nothing recognised.',
    nearest: 'Nearest entries:',
    side: 'side',
    page: 'page',
  },
} as const;

/** Site path of an error page in the reader's language (the site's own helper), as the JSON
 * output gives it; the text output prints the whole address (siteUrl). */
export function errorPagePath(id: string, lang: Lang): string {
  return docsUrl(`errors/${id}/`, lang);
}

/** One decoded number or field as both formats show it. */
interface PartView {
  kind: string;
  raw: string;
  values: Record<string, string | number>;
  note: string;
}

/** What both output formats print for one input: JSON prints it as is, text formats it. */
interface ResultView {
  input: string;
  matches: {
    id: string;
    category: string;
    side: string;
    component: string;
    title: string;
    /** Absolute path of the entry's page for the chosen language. */
    docs: string;
    decoded: PartView[];
  }[];
  /** Access-log records: which hop failed, the cluster, the response code and flags explained. */
  accessLogs: {
    line: number;
    format: 'text' | 'json';
    hop: 'upstream' | 'downstream' | null;
    responseCode: string | null;
    responseFlags: { flag: string; long?: string; meaning: string }[];
    cluster: AccessLogInfo['upstreamCluster'] | null;
    responseCodeDetails?: string;
    upstreamHost?: string;
    authority?: string;
    requestedServerName?: string;
    upstreamTransportFailureReason?: string;
    downstreamTransportFailureReason?: string;
    summary: string;
    /** Where in the mesh the proxy that wrote the line sits and which hop failed (`--proxy` says
     * which proxy when the line cannot). */
    meshHop?: AccessLogInfo['meshHop'];
  }[];
  /** Numbers the decoder unpacked that no catalog entry explains (e.g. an alert without an entry). */
  unattached: PartView[];
  /** Ids of the nearest entries, only when nothing was recognised. */
  candidates?: string[];
}

const partView = (d: DecodedPart): PartView => ({ kind: d.kind, raw: d.raw, values: d.values, note: d.note });

export function resultView(input: string, r: DecodeResult): ResultView {
  const view: ResultView = {
    input,
    matches: r.matches.map((m) => ({
      id: m.id,
      category: m.category,
      side: m.side,
      component: m.component,
      title: m.title,
      docs: errorPagePath(m.id, r.lang),
      decoded: m.decoded.map(partView),
    })),
    accessLogs: r.accessLogs.map((log) => {
      const { line, format, side, responseCode, responseFlags, upstreamCluster, summary, ...fields } = log;
      return {
        line,
        format,
        hop: side ?? null,
        responseCode: responseCode ?? null,
        responseFlags,
        cluster: upstreamCluster ?? null,
        ...fields,
        summary,
      };
    }),
    unattached: r.unattached.map(partView),
  };
  if (r.matches.length === 0) view.candidates = r.candidates.map((c) => c.id);
  return view;
}

type Proxy = NonNullable<DecodeOptions['proxy']>;
const PROXIES: readonly string[] = ['sidecar', 'gateway'] satisfies Proxy[];

function parseArgs(argv: string[], env: Env): { format: 'text' | 'json'; lang: Lang; proxy?: Proxy; texts: string[] } | { help: true; lang: Lang } | { error: string; lang: Lang } {
  let format: string = 'text';
  let lang: string = langFromEnv(env);
  let proxy: string | undefined;
  const texts: string[] = [];
  // The language of the messages about bad arguments: whatever --lang says if it is valid, else the locale's.
  const msgLang = resolveLang(argv, env);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      texts.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { help: true, lang: msgLang };
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name === '--format' || name === '--lang' || name === '--proxy') {
      const value = inline ?? argv[++i];
      if (value === undefined) return { error: MESSAGES[msgLang].needsValue(name ?? ''), lang: msgLang };
      if (name === '--format') format = value;
      else if (name === '--lang') lang = value;
      else proxy = value;
    } else if (arg.startsWith('--')) {
      return { error: MESSAGES[msgLang].unknownOption(arg), lang: msgLang };
    } else texts.push(arg);
  }
  if (format !== 'text' && format !== 'json') return { error: MESSAGES[msgLang].badFormat(format), lang: msgLang };
  if (!isLang(lang)) return { error: MESSAGES[msgLang].badLang(lang), lang: msgLang };
  if (proxy !== undefined && !PROXIES.includes(proxy)) return { error: MESSAGES[msgLang].badProxy(proxy), lang: msgLang };
  return { format, lang, ...(proxy ? { proxy: proxy as Proxy } : {}), texts };
}

function renderText(v: ResultView, lang: Lang): string {
  const m = MESSAGES[lang];
  const lines = [`> ${v.input.length > 200 ? `${v.input.slice(0, 200)}…` : v.input}`];
  for (const match of v.matches) {
    lines.push(`  [${match.category}] ${match.title}`);
    lines.push(`    id: ${match.id} · ${m.side}: ${match.side} · ${match.component} · ${m.page}: ${siteUrl(`errors/${match.id}/`, lang)}`);
    for (const d of match.decoded) lines.push(`    - ${d.note}`);
  }
  for (const log of v.accessLogs) {
    if (log.summary) lines.push(`  ${log.summary}`);
    if (log.meshHop) lines.push(`  ${log.meshHop.note}`);
  }
  for (const d of v.unattached) lines.push(`  - ${d.note}`);
  if (v.matches.length === 0) {
    lines.push(`  ${m.notRecognised}`);
    if (v.candidates?.length) lines.push(`  ${m.nearest} ${v.candidates.map((id) => `${id} (${siteUrl(`errors/${id}/`, lang)})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runDecode(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, io.env);
  if ('help' in args) {
    io.stdout.write(HELP[args.lang]);
    return 0;
  }
  if ('error' in args) {
    io.stderr.write(`${args.error}\n${USAGE[args.lang]}`);
    return 2;
  }
  let catalog;
  try {
    catalog = loadCatalog();
  } catch (err) {
    io.stderr.write(`meshtls decode: ${(err as Error).message}\n`);
    return 1;
  }
  const inputs = args.texts.length
    ? args.texts
    : (await readAll(io.stdin)).split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim());
  const closed = endOnBrokenPipe(io, 'meshtls decode');
  const views = inputs.map((input) => resultView(input, decode(input, catalog, { lang: args.lang, proxy: args.proxy })));
  if (args.format === 'json') io.stdout.write(`${JSON.stringify({ results: views }, null, 2)}\n`);
  else for (const v of views) {
    if (closed()) break;
    io.stdout.write(renderText(v, args.lang));
  }
  return 0;
}
