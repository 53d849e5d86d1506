// Keeps a code block's accessible name in step with its role (see src/plugins/code-regions.mjs):
// Expressive Code removes role="region" and tabindex from a block that does not overflow and adds
// them back when it does; the name goes and comes with the role. A mutation observer runs before
// anything else can look at the page, so no one sees a named <pre> without its role.
const names = new WeakMap<Element, string>();

const sync = (pre: Element) => {
  const name = pre.getAttribute('aria-label') ?? names.get(pre);
  if (name === undefined || !pre.matches('.expressive-code pre')) return;
  names.set(pre, name);
  if (pre.getAttribute('role') === 'region') pre.setAttribute('aria-label', name);
  else pre.removeAttribute('aria-label');
};

new MutationObserver((records) => {
  for (const record of records) sync(record.target as Element);
}).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['role'] });
