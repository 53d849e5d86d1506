import { readFile } from 'node:fs/promises';
import { lint } from '../lib/validator/index.ts';
import type { Lang } from '../lib/validator/index.ts';
import { renderGithub, renderJson, renderText, summaryLine, toSarif } from './formats.ts';
import { HELP, USAGE } from './help.ts';
import { endOnBrokenPipe, readAll } from './io.ts';
import type { CliIo } from './io.ts';
import { isLang, langFromEnv, resolveLang } from './lang.ts';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const isFormat = (v: string | undefined): v is Format => FORMATS.includes(v as Format);

const MESSAGES = {
  en: {
    badFormat: (v: string) => `--format must be text, json, sarif or github ("${v}")`,
    badLang: (v: string) => `--lang must be ko or en ("${v}")`,
    needsValue: (v: string) => `${v} needs a value`,
    unknownOption: (v: string) => `unknown option ${v}`,
    noFile: 'no FILE given',
    cannotRead: (f: string, code?: string) => `cannot read ${f}${code ? ` (${code})` : ''}`,
  },
  ko: {
    badFormat: (v: string) => `--format은 text, json, sarif, github 중 하나여야 한다("${v}")`,
    badLang: (v: string) => `--lang은 ko 또는 en이어야 한다("${v}")`,
    needsValue: (v: string) => `${v}에 값이 필요하다`,
    unknownOption: (v: string) => `알 수 없는 옵션 ${v}`,
    noFile: '검사할 FILE을 주지 않았다',
    cannotRead: (f: string, code?: string) => `${f}을(를) 읽을 수 없다${code ? `(${code})` : ''}`,
  },
} as const;

type Args = { format: Format; lang: Lang; files: string[] } | { help: true } | { error: string };

function parseArgs(argv: string[], msg: (typeof MESSAGES)[Lang], env: CliIo['env']): Args {
  let format: Format = 'text';
  let lang: Lang = langFromEnv(env);
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { files.push(...argv.slice(i + 1)); break; }
    if (a === '-h' || a === '--help') return { help: true };
    const [name, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    if (name === '--format' || name === '--lang') {
      const v = inline ?? argv[++i];
      if (v === undefined) return { error: msg.needsValue(name) };
      if (name === '--format') {
        if (!isFormat(v)) return { error: msg.badFormat(v) };
        format = v;
      } else {
        if (!isLang(v)) return { error: msg.badLang(v) };
        lang = v;
      }
    } else if (a.startsWith('--')) return { error: msg.unknownOption(a) };
    else files.push(a);
  }
  if (!files.length) return { error: msg.noFile };
  return { format, lang, files };
}

/** `meshtls lint`: exit 0 without error findings, 1 with at least one, 2 on usage or read errors.
 * Warnings and notes never change the exit code. */
export async function runLint(argv: string[], io: CliIo): Promise<number> {
  // Messages about the arguments themselves: in the --lang given (if valid), else the locale's.
  const msgLang = resolveLang(argv, io.env);
  const msg = MESSAGES[msgLang];
  const args = parseArgs(argv, msg, io.env);
  if ('help' in args) { io.stdout.write(HELP[msgLang]); return 0; }
  if ('error' in args) { io.stderr.write(`meshtls lint: ${args.error}\n${USAGE[msgLang]}`); return 2; }
  const { format, lang, files } = args;
  const closed = endOnBrokenPipe(io, 'meshtls lint');
  const inputs: { name: string; text: string }[] = [];
  for (const f of files) {
    try {
      inputs.push({ name: f === '-' ? '<stdin>' : f, text: f === '-' ? await readAll(io.stdin) : await readFile(f, 'utf8') });
    } catch (e) {
      io.stderr.write(`meshtls lint: ${msg.cannotRead(f, (e as NodeJS.ErrnoException).code)}\n`);
      return 2;
    }
  }
  const result = lint(inputs, { lang });
  if (format === 'json') io.stdout.write(renderJson(result, lang));
  else if (format === 'sarif') io.stdout.write(`${JSON.stringify(toSarif(result, lang), null, 2)}\n`);
  else {
    const render = format === 'github' ? renderGithub : renderText;
    for (const f of result.findings) {
      if (closed()) break;
      io.stdout.write(render(f, lang));
    }
    if (!closed()) io.stdout.write(`${summaryLine(result.summary, lang)}\n`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}
