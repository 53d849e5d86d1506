// The words the widgets share, and how each widget's table is built on them. A widget's strings.ts
// writes its own English table and the Korean one with the same keys, and passes both to
// widgetStrings, which puts the shared words first. A word that two widgets say the same way lives
// here, once; a widget may not define a shared key again (the type refuses it).
// `{n|one|other}` in an English string picks the singular or plural (`plural`); Korean counts with 개.
import type { Lang } from '../../../lib/site/urls.ts';

/** A table of words with the keys of T (the Korean table has the English one's keys). */
export type Words<T> = Record<keyof T, string>;

const en = {
  clear: 'Clear',
  share: 'Make a share link',
  shareLabel: 'Share link',
  presetLoaded: 'Example loaded: {name}',
  docsLink: 'Explained in: {title}',
  catalog: 'Error reference: {title}',
  problemsHeading: 'Input that could not be read',
  // The badge of a finding, by the engines' severity.
  severity_error: 'Error',
  severity_warning: 'Warning',
  severity_info: 'Note',
  yes: 'yes',
  no: 'no',
};

const ko: Words<typeof en> = {
  clear: '지우기',
  share: '공유 링크 만들기',
  shareLabel: '공유 링크',
  presetLoaded: '예제 불러옴: {name}',
  docsLink: '설명: {title}',
  catalog: '오류 레퍼런스: {title}',
  problemsHeading: '읽지 못한 입력',
  severity_error: '오류',
  severity_warning: '경고',
  severity_info: '참고',
  yes: '예',
  no: '아니오',
};

export const SHARED_STRINGS = { en, ko };

type SharedKey = keyof typeof en;
/** What a widget's own table may not hold: a shared key. */
type NoSharedKey = { [K in SharedKey]?: never };

/** A widget's tables in both languages: the shared words, then the widget's own. */
export function widgetStrings<K extends string>(
  own: { en: Record<K, string> & NoSharedKey; ko: Record<K, string> },
): Record<Lang, Record<K | SharedKey, string>> {
  return { en: { ...en, ...own.en }, ko: { ...ko, ...own.ko } };
}

/** `{n|one|other}` → the English singular or plural for the number `n`. */
export function plural(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) => (k in values ? (values[k] === 1 ? one : other) : m));
}
