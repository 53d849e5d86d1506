import { describe, expect, it } from 'vitest';
import { wrapTables } from '../../src/plugins/table-scroll.mjs';

describe('wrapTables', () => {
  it('puts each table in a focusable region named after its section, in the page language', () => {
    const page = '<html lang="ko"><body><h2 id="a">포트 <code>443</code></h2><table><tr><td>1</td></tr></table><h3>둘째</h3><table><tr><td>2</td></tr></table></body></html>';
    const out = wrapTables(page);
    expect(out).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="표: 포트 443"><table><tr><td>1</td></tr></table></div>');
    expect(out).toContain('aria-label="표: 둘째"><table><tr><td>2</td></tr></table></div>');
    expect(wrapTables('<html lang="en"><body><table></table></body></html>')).toContain('aria-label="Table"');
  });

  it('gives two tables of one section names of their own', () => {
    const out = wrapTables('<html lang="en"><body><h2>Codes</h2><table></table><p>and</p><table></table></body></html>');
    expect(out).toContain('aria-label="Table: Codes"><table>');
    expect(out).toContain('aria-label="Table: Codes (2)"><table>');
  });

  it('leaves pages without tables, or already wrapped, unchanged', () => {
    const plain = '<html lang="en"><body><p>x</p></body></html>';
    expect(wrapTables(plain)).toBe(plain);
    const once = wrapTables('<html lang="en"><body><h2>"Q" &amp; A</h2><table></table></body></html>');
    expect(once).toContain('aria-label="Table: &quot;Q&quot; &amp; A"');
    expect(wrapTables(once)).toBe(once);
  });
});
