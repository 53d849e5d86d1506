// Which language the CLI answers in, the way command-line linters decide it: an explicit
// `--lang`, else the POSIX locale variables in their order of precedence (LC_ALL overrides
// LC_MESSAGES, which overrides LANG; an empty variable counts as unset). Korean for a `ko*`
// locale (ko, ko_KR, ko_KR.UTF-8), English for anything else, including `C` and `POSIX` and no locale at all.
import type { Lang } from '../lib/site/urls.ts';

export type Env = Record<string, string | undefined>;

export const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

export function isLang(v: string | undefined): v is Lang {
  return v === 'ko' || v === 'en';
}

export function langFromEnv(env: Env): Lang {
  const locale = LOCALE_VARS.map((name) => env[name]).find((v) => v !== undefined && v !== '');
  // The language is the part before the territory, codeset and modifier: ko_KR.UTF-8@x -> ko.
  return locale?.split(/[_.@-]/)[0]?.toLowerCase() === 'ko' ? 'ko' : 'en';
}

/** The value of `--lang` (`--lang ko` or `--lang=ko`) wherever it appears in argv, if any. */
export function langArg(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** The language for messages: a valid `--lang` wins, else the locale. An invalid `--lang` value
 * is reported by the command; its message is in the locale's language. */
export function resolveLang(argv: string[], env: Env): Lang {
  const arg = langArg(argv);
  return isLang(arg) ? arg : langFromEnv(env);
}
