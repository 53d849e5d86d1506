// The option loop `meshtls cert` and `meshtls explain` share: files, `--name value` or
// `--name=value`, `--` ends the options, `-h`/`--help`. Each command checks its own values.

export type Walked = { files: string[] } | { help: true } | { error: string };

export interface WalkMessages {
  unknownOption(arg: string): string;
  needsValue(name: string): string;
}

/** Calls `take(name, value)` for each known option; a string it returns is the error to report. */
export function walkArgs(argv: string[], known: readonly string[], m: WalkMessages, take: (name: string, value: string) => string | undefined): Walked {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { files.push(...argv.slice(i + 1)); break; }
    if (a === '-h' || a === '--help') return { help: true };
    if (!a.startsWith('--')) { files.push(a); continue; }
    const [name, inline] = a.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) return { error: m.unknownOption(a) };
    const value = inline ?? argv[++i];
    if (value === undefined) return { error: m.needsValue(name) };
    const error = take(name, value);
    if (error) return { error };
  }
  return { files };
}

/** `--at`: an ISO date or date-time; undefined when it is not one. */
export function parseTime(v: string): Date | undefined {
  const t = new Date(v);
  return /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(t.getTime()) ? t : undefined;
}
