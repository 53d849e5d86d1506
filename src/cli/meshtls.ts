import type { CliIo } from './io.ts';

const USAGE = `Usage:
  meshtls lint [--format text|json] [--lang ko|en] FILE...   (- reads stdin)
  meshtls decode [--format text|json] [--lang ko|en] [TEXT...] (no TEXT: stdin, one entry per line)
`;

/** Dispatches to a subcommand; returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'lint') return (await import('./lint.ts')).runLint(rest, io);
  if (command === 'decode') return (await import('./decode.ts')).runDecode(rest, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  io.stderr.write(command ? `meshtls: unknown command "${command}"\n\n${USAGE}` : USAGE);
  return 2;
}
