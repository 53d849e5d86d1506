// Absolute links for output read outside the site (terminals, CI logs, code-scanning alerts).
// The origin is astro.config.mjs's `site`; site.test.ts keeps the two equal.
import { docsUrl, type Lang } from '../lib/site/urls.ts';

export const SITE_ORIGIN = 'https://mesh-tls.example.org';

export function siteUrl(path: string, lang: Lang): string {
  return `${SITE_ORIGIN}${docsUrl(path, lang)}`;
}

/** The rule's section on the rules page (anchor = rule id). */
export function ruleUrl(ruleId: string, lang: Lang): string {
  return `${siteUrl('tools/validator-rules/', lang)}#${ruleId}`;
}

/** Where the single-file CLI is downloaded from (public/downloads/ on the site). */
export const CLI_DOWNLOAD_URL = `${SITE_ORIGIN}/downloads/meshtls.mjs`;
