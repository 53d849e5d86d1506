import { HELP, USAGE } from './help.ts';
import type { CliIo } from './io.ts';
import { resolveLang } from './lang.ts';
import pkg from '../../package.json' with { type: 'json' };

/** Dispatches to a subcommand; returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'lint') return (await import('./lint.ts')).runLint(rest, io);
  if (command === 'decode') return (await import('./decode.ts')).runDecode(rest, io);
  if (command === 'cert') return (await import('./cert.ts')).runCert(rest, io);
  if (command === 'explain') return (await import('./explain.ts')).runExplain(rest, io);
  if (command === '--version' || command === '-V') {
    io.stdout.write(`meshtls ${pkg.version}\n`);
    return 0;
  }
  const lang = resolveLang(argv, io.env);
  if (command === '--help' || command === '-h' || command === 'help' || argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(HELP[lang]);
    return 0;
  }
  const unknown = lang === 'ko' ? `meshtls: 알 수 없는 명령 "${command}"` : `meshtls: unknown command "${command}"`;
  io.stderr.write(command ? `${unknown}\n\n${USAGE[lang]}` : USAGE[lang]);
  return 2;
}
