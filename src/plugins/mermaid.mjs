// Build-time Mermaid: every ```mermaid block becomes inline SVG for the light and dark themes
// (one SVG carrying both colour sets when the renders allow it, see svg-compact.mjs), so readers
// get no Mermaid JavaScript. Diagrams are rendered in Chromium with the Pretendard
// font the project installs, so every machine measures Korean labels the same way, and cached
// by content hash under .cache/mermaid so rebuilds only render what changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { compactSvg, mergeThemes } from './svg-compact.mjs';

const require = createRequire(import.meta.url);

// Pretendard is what the diagrams are measured with; the rest is what readers' systems have,
// closest in width first. No quotes: Mermaid turns ' into typographic quotes, which would make
// the names unmatchable; multi-word family names are valid CSS without them.
const FONT_FAMILY =
  'Pretendard, Pretendard Variable, -apple-system, Apple SD Gothic Neo, Malgun Gothic, Noto Sans KR, Noto Sans CJK KR, sans-serif';

const THEMES = {
  light: { theme: 'default' },
  dark: { theme: 'dark' },
};

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const mermaidVersion = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')).version;
// Bump when the rendering settings below change, to invalidate old cache entries.
const RENDER_SETTINGS_VERSION = 10;

export function diagramKey(code) {
  return createHash('sha256')
    .update(`${RENDER_SETTINGS_VERSION}\0${mermaidVersion}\0${code}`)
    .digest('hex')
    .slice(0, 16);
}

/** Every ```mermaid block's source in the .md/.mdx files under dir. */
export function findDiagrams(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.mdx?$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/^(`{3,}|~{3,})mermaid[^\n]*\n([\s\S]*?)\n\1[ \t]*$/gm)) {
          found.push(match[2]);
        }
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

export class DiagramCache {
  constructor(cacheDir) {
    this.cacheDir = cacheDir;
    mkdirSync(cacheDir, { recursive: true });
  }
  path(key) {
    return join(this.cacheDir, `${key}.json`);
  }
  get(code) {
    const file = this.path(diagramKey(code));
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  }
  set(code, rendered) {
    writeFileSync(this.path(diagramKey(code)), JSON.stringify(rendered));
  }
}

/**
 * Renders the diagrams the cache lacks, all in one browser session.
 * @param {string[]} codes
 * @param {DiagramCache} cache
 * @param {{ info?: (message: string) => void }} [logger]
 */
export async function renderMissing(codes, cache, logger = console) {
  const missing = [...new Set(codes)].filter((code) => !cache.get(code));
  if (missing.length === 0) return { rendered: 0, failed: [] };
  const { createMermaidRenderer } = await import('mermaid-isomorphic');
  const render = createMermaidRenderer({
    launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
  });
  const css = pathToFileURL(require.resolve('pretendard/dist/web/static/pretendard.css'));
  const failed = new Map();
  const rendered = new Map(missing.map((code) => [code, {}]));
  // One browser page per theme renders every diagram: loading Mermaid is the slow part.
  await Promise.all(
    Object.entries(THEMES).map(async ([name, theme]) => {
      const results = await render(missing, {
        css,
        prefix: `mmd-${name}`,
        mermaidConfig: {
          ...theme,
          fontFamily: FONT_FAMILY,
          themeVariables: { fontFamily: FONT_FAMILY },
          htmlLabels: false,
          // Mermaid wraps labels wider than wrappingWidth inside words ("destination.subs|et"); lines
          // break only where the author wrote <br/>, so give them room.
          flowchart: { htmlLabels: false, padding: 12, wrappingWidth: 400 },
          // Break labels only where the author wrote <br/>: automatic wrapping splits host names.
          markdownAutoWrap: false,
          // Shapes drawn by rough.js are random unless seeded; a fixed seed makes the light and
          // dark renders (and rebuilds) identical in geometry.
          handDrawnSeed: 1,
        },
      });
      results.forEach((settled, index) => {
        const code = missing[index];
        if (settled.status === 'rejected') {
          failed.set(code, String(settled.reason?.message ?? settled.reason));
          return;
        }
        // The renderer numbers ids by batch position; make them depend on the diagram only, so
        // that diagrams cached in different builds never share an id on one page.
        const stableId = `mmd-${diagramKey(code)}-${name}`;
        const svg = settled.value.svg
          .replace(new RegExp(`${settled.value.id}(?![0-9])`, 'g'), stableId)
          // Mermaid turns URL-like label text ("curl http://…") into links; a diagram is an image,
          // and links inside role="img" are unreachable and invalid, so keep only their text.
          .replace(/<a\b[^>]*>/g, '')
          .replace(/<\/a>/g, '');
        Object.assign(rendered.get(code), { [name]: compactSvg(svg), title: settled.value.title, description: settled.value.description });
      });
    }),
  );
  for (const [code, result] of rendered) {
    if (failed.has(code)) continue;
    const both = mergeThemes(result.light, result.dark, `mmd-${diagramKey(code)}`);
    if (both) rendered.set(code, { both, title: result.title, description: result.description });
  }
  for (const [code, result] of rendered) if (!failed.has(code)) cache.set(code, result);
  const failures = [...failed].map(([code, reason]) => ({ code, reason }));
  logger.info?.(`mermaid: rendered ${missing.length - failures.length} diagram(s)`);
  return { rendered: missing.length - failures.length, failed: failures };
}

function escapeAttr(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// Labels may shrink to this size when a diagram is narrower than it was drawn, never below:
// a wider diagram scrolls sideways inside its figure instead.
export const MIN_LABEL_PX = 12;

const UI = {
  ko: { fullSize: '전체 크기로 보기', fallback: '다이어그램' },
  en: { fullSize: 'Open full size', fallback: 'Diagram' },
};

/** A diagram as a file of its own: drawn at its natural size on a plain background. */
export function standaloneSvg(svg, title) {
  const width = svg.match(/<svg\b[^>]*\bviewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)/)?.[1];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\swidth="100%"/, width ? ` width="${width}"` : '')
      .replace(/style="/, 'style="background: #fff; ')
      .replace(/>$/, title && !/<title[\s>]/.test(svg) ? `><title>${escapeAttr(title)}</title>` : '>'),
  )}`;
}

/** Where the standalone SVG of a diagram is published (see prerenderDiagrams): under the
 * language of the page that shows it, so a page links only within its own language. */
export function standalonePath(code, lang) {
  return `${lang === 'en' ? '/en' : ''}/diagrams/${diagramKey(code)}.svg`;
}

/**
 * Lets an SVG shrink with its column only as far as its smallest label stays MIN_LABEL_PX high:
 * Mermaid draws at 1 SVG unit per CSS pixel, so the floor is (drawn width) × 12 / (smallest font).
 */
export function readableSvg(svg) {
  const width = Number(svg.match(/<svg\b[^>]*\bviewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)/)?.[1]);
  if (!width) return svg;
  const sizes = [...svg.matchAll(/font-size:\s*([\d.]+)px/g)].map((m) => Number(m[1]));
  const smallest = Math.min(16, ...sizes);
  const minWidth = Math.ceil((width * MIN_LABEL_PX) / smallest);
  return (
    svg
      .replace(/<svg\b[^>]*>/, (tag) =>
        /style="/.test(tag) ? tag.replace(/style="/, `style="min-width: ${minWidth}px; `) : tag.replace(/>$/, ` style="min-width: ${minWidth}px">`),
      )
      // On the page the figure carries the name and description (the SVG is inside role="img"):
      // Mermaid's copies of accTitle/accDescr would only add bytes.
      .replace(/<title\b[^>]*>[\s\S]*?<\/title>|<desc\b[^>]*>[\s\S]*?<\/desc>/g, '')
      .replace(/<svg\b[^>]*>/, (tag) => tag.replace(/\s(?:aria-labelledby|aria-describedby)="[^"]*"/g, ''))
  );
}

/**
 * The HTML that replaces a ```mermaid block: the drawing as one focusable image (it scrolls
 * sideways when wider than the column) named by its accTitle and described by its accDescr, a
 * caption that shows the name, and a plain link to the diagram at full size.
 * @param {{ both?: string, light?: string, dark?: string, title?: string, description?: string }} rendered
 * @param {{ lang: 'ko' | 'en', key: string, href: string }} where
 */
export function diagramHtml(rendered, { lang, key, href }) {
  const ui = UI[lang];
  const title = rendered.title || ui.fallback;
  const ids = { title: `mmd-${key}-title`, desc: `mmd-${key}-desc` };
  const describedBy = rendered.description ? ` aria-describedby="${ids.desc}"` : '';
  const view = (cls, svg) =>
    `<div class="${cls}" role="img" tabindex="0" aria-labelledby="${ids.title}"${describedBy}>${readableSvg(svg)}</div>`;
  const svgs = rendered.both ? view('mmd-both', rendered.both) : view('mmd-light', rendered.light) + view('mmd-dark', rendered.dark);
  const desc = rendered.description ? `<span class="sr-only" id="${ids.desc}">${escapeAttr(rendered.description)}</span>` : '';
  const link = `<a class="mmd-full" href="${href}" aria-label="${escapeAttr(`${ui.fullSize}: ${title}`)}">${ui.fullSize}</a>`;
  return `<figure class="mmd" aria-labelledby="${ids.title}">${svgs}<figcaption class="mmd-caption"><span id="${ids.title}">${escapeAttr(title)}</span>${desc} ${link}</figcaption></figure>`;
}

/**
 * In MDX, markup inserted at the Markdown stage is parsed again, and the text between tags as
 * Markdown: "a_b_c" or "*x*" would become emphasis, "http://api.example" a link. Punctuation
 * written as character references stays literal for the parser; URLs need more, because GFM
 * finds them in the decoded text afterwards, so an invisible word joiner (U+2060) breaks "://"
 * and "www.". Tags stay as they are; in <style>, only quotes are encoded.
 */
export function literalText(svg) {
  return svg
    .split(/(<style[\s\S]*?<\/style>|<[^>]*>)/)
    .map((part, index) =>
      index % 2 === 1
        ? // In CSS, smart punctuation would curl the quotes of selectors ([data-look="neo"]) and
          // turn the "--" of custom properties into a dash, and ":root{…}" or ":root[…]" reads as
          // a Markdown directive. Inside SVG, <style> text decodes character references, so
          // encoded characters stay as written.
          part.startsWith('<style')
          ? part.replace(/'/g, '&#39;').replace(/"/g, '&#34;').replace(/--/g, '&#45;&#45;').replace(/:(?=[A-Za-z][\w-]*[[{])/g, '&#58;')
          : part
        : part
            .replace(/:\/\//g, ':\u2060//')
            .replace(/www\./gi, (w) => `${w.slice(0, 3)}\u2060.`)
            .replace(/[!-%'-/:<-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`),
    )
    .join('');
}

/**
 * Sätteri (Astro 7's Markdown processor) plugin. Diagrams are normally rendered ahead of time by
 * prerenderDiagrams(); one the cache lacks (edited in dev) is rendered here on demand.
 */
export function mermaidPlugin({ cacheDir }) {
  const cache = new DiagramCache(cacheDir);
  return defineMdastPlugin({
    name: 'mesh-tls-mermaid',
    async code(node, ctx) {
      if (node.lang !== 'mermaid') return;
      let rendered = cache.get(node.value);
      if (!rendered) {
        const { failed } = await renderMissing([node.value], cache);
        if (failed.length > 0) throw new Error(`Mermaid diagram failed to render: ${failed[0].reason}\n${node.value}`);
        rendered = cache.get(node.value);
      }
      const lang = ctx.fileURL && /\/en\//.test(ctx.fileURL.pathname) ? 'en' : 'ko';
      const html = literalText(diagramHtml(rendered, { lang, key: diagramKey(node.value), href: standalonePath(node.value, lang) }));
      ctx.replaceNode(node, { raw: html, mdxExpressions: false });
    },
  });
}

/** Astro integration: render every diagram of the content folder before pages are built. */
export function prerenderDiagrams({ contentDir, cacheDir }) {
  return {
    name: 'mesh-tls-mermaid-prerender',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const cache = new DiagramCache(cacheDir);
        const { failed } = await renderMissing(findDiagrams(contentDir), cache, logger);
        for (const { code, reason } of failed) logger.error(`Mermaid diagram failed: ${reason}\n${code}`);
        if (failed.length > 0) throw new Error(`${failed.length} Mermaid diagram(s) failed to render`);
      },
      // Each diagram also as a standalone SVG file, the target of its "full size" link. Outside a
      // page there is no data-theme, so the light colours apply.
      'astro:build:done': ({ dir }) => {
        const cache = new DiagramCache(cacheDir);
        for (const lang of ['ko', 'en']) {
          for (const code of new Set(findDiagrams(join(contentDir, lang)))) {
            const rendered = cache.get(code);
            const svg = rendered?.both ?? rendered?.light;
            if (!svg) continue;
            const file = fileURLToPath(new URL(standalonePath(code, lang).slice(1), dir));
            mkdirSync(join(file, '..'), { recursive: true });
            writeFileSync(file, standaloneSvg(svg, rendered.title));
          }
        }
      },
    },
  };
}
