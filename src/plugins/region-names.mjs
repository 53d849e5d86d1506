// Names for the scroll regions the build adds to a page (tables, code blocks), shared so that all
// of them read alike: "<label>: <what it is>" in the page's language, numbered when a page has two
// regions of one name (axe: landmark-unique), ready to go into an attribute.

/** The page's language, from <html lang>. */
export const pageLang = (html) => (/<html[^>]*\blang="en/.test(html) ? 'en' : 'ko');

/** Text as it stands in the HTML: entities stay escaped (they are valid in an attribute as they are). */
export const textOf = (html) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/** The text of the last h2–h4 in the HTML before a region: the section it stands in. */
export function sectionOf(before) {
  const headings = [...before.matchAll(/<h([2-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)];
  return headings.length ? textOf(headings[headings.length - 1][2]) : '';
}

/** A namer for one page: `name(label, subject)` gives "label: subject" (or just the label), with
 * " (2)", " (3)" … on repeats, and quotes escaped for an attribute value. */
export function regionNamer() {
  const used = new Map();
  return (label, subject) => {
    const base = subject ? `${label}: ${subject}` : label;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return (n > 1 ? `${base} (${n})` : base).replace(/"/g, '&quot;');
  };
}
