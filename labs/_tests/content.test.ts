// The lab pages and the lab files agree: one page per lab in both languages, the pinned versions
// stated on the pages are the ones the scripts use, and every YAML file of labs/ is clean.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LABS, REPO, labSlugs, run } from './helpers.ts';

/** The defaults in labs/_lib/versions.sh, read by bash itself. */
function versions(): Record<string, string> {
  const r = run('bash', ['-c', `source "${join(LABS, '_lib/versions.sh')}"; for v in ENVOY_IMAGE NGINX_IMAGE CURL_IMAGE ISTIO_VERSION KIND_NODE_IMAGE KIND_MIN_VERSION; do echo "$v=\${!v}"; done`]);
  return Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (f === 'build' || f === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (f.endsWith('.yaml')) out.push(p);
  }
  return out;
}

const page = (lang: string, slug: string) => readFileSync(join(REPO, 'content', lang, 'labs', `${slug}.mdx`), 'utf8');

describe('lab pages', () => {
  for (const lang of ['ko', 'en']) {
    it(`${lang}: an index and one page per lab, each with its download box`, () => {
      expect(existsSync(join(REPO, 'content', lang, 'labs', 'index.mdx'))).toBe(true);
      for (const slug of labSlugs()) {
        const text = page(lang, slug);
        expect(text).toMatch(/^---\ntitle: .+\ndescription: .+\nkeywords: \[.+\]\n/);
        expect(text).toContain(`<LabDownload slug="${slug}" lang="${lang}" />`);
        expect(text).toContain("import LabDownload from '~/components/LabDownload.astro';");
        // Links stay in the page's own locale.
        const links = [...text.matchAll(/\]\((\/[^)]*)\)/g)].map((m) => m[1]!);
        for (const l of links) expect(lang === 'en' ? l.startsWith('/en/') : !l.startsWith('/en/')).toBe(true);
      }
    });
  }

  it('the pages state the versions the scripts pin', () => {
    const v = versions();
    const tag = v.KIND_NODE_IMAGE!.split('@')[0]!;
    for (const lang of ['ko', 'en']) {
      const index = readFileSync(join(REPO, 'content', lang, 'labs', 'index.mdx'), 'utf8');
      for (const want of [v.ENVOY_IMAGE!, v.NGINX_IMAGE!, v.CURL_IMAGE!, v.ISTIO_VERSION!, tag, `v${v.KIND_MIN_VERSION}`]) {
        expect(index).toContain(want);
      }
      for (const slug of ['tls-termination', 'tls-passthrough', 'tls-origination', 'mutual-tls', 'break-it']) {
        expect(page(lang, slug)).toContain(v.ENVOY_IMAGE!);
      }
      for (const slug of ['egress-passthrough-vs-simple', 'double-mtls-egress']) {
        expect(page(lang, slug)).toContain(tag);
        expect(page(lang, slug)).toContain(v.ISTIO_VERSION!);
      }
    }
  });

  it("the in-cluster client's image is CURL_IMAGE", () => {
    expect(readFileSync(join(LABS, '_lib/k8s/client.yaml'), 'utf8')).toContain(`image: ${versions().CURL_IMAGE}`);
  });
});

describe('YAML files of labs/', () => {
  const files = yamlFiles(LABS);
  for (const f of files) {
    it(`${relative(LABS, f)} parses, has no tab, and every Duration-like value carries a unit`, () => {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toContain('\t');
      for (const doc of parseAllDocuments(text)) expect(doc.errors).toEqual([]);
      expect(text).not.toMatch(/(timeout|Timeout|interval|time): \d+\s*$/m);
    });
  }

  // Linting these files with the project's validator is tests/unit/content-yaml.test.ts's job.
});
