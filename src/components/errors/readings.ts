// The error page's words for what the decoder reads around an entry: which side of the TLS
// connection logged the text (`logged.client` / `logged.server`) and, for an envelope, how it
// relates to the specific cause on the same line (`because`). Used by ErrorReadings.astro and
// by the page's table of contents.
import type { CatalogEntry, Logger } from '../../lib/decoder/catalog.ts';
import type { Lang } from '../../lib/site/urls.ts';

export const READING_STRINGS = {
  ko: {
    logged: '어느 쪽이 남긴 줄인가',
    loggedIntro: '같은 문구라도 TLS 연결의 어느 쪽이 로그를 남겼는지에 따라 뜻이 다르다. 오류 디코더는 줄에 드러난 쪽에 맞춰 읽는다.',
    by: { client: '클라이언트가 남겼을 때', server: '서버가 남겼을 때' } satisfies Record<Logger, string>,
    causeFirst: '이때 오류 디코더가 먼저 보여 주는 항목:',
    carries: '다른 오류를 담고 있을 때',
    carriesIntro: '이 항목은 다른 실패를 감싸 전하는 오류다. 같은 줄에서 더 구체적인 원인을 찾으면 오류 디코더는 그 원인의 카드를 먼저 보여 주고, 이 항목의 카드에는 둘의 관계를 이렇게 적는다(“…”에는 원인 카드의 제목이 들어간다).',
  },
  en: {
    logged: 'Who logged it',
    loggedIntro: 'The same words mean different things depending on which end of the TLS connection logged them. The decoder reads them by the side the line shows.',
    by: { client: 'Logged by the client', server: 'Logged by the server' } satisfies Record<Logger, string>,
    causeFirst: 'The decoder then shows this entry first:',
    carries: 'When it carries another error',
    carriesIntro: 'This entry is the wrapper another failure travels in. When the decoder finds a more specific cause on the same line, it shows that cause’s card first, and this entry’s card says how the two relate (“…” stands for the title of the cause’s card):',
  },
} as const;

const SIDES: Logger[] = ['client', 'server'];

/** The sides the entry has a reading for, client first. */
export function loggedSides(entry: CatalogEntry): Logger[] {
  return SIDES.filter((side) => entry.logged?.[side]);
}

/** The envelope's `because` sentence as a page shows it, without a card to name. */
export function becauseText(entry: CatalogEntry, lang: Lang): string | undefined {
  return entry.envelope && entry.because ? entry.because[lang].replace('{cause}', '…') : undefined;
}

/** The page's table-of-contents entries for these sections (slugs match ErrorReadings.astro). */
export function readingHeadings(entry: CatalogEntry, lang: Lang): { depth: number; slug: string; text: string }[] {
  const t = READING_STRINGS[lang];
  return [
    ...(loggedSides(entry).length ? [{ depth: 2, slug: 'logged', text: t.logged }] : []),
    ...(becauseText(entry, lang) ? [{ depth: 2, slug: 'carries', text: t.carries }] : []),
  ];
}
