// What the decoder page ships to the browser, built at build time: the catalog with only the
// page language's explanations (the worker needs them), and the labels and titles the cards show.
import type { Catalog, CatalogEntry } from '../../../lib/decoder/catalog.ts';
import { CATEGORY_LABELS, SIDE_LABELS } from '../../../lib/site/catalog.ts';
import { docsUrl, type Lang } from '../../../lib/site/urls.ts';
import { DECODER_STRINGS } from './strings.ts';

/** Keeps `lang` only: the engine reads text[lang] (and the English title for its search words). */
export function catalogForLang(catalog: Catalog, lang: Lang): Catalog {
  const one = (t: { ko: string; en: string }) => ({ [lang]: t[lang] }) as { ko: string; en: string };
  return catalog.map((e): CatalogEntry => ({
    ...e,
    title: { ko: e.title.ko, en: e.title.en },
    meaning: one(e.meaning),
    fix: one(e.fix),
    causes: e.causes.map((c) => ({ text: one(c.text), commands: c.commands })),
    ...(e.because ? { because: one(e.because) } : {}),
    ...(e.logged ? { logged: Object.fromEntries(Object.entries(e.logged).map(([k, v]) => [k, { ...v, text: one(v.text) }])) } : {}),
  }));
}

export interface DecoderPageData {
  lang: Lang;
  strings: Record<string, string>;
  categories: Record<string, string>;
  sides: Record<string, string>;
  /** Catalog id → title, for related-entry and candidate links. */
  titles: Record<string, string>;
  /** Site path → page title, for docs and lab links. */
  pages: Record<string, string>;
  errorsBase: string;
  labsBase: string;
  /** The certificate inspector page in this language. */
  inspectorUrl: string;
  presets: { id: string; label: string; text: string }[];
}

export function decoderPageData(
  catalog: Catalog, lang: Lang, pageTitles: Record<string, string>,
  presets: { id: string; label: { ko: string; en: string }; text: string }[],
): DecoderPageData {
  const pick = <T extends Record<string, { ko: string; en: string }>>(labels: T) =>
    Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[lang]]));
  return {
    lang,
    strings: { ...DECODER_STRINGS[lang] },
    categories: pick(CATEGORY_LABELS),
    sides: pick(SIDE_LABELS),
    titles: Object.fromEntries(catalog.map((e) => [e.id, e.title[lang]])),
    pages: pageTitles,
    errorsBase: docsUrl('errors/', lang),
    labsBase: docsUrl('labs/', lang),
    inspectorUrl: docsUrl('tools/cert-inspector/', lang),
    presets: presets.map((p) => ({ id: p.id, label: p.label[lang], text: p.text })),
  };
}
