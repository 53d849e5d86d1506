// What the validator page ships to the browser, built at build time: the page language's words,
// rule titles, example presets and page titles. The engine itself runs in the worker.
import { MAX_INPUT_CHARS } from '../../../lib/validator/engine.ts';
import { presets } from '../../../lib/validator/presets/index.ts';
import { rules } from '../../../lib/validator/rules/index.ts';
import { docsUrl, type Lang } from '../../../lib/site/urls.ts';
import { VALIDATOR_STRINGS } from './strings.ts';

export interface ValidatorPageData {
  lang: Lang;
  strings: Record<string, string>;
  maxChars: number;
  ruleCount: number;
  /** Rule id → title in the page language. */
  ruleTitles: Record<string, string>;
  /** Site path → page title, for the docs link of each finding. */
  pages: Record<string, string>;
  rulesPage: string;
  presets: { id: string; title: string; description: string; yaml: string }[];
  /** The preset the "no bundle" message points to. */
  bundlePreset: { id: string; title: string };
}

/** The pages the rules link to (without the `#section` some of them add). */
export function validatorDocPaths(): string[] {
  return [...new Set(rules.map((r) => pagePath(r.docs)))];
}

/** `tools/validator-rules/#rule-id` → `tools/validator-rules/`: the key of `pages` (client.ts does the same). */
const pagePath = (docs: string) => docs.split('#')[0]!;

export function validatorPageData(lang: Lang, pages: Record<string, string>): ValidatorPageData {
  const list = presets.map((p) => ({ id: p.id, title: p.title[lang], description: p.description[lang], yaml: p.yaml }));
  const valid = presets.find((p) => p.expect.length === 0) ?? presets[0];
  return {
    lang,
    strings: { ...VALIDATOR_STRINGS[lang] },
    maxChars: MAX_INPUT_CHARS,
    ruleCount: rules.length,
    ruleTitles: Object.fromEntries(rules.map((r) => [r.id, r.title[lang]])),
    pages,
    rulesPage: docsUrl('tools/validator-rules/', lang),
    presets: list,
    bundlePreset: { id: valid?.id ?? '', title: valid?.title[lang] ?? '' },
  };
}
