import { readFile } from 'node:fs/promises';
import { lint } from '../lib/validator/index.ts';
import { docsUrl } from '../lib/site/urls.ts';
import type { Finding, Lang } from '../lib/validator/index.ts';
import { endOnBrokenPipe, readAll } from './io.ts';
import type { CliIo } from './io.ts';

const USAGE = 'Usage: meshtls lint [--format text|json] [--lang ko|en] FILE...   (- reads stdin)\n';

/** `meshtls lint`: exit 0 without error findings, 1 with at least one, 2 on usage or read errors. */
export async function runLint(argv: string[], io: CliIo): Promise<number> {
  const closed = endOnBrokenPipe(io, 'meshtls lint');
  let format = 'text';
  let lang: Lang = 'ko';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '--lang') {
      const v = argv[++i];
      if (a === '--format' && (v === 'text' || v === 'json')) format = v;
      else if (a === '--lang' && (v === 'ko' || v === 'en')) lang = v;
      else { io.stderr.write(`meshtls lint: ${a} needs ${a === '--format' ? 'text or json' : 'ko or en'}\n${USAGE}`); return 2; }
    } else if (a === '-h' || a === '--help') { io.stdout.write(USAGE); return 0; }
    else if (a.startsWith('--')) { io.stderr.write(`meshtls lint: unknown option ${a}\n${USAGE}`); return 2; }
    else files.push(a);
  }
  if (!files.length) { io.stderr.write(`meshtls lint: no FILE given\n${USAGE}`); return 2; }
  const inputs: { name: string; text: string }[] = [];
  for (const f of files) {
    try {
      inputs.push({ name: f === '-' ? '<stdin>' : f, text: f === '-' ? await readAll(io.stdin) : await readFile(f, 'utf8') });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(`meshtls lint: cannot read ${f}${code ? ` (${code})` : ''}\n`);
      return 2;
    }
  }
  const { findings, summary } = lint(inputs, { lang });
  if (format === 'json') {
    // docs: the page's site path in the chosen language (/egress/double-mtls/, /en/egress/double-mtls/).
    const slim = findings.map(({ file, rule, severity, line, column, resource, message, docs }: Finding) => ({ file, rule, severity, line, column, resource, message, docs: docsUrl(docs, lang) }));
    io.stdout.write(`${JSON.stringify({ findings: slim, summary }, null, 2)}\n`);
  } else {
    for (const f of findings) {
      if (closed()) break;
      io.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.resource}\n  ${f.message}\n  -> ${docsUrl(f.docs, lang)}\n`);
    }
    if (!closed()) io.stdout.write(lang === 'en'
      ? `${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info\n`
      : `오류 ${summary.errors}, 경고 ${summary.warnings}, 정보 ${summary.infos}\n`);
  }
  return summary.errors > 0 ? 1 : 0;
}
