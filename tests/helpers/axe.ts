// axe-core over a page of the built site: WCAG 2.2 A/AA and best practices.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The rules whose result can change with the colour theme: contrast, and the image names of
 * diagrams (each theme may show its own SVG). */
export const THEME_RULES = ['color-contrast', 'link-in-text-block', 'svg-img-alt', 'role-img-alt'];

/** The violations on the page (or inside `include`), one line each: rule, impact, first targets.
 * `rules` limits the run to those rules (all of TAGS otherwise). */
export async function axeViolations(page: Page, include?: string, rules?: string[]): Promise<string[]> {
  // Legacy mode runs axe in the page itself. The default mode finishes every run in a new blank
  // page, which costs more than the checks (2–3× per page here); the site has no iframes, which
  // are all that the default mode handles better.
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (rules) builder.withRules(rules);
  else builder.withTags(TAGS);
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
