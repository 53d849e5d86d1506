// Makes Mermaid's SVG small enough to inline: a page with three diagrams used to weigh 185 KB
// gzip, mostly shapes drawn by rough.js as curves with 15-digit coordinates, twice (one SVG per
// theme). Three steps, each lossless to the eye:
//   1. unused icon and marker definitions go, and so do style rules for classes the drawing
//      does not use; numbers in attributes are rounded to hundredths;
//   2. path curves whose control points lie on the straight line are written as lines, segments
//      that go nowhere are dropped, and strokes drawn twice are drawn once;
//   3. when the light and dark renders differ only in colours (their <style>, colour attributes),
//      one SVG carries both colour sets, scoped by Starlight's `data-theme` attribute.

// SVG's number grammar: "1.5.25" is 1.5 then .25, "-.184" is one number.
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:e-?\d+)?/gi;

function formatNumber(value) {
  const rounded = Math.round(value * 100) / 100;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  return String(rounded).replace(/^(-?)0\./, '$1.');
}

/**
 * Rounds every number inside attribute values to hundredths (text content is left alone).
 * Paths with relative commands are skipped: their rounding errors would add up along the path.
 */
export function roundNumbers(svg) {
  return svg.replace(/(\s([\w:-]+)=")([^"]*)"/g, (whole, head, name, value) => {
    if (!/\.\d{3}/.test(value) || (name === 'd' && /[a-df-z]/.test(value))) return whole;
    return `${head}${value.replace(NUMBER, (n) => (/\.\d{3}/.test(n) ? formatNumber(Number(n)) : n))}"`;
  });
}

/** Drops <symbol> and <marker> definitions nothing refers to (sequence diagrams carry icons). */
export function dropUnusedDefs(svg) {
  return svg.replace(/<(symbol|marker)\b[^>]*\bid="([^"]+)"[\s\S]*?<\/\1>/g, (whole, _tag, id) =>
    svg.includes(`#${id}`) ? whole : '',
  ).replace(/<defs><\/defs>/g, '');
}

const near = (a, b) => Math.abs(a - b) < 0.01;

/** Distance of point p from the line through a and b. */
function offLine([px, py], [ax, ay], [bx, by]) {
  const length = Math.hypot(bx - ax, by - ay);
  if (length < 1e-9) return Math.hypot(px - ax, py - ay);
  return Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
}

/**
 * Rewrites straight cubic curves as lines in a path made of absolute M, L, C and Z commands
 * (what rough.js emits). Any other command leaves the path as it was.
 */
export function simplifyPath(d) {
  if (/[^MLCZ\d\s,.eE-]/.test(d)) return d;
  const tokens = d.match(new RegExp(`[MLCZ]|${NUMBER.source}`, 'gi')) ?? [];
  const out = [];
  let current = [0, 0];
  let start = [0, 0];
  let i = 0;
  const take = () => Number(tokens[i++]);
  const takePoint = () => [take(), take()];
  const point = ([x, y]) => `${formatNumber(x)} ${formatNumber(y)}`;
  let command = '';
  while (i < tokens.length) {
    if (/^[MLCZ]$/i.test(tokens[i])) command = tokens[i++].toUpperCase();
    if (command === 'Z') {
      out.push('Z');
      current = start;
      command = '';
    } else if (command === 'M') {
      current = start = takePoint();
      out.push(`M${point(current)}`);
      command = 'L'; // further pairs after M are line-tos
    } else if (command === 'L') {
      const to = takePoint();
      if (!(near(to[0], current[0]) && near(to[1], current[1]))) out.push(`L${point(to)}`);
      current = to;
    } else if (command === 'C') {
      const c1 = takePoint();
      const c2 = takePoint();
      const to = takePoint();
      const straight = offLine(c1, current, to) < 0.01 && offLine(c2, current, to) < 0.01;
      const still = near(to[0], current[0]) && near(to[1], current[1]);
      if (straight && still) {
        // a curve from a point back to itself along a line draws nothing
      } else if (straight) out.push(`L${point(to)}`);
      else out.push(`C${point(c1)} ${point(c2)} ${point(to)}`);
      current = to;
    } else {
      return d; // not a path we understand
    }
  }
  // A moveto followed by nothing draws nothing either.
  return out.join('').replace(/M[^MLCZ]*(?=M|$)/g, '') || d;
}

/**
 * For a path that is only stroked: rough.js strokes every segment twice, each as a subpath of its
 * own. Drop the repeats and continue a subpath that starts where the last one ended (for a
 * stroke, that only smooths the joins). Not for filled paths, where subpaths shape the fill.
 */
export function joinStrokes(d) {
  const subpaths = d.match(/M[^M]*/g);
  if (!subpaths || subpaths.join('') !== d || /Z/.test(d)) return d;
  const out = [];
  let end = '';
  let previous = '';
  for (const subpath of subpaths) {
    if (subpath === previous) continue;
    previous = subpath;
    const [, start, rest] = subpath.match(/^M([^MLC]*?)(?=[LC])(.*)$/) ?? [];
    if (start === undefined) return d;
    out.push(start.trim() === end ? rest : subpath);
    end = rest.match(/(-?[\d.]+ -?[\d.]+)$/)?.[1] ?? '';
  }
  return out.join('');
}

const STYLE = /<style>([\s\S]*?)<\/style>/;

/**
 * Drops the <style> rules whose selectors name a class the drawing never uses. Mermaid ships the
 * CSS of every element kind of its diagram type with each diagram (~16 KB, over half of it for
 * classes the drawing lacks); every rule is parsed and matched on the reader's phone. @keyframes
 * stay. CSS it cannot split into plain rules is left as it is.
 */
export function dropUnusedRules(svg) {
  const style = svg.match(STYLE);
  if (!style) return svg;
  const used = new Set([...svg.replace(STYLE, '').matchAll(/\sclass="([^"]*)"/g)].flatMap(([, names]) => names.split(/\s+/)));
  const rules = style[1].match(/@[^{}]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}|[^{}@]+\{[^{}]*\}/g) ?? [];
  if (rules.join('') !== style[1]) return svg;
  // A selector applies only if the drawing has every class it names (outside :not()).
  const applies = (selector) => [...selector.replace(/:not\([^()]*\)/g, '').matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every(([, name]) => used.has(name));
  const kept = rules.filter((rule) => rule.startsWith('@') || rule.slice(0, rule.indexOf('{')).split(',').some(applies));
  return svg.replace(STYLE, () => `<style>${kept.join('')}</style>`);
}

/** Drops unused definitions and style rules, simplifies every path, rounds what is left. */
export function compactSvg(svg) {
  const paths = dropUnusedRules(dropUnusedDefs(svg)).replace(/<path\b[^>]*>/g, (tag) => {
    const strokeOnly = /\sfill="none"/.test(tag);
    return tag.replace(/(\sd=")([^"]*)"/, (_, head, d) => `${head}${strokeOnly ? joinStrokes(simplifyPath(d)) : simplifyPath(d)}"`);
  });
  return roundNumbers(paths);
}

// Some themes paint with a gradient the other lacks; gradients keep their theme's id.
const GRADIENT = /<linearGradient\b[\s\S]*?<\/linearGradient>/g;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Presentation attributes that carry a theme's colour; when light and dark differ in them, the
// merged SVG reads the colour from a custom property each theme sets.
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke', 'flood-color', 'stop-color', 'color']);
const TAG = /(<[^>]+>)/;
const ATTRIBUTE = /\s([\w:-]+)(?:="([^"]*)")?/g;

/** Merges two tags that differ only in colour attributes; undefined if they differ otherwise. */
function mergeTag(lightTag, darkTag, variableFor) {
  const attributes = (tag) => [...tag.matchAll(ATTRIBUTE)].map(([, name, value]) => [name, value]);
  const light = attributes(lightTag);
  const dark = attributes(darkTag);
  if (light.length !== dark.length || lightTag.split(/\s/)[0] !== darkTag.split(/\s/)[0]) return undefined;
  const styles = [];
  let merged = lightTag;
  for (let i = 0; i < light.length; i++) {
    const [name, lightValue] = light[i];
    const [darkName, darkValue] = dark[i];
    if (name !== darkName) return undefined;
    if (lightValue === darkValue) continue;
    if (!COLOUR_ATTRIBUTES.has(name)) return undefined;
    merged = merged.replace(` ${name}="${lightValue}"`, '');
    styles.push(`${name}:var(${variableFor(lightValue, darkValue)})`);
  }
  if (styles.length === 0) return merged;
  merged = merged.replace(/\sstyle(?=[\s/>])/, ''); // a bare `style` would shadow the one added
  return /\sstyle="/.test(merged)
    ? merged.replace(/\sstyle="([^"]*)"/, (_, existing) => ` style="${existing ? `${existing.replace(/;?\s*$/, ';')}` : ''}${styles.join(';')}"`)
    : merged.replace(/(\/?>)$/, ` style="${styles.join(';')}"$1`);
}

/**
 * One SVG for both themes, or undefined when the renders differ in more than colours.
 * @param {string} light  SVG whose ids start with `${id}-light`
 * @param {string} dark   SVG whose ids start with `${id}-dark`
 * @param {string} id     the merged SVG's id
 */
export function mergeThemes(light, dark, id) {
  const sources = { light, dark };
  const gradients = Object.values(sources).flatMap((svg) => svg.match(GRADIENT) ?? []);
  const gradientIds = new Set(gradients.map((g) => g.match(/id="([^"]+)"/)?.[1]));
  const ownIds = (theme) => new RegExp(`${escapeRegExp(id)}-${theme}[\\w-]*`, 'g');
  const renameIds = (text, theme) => text.replace(ownIds(theme), (name) => (gradientIds.has(name) ? name : id + name.slice(id.length + theme.length + 1)));
  const parts = (theme) => renameIds(sources[theme].replace(STYLE, '<style></style>').replace(GRADIENT, ''), theme).split(TAG);
  const lightParts = parts('light');
  const darkParts = parts('dark');
  if (lightParts.length !== darkParts.length) return undefined;

  const variables = new Map(); // "light|dark" -> custom property name
  const variableFor = (lightValue, darkValue) => {
    const key = `${lightValue}|${darkValue}`;
    if (!variables.has(key)) variables.set(key, `--${id}-c${variables.size}`);
    return variables.get(key);
  };
  const merged = [];
  for (let i = 0; i < lightParts.length; i++) {
    const [l, d] = [lightParts[i], darkParts[i]];
    if (l === d) merged.push(l);
    else if (i % 2 === 1) {
      const tag = mergeTag(l, d, variableFor);
      if (tag === undefined) return undefined;
      merged.push(tag);
    } else return undefined; // text differs
  }

  // Each theme's rules apply only under its data-theme; light is also what a page without the
  // theme script shows.
  const themes = { light: ':root:not([data-theme=dark])', dark: ':root[data-theme=dark]' };
  const css = Object.entries(themes)
    .map(([theme, prefix]) => {
      const rules = renameIds((sources[theme].match(STYLE)?.[1] ?? '').replace(new RegExp(`#${escapeRegExp(id)}-${theme}(?![\\w-])`, 'g'), `${prefix} #${id}`), theme);
      const colours = [...variables].map(([key, name]) => `${name}:${key.split('|')[theme === 'light' ? 0 : 1]}`);
      return colours.length ? `${rules}${prefix} #${id}{${colours.join(';')}}` : rules;
    })
    .join('');
  return merged.join('').replace('<style></style>', `<style>${css}</style>`).replace(/<\/svg>$/, `${gradients.join('')}</svg>`);
}
