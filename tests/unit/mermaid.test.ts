// Build-time diagrams, rendered for real in Chromium.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramCache, diagramHtml, diagramKey, findDiagrams, literalText, renderMissing } from '../../src/plugins/mermaid.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const A = 'flowchart LR\n  A["사이드카"] --> B["이그레스 게이트웨이"]';
const B = 'sequenceDiagram\n  Client->>Server: ClientHello\n  Server-->>Client: ServerHello';

describe('mermaid', () => {
  it('finds the mermaid blocks of a content folder', () => {
    mkdirSync(join(dir, 'content/ko'), { recursive: true });
    writeFileSync(join(dir, 'content/ko/a.mdx'), `# A\n\n\`\`\`mermaid\n${A}\n\`\`\`\n\n\`\`\`yaml\nkind: X\n\`\`\`\n`);
    writeFileSync(join(dir, 'content/ko/b.md'), `\`\`\`\`mermaid\n${B}\n\`\`\`\`\n`);
    expect(findDiagrams(join(dir, 'content')).sort()).toEqual([A, B].sort());
  });

  it('renders each diagram once per theme, with ids of its own, and caches it', async () => {
    const cache = new DiagramCache(join(dir, 'cache'));
    const first = await renderMissing([A, B, A], cache, {});
    expect(first).toEqual({ rendered: 2, failed: [] });
    for (const code of [A, B]) {
      const rendered = cache.get(code);
      const key = diagramKey(code);
      expect(rendered.light).toMatch(/^<svg/);
      expect(rendered.dark).toMatch(/^<svg/);
      expect(rendered.light).not.toBe(rendered.dark);
      expect(rendered.light).toContain(`id="mmd-${key}-light"`);
      expect(rendered.dark).toContain(`id="mmd-${key}-dark"`);
    }
    // SVG text labels: one tspan per word.
    expect(cache.get(A).light).toMatch(/>이그레스<[\s\S]*>게이트웨이</);
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
  });

  it('wraps both themes in one labelled figure', () => {
    const html = diagramHtml({ light: '<svg>l</svg>', dark: '<svg>d</svg>', title: 'TLS "hops"' }, 'Diagram');
    expect(html).toBe('<figure class="mmd" role="img" aria-label="TLS &quot;hops&quot;"><div class="mmd-light" aria-hidden="true"><svg>l</svg></div><div class="mmd-dark" aria-hidden="true"><svg>d</svg></div></figure>');
  });
});
