// Build-time diagrams, rendered for real in Chromium.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramCache, diagramHtml, diagramKey, findDiagrams, literalText, readableSvg, renderMissing, standaloneSvg } from '../../src/plugins/mermaid.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const A = 'flowchart LR\n  A["사이드카"] --> B["이그레스 게이트웨이"]\n  B --- C(["VS mesh 라우트<br/>destination.subset"])';
const B = 'sequenceDiagram\n  Client->>Server: ClientHello\n  Server-->>Client: ServerHello';

describe('mermaid', () => {
  it('finds the mermaid blocks of a content folder', () => {
    mkdirSync(join(dir, 'content/ko'), { recursive: true });
    writeFileSync(join(dir, 'content/ko/a.mdx'), `# A\n\n\`\`\`mermaid\n${A}\n\`\`\`\n\n\`\`\`yaml\nkind: X\n\`\`\`\n`);
    writeFileSync(join(dir, 'content/ko/b.md'), `\`\`\`\`mermaid\n${B}\n\`\`\`\`\n`);
    expect(findDiagrams(join(dir, 'content')).sort()).toEqual([A, B].sort());
  });

  it('renders each diagram for both themes into one SVG with ids of its own, and caches it', async () => {
    const cache = new DiagramCache(join(dir, 'cache'));
    const first = await renderMissing([A, B, A], cache, {});
    expect(first).toEqual({ rendered: 2, failed: [] });
    for (const code of [A, B]) {
      const rendered = cache.get(code);
      const key = diagramKey(code);
      // Same geometry in both themes, so one SVG carries both colour sets.
      expect(rendered.both).toMatch(/^<svg/);
      expect(rendered.both).toContain(`id="mmd-${key}"`);
      expect(rendered.both).not.toMatch(/-light(?!-gradient)|-dark(?!-gradient)/);
      expect(rendered.both).toContain(`:root:not([data-theme=dark]) #mmd-${key}`);
      expect(rendered.both).toContain(`:root[data-theme=dark] #mmd-${key}`);
      // Rounded coordinates: nothing finer than a hundredth of a pixel.
      expect(rendered.both).not.toMatch(/\s(?:transform|viewBox|x|y|width|height)="[^"]*\.\d{3}/);
    }
    // Korean labels are SVG text (no foreignObject).
    expect(cache.get(A).both).toMatch(/<text[^>]*>(<[^>]+>)*[^<]*이그레스[\s\S]{0,120}게이트웨이/);
    expect(cache.get(A).both).not.toContain('foreignObject');
    // Lines break where the author wrote <br/>, never inside a word.
    expect(cache.get(A).both).toContain('>destination.subset<');
    // A second build finds everything in the cache.
    expect(await renderMissing([A, B], cache, {})).toEqual({ rendered: 0, failed: [] });
  });

  it('reports a diagram that does not parse instead of rendering garbage', async () => {
    const cache = new DiagramCache(join(dir, 'cache2'));
    const result = await renderMissing(['flowchart LR\n  A --> ((('], cache, {});
    expect(result.rendered).toBe(0);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.reason).toMatch(/parse|error|expect/i);
  });

  it('keeps label text literal when MDX parses the markup again', () => {
    const svg = '<svg><style>#a{fill:red}</style><text x="1">curl http://a_b *x*</text></svg>';
    expect(literalText(svg)).toBe('<svg><style>#a{fill:red}</style><text x="1">curl http&#58;\u2060&#47;&#47;a&#95;b &#42;x&#42;</text></svg>');
    // Quotes in CSS would be curled by smart punctuation; encoded, they stay straight.
    expect(literalText('<svg><style>[data-look="neo"]{font-family:\'A B\'}</style></svg>')).toBe('<svg><style>[data-look=&#34;neo&#34;]{font-family:&#39;A B&#39;}</style></svg>');
    // ":root{…}" would read as a Markdown directive, "--" as a dash.
    expect(literalText('<svg><style>#a :root{--x:1}:root[data-theme=dark] #a{fill:red}</style></svg>')).toBe('<svg><style>#a &#58;root{&#45;&#45;x:1}&#58;root[data-theme=dark] #a{fill:red}</style></svg>');
  });

  it('wraps a diagram in a figure: a focusable image named and described by the diagram, and a full-size link', () => {
    const where = { lang: 'en' as const, key: 'k1', href: '/diagrams/k1.svg' };
    const svg = '<svg width="100%" style="max-width: 800px;" viewBox="0 0 800 300"><text style="font-size: 16px">a</text></svg>';
    const html = diagramHtml({ both: svg, title: 'TLS "hops"', description: 'Hop 1 & hop 2' }, where);
    expect(html).toBe(
      '<figure class="mmd" aria-labelledby="mmd-k1-title">' +
        '<div class="mmd-both" role="img" tabindex="0" aria-labelledby="mmd-k1-title" aria-describedby="mmd-k1-desc">' +
        '<svg width="100%" style="min-width: 600px; max-width: 800px;" viewBox="0 0 800 300"><text style="font-size: 16px">a</text></svg></div>' +
        '<figcaption class="mmd-caption"><span id="mmd-k1-title">TLS &quot;hops&quot;</span><span class="sr-only" id="mmd-k1-desc">Hop 1 &amp; hop 2</span> ' +
        '<a class="mmd-full" href="/diagrams/k1.svg" aria-label="Open full size: TLS &quot;hops&quot;">Open full size</a></figcaption></figure>',
    );
    // Two renders: one image each (the stylesheet shows the one that matches the theme).
    const two = diagramHtml({ light: '<svg>l</svg>', dark: '<svg>d</svg>', title: '키' }, { ...where, lang: 'ko' });
    expect(two.match(/role="img"/g)).toHaveLength(2);
    expect(two).toContain('>전체 크기로 보기</a>');
  });

  it('lets a diagram shrink only while its smallest label stays 12 px high', () => {
    expect(readableSvg('<svg viewBox="0 0 960 10"><text style="font-size: 16px"/></svg>')).toBe('<svg viewBox="0 0 960 10" style="min-width: 720px"><text style="font-size: 16px"/></svg>');
    expect(readableSvg('<svg viewBox="-8 -8 500 10" style="max-width: 500px;"><g style="font-size:14px"/></svg>')).toContain('style="min-width: 429px; max-width: 500px;"');
    // The figure names and describes the diagram; Mermaid's own copies inside the SVG go.
    expect(readableSvg('<svg viewBox="0 0 10 10" aria-labelledby="t" aria-describedby="d"><title id="t">A</title><desc id="d">B</desc><g/></svg>')).toBe('<svg viewBox="0 0 10 10" style="min-width: 8px"><g/></svg>');
  });

  it('publishes a standalone SVG at its natural width, with a title', () => {
    const file = standaloneSvg('<svg width="100%" style="max-width: 500px;" viewBox="0 0 500 10"></svg>', 'A & B');
    expect(file).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<svg width="500" style="background: #fff; max-width: 500px;" viewBox="0 0 500 10"><title>A &amp; B</title></svg>');
  });

  it('every diagram of the content names and describes itself (accTitle, accDescr)', () => {
    const content = join(import.meta.dirname, '../../content');
    const diagrams = findDiagrams(content);
    expect(diagrams.length).toBeGreaterThan(20);
    for (const code of diagrams) {
      expect(code, code).toMatch(/^\s*accTitle: \S/m);
      expect(code, code).toMatch(/^\s*accDescr: \S/m);
    }
  });
});
