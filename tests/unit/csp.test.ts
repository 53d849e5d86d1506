import { describe, expect, it } from 'vitest';
import { cspHash, headerPolicy, headersFile, nginxSnippet, pagePolicy, scriptHashes, styleHashes, withCspMeta } from '../../src/plugins/csp.mjs';

const directive = (policy: string[] | string, name: string) =>
  (typeof policy === 'string' ? policy.split('; ') : policy).find((d) => d.split(' ')[0] === name)?.split(' ').slice(1) ?? [];

const page = (head: string, body = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>t</title>${head}</head><body>${body}</body></html>`;

describe('cspHash', () => {
  it('matches the example of the CSP specification', () => {
    // https://www.w3.org/TR/CSP3/#grammardef-hash-source
    expect(cspHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it('hashes line ends as the HTML parser leaves them (CRLF → LF)', () => {
    expect(cspHash('a();\r\nb();\rc();')).toBe(cspHash('a();\nb();\nc();'));
  });
});

describe('scriptHashes and styleHashes', () => {
  it('hash the inline scripts that run, not external scripts or JSON data blocks', () => {
    const html = page('<script>one()</script><script type="module">two()</script><script src="/x.js"></script>',
      '<script type="application/json" data-x>{"a":1}</script><script type="text/javascript">three()</script>');
    expect(scriptHashes(html)).toEqual([cspHash('one()'), cspHash('two()'), cspHash('three()')]);
  });

  it('list a repeated script once', () => {
    expect(scriptHashes(page('<script>x()</script>', '<script>x()</script>'))).toEqual([cspHash('x()')]);
  });

  it('hash every <style>, including those of an inline SVG', () => {
    const html = page('<style>p{color:red}</style>', '<svg><style>#m .node{fill:#fff}</style><g></g></svg>');
    expect(styleHashes(html)).toEqual([cspHash('p{color:red}'), cspHash('#m .node{fill:#fff}')]);
  });

  it('refuse an SVG <style> whose text the browser would decode differently from its source', () => {
    expect(() => styleHashes(page('', '<svg><style>a::after{content:"&amp;"}</style></svg>'))).toThrow(/SVG/);
    // Outside SVG, style text is raw: & is just a character (CSS nesting).
    expect(styleHashes(page('<style>a{&:hover{color:red}}</style>'))).toEqual([cspHash('a{&:hover{color:red}}')]);
  });
});

describe('pagePolicy', () => {
  const policy = pagePolicy(page('<script>theme()</script><style>p{}</style>'));

  it('allows scripts from the site and the page\'s inline scripts by hash, nothing unsafe', () => {
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", cspHash('theme()')]);
    expect(directive(policy, 'style-src-elem')).toEqual(["'self'", cspHash('p{}')]);
  });

  it('keeps everything else to the site', () => {
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    expect(directive(policy, 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    // Meta cannot carry frame-ancestors (browsers ignore it there): only the headers do.
    expect(directive(policy, 'frame-ancestors')).toEqual([]);
  });
});

describe('the validator page', () => {
  it('alone allows inline <style> elements (CodeMirror writes one at run time), scripts still by hash only', () => {
    const html = page('<script>theme()</script><style>p{}</style>');
    for (const file of ['tools/validator/index.html', 'en/tools/validator/index.html']) {
      const policy = pagePolicy(html, file);
      expect(directive(policy, 'style-src-elem')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(directive(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", cspHash('theme()')]);
    }
    expect(directive(pagePolicy(html, 'tools/validator-rules/index.html'), 'style-src-elem')).toEqual(["'self'", cspHash('p{}')]);
  });
});

describe('withCspMeta', () => {
  it('puts the policy right after <meta charset>, before the first script', () => {
    const html = withCspMeta(page('<script>theme()</script>'));
    const meta = html.indexOf('<meta http-equiv="content-security-policy"');
    expect(meta).toBe(html.indexOf('<meta charset="utf-8"/>') + '<meta charset="utf-8"/>'.length);
    expect(meta).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(cspHash('theme()'));
  });

  it('refuses a page that already has a policy', () => {
    expect(() => withCspMeta(withCspMeta(page('')))).toThrow(/already/);
  });
});

describe('headerPolicy', () => {
  const policy = headerPolicy([page('<script>a()</script>'), page('<script>b()</script><style>p{}</style>')]);

  it('merges the script hashes of every page and adds frame-ancestors', () => {
    expect(directive(policy, 'script-src')).toEqual(expect.arrayContaining([cspHash('a()'), cspHash('b()')]));
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
  });

  it('is written the same into _headers and the nginx snippet', () => {
    expect(headersFile(policy)).toContain(`/*\n  Content-Security-Policy: ${policy}\n`);
    expect(nginxSnippet(policy)).toContain(`add_header Content-Security-Policy "${policy}" always;`);
  });
});
