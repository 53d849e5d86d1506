// DOM helpers for the widgets. Every piece of text goes in through text nodes, never as HTML:
// pasted input and engine messages can contain `<`, quotes or markup of their own.

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined>;

/** Creates an element; props become attributes (false/undefined: left out), children text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Text whose `backticked` parts (as in engine and catalog messages) become <code>. */
export function richText(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  text.split(/(`[^`\n]+`)/).forEach((part) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) frag.appendChild(h('code', {}, part.slice(1, -1)));
    else if (part) frag.appendChild(document.createTextNode(part));
  });
  return frag;
}

/** Fills a template string such as "{n} findings" with values. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Reads the JSON a widget's Astro component serialised into the page. */
export function pageData<T>(root: Element, selector: string): T {
  const el = root.querySelector(selector);
  return JSON.parse(el?.textContent ?? '{}') as T;
}

/** Copies text to the clipboard; false when the browser refuses (no permission, no API). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
