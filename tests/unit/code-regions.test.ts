import { describe, expect, it } from 'vitest';
import { nameCodeRegions } from '../../src/plugins/code-regions.mjs';

const block = (title: string) =>
  `<div class="expressive-code"><figure class="frame"><figcaption class="header">${title}</figcaption><pre data-language="bash"><code>x</code></pre></figure></div>`;

describe('nameCodeRegions', () => {
  it('makes each code block a focusable region named after its title, else its section, in the page language', () => {
    const out = nameCodeRegions(`<html lang="ko"><body><h2>설치</h2>${block('<span class="title">setup.sh</span>')}${block('')}</body></html>`);
    expect(out).toContain('<pre data-language="bash" tabindex="0" role="region" aria-label="코드: setup.sh">');
    expect(out).toContain('aria-label="코드: 설치">');
    expect(nameCodeRegions(`<html lang="en"><body>${block('')}</body></html>`)).toContain('aria-label="Code"');
  });

  it('gives two blocks of one section names of their own, and leaves other <pre> and named blocks alone', () => {
    const out = nameCodeRegions(`<html lang="en"><body><h3>"Q" &amp; A</h3>${block('')}${block('')}<pre>plain</pre></body></html>`);
    expect(out).toContain('aria-label="Code: &quot;Q&quot; &amp; A"');
    expect(out).toContain('aria-label="Code: &quot;Q&quot; &amp; A (2)"');
    expect(out).toContain('<pre>plain</pre>');
    expect(nameCodeRegions(out)).toBe(out);
  });
});
