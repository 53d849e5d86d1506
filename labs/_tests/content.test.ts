// The lab pages and the lab files agree: one page per lab in both languages, the pinned versions
// stated on the pages are the ones the scripts use, and every YAML file of labs/ is clean.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LABS, REPO, labSlugs, run } from './helpers.ts';

/** The defaults in labs/_lib/versions.sh, read by bash itself. */
function versions(): Record<string, string> {
  const r = run('bash', ['-c', `source "${join(LABS, '_lib/versions.sh')}"; for v in ENVOY_IMAGE NGINX_IMAGE CURL_IMAGE ISTIO_VERSION KIND_NODE_IMAGE KIND_MIN_VERSION GATEWAY_API_VERSION GATEWAY_API_CRDS_URL; do echo "$v=\${!v}"; done`]);
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
      for (const slug of ['egress-passthrough-vs-simple', 'double-mtls-egress', 'ambient-gateway-api']) {
        expect(page(lang, slug)).toContain(tag);
        expect(page(lang, slug)).toContain(v.ISTIO_VERSION!);
      }
      expect(index).toContain(`Gateway API ${v.GATEWAY_API_VERSION!}`);
      expect(page(lang, 'ambient-gateway-api')).toContain(v.GATEWAY_API_CRDS_URL!);
    }
  });

  it("the in-cluster client's image is CURL_IMAGE", () => {
    expect(readFileSync(join(LABS, '_lib/k8s/client.yaml'), 'utf8')).toContain(`image: ${versions().CURL_IMAGE}`);
  });
});

// ---------------------------------------------------------------- expected output on the pages

/** The claims a script prints through pass/fail and the expect_* helpers of lib.sh and kind.sh, as
 * regular expressions: $var, ${var} and $(...) parts of the bash string match any text. A claim
 * that is only a variable ("$claim") is skipped; check_partner_dns's claim is read from kind.sh. */
function scriptClaims(script: string): RegExp[] {
  const text = readFileSync(script, 'utf8');
  const str = String.raw`"((?:\$\([^)]*\)|\$\{[^}]*\}|\$\w+|\\.|[^"\\$])*)"`;
  const calls = new RegExp(String.raw`\b(?:responds_with|fails_with|expect_contains|expect_not_contains|pass|fail|expect_gateway_grew|expect_gateway_silent)\s+` + str, 'g');
  const raw = [...text.matchAll(calls)].map((m) => m[1]!);
  if (/\bcheck_partner_dns\b/.test(text)) {
    const kind = readFileSync(join(LABS, '_lib/kind.sh'), 'utf8');
    raw.push(new RegExp(String.raw`local claim=` + str).exec(kind.slice(kind.indexOf('check_partner_dns() {')))![1]!);
  }
  const out: RegExp[] = [];
  for (const c of new Set(raw)) {
    const parts = c.split(/(\$\([^)]*\)|\$\{[^}]*\}|\$\w+)/);
    if (parts.every((p, i) => i % 2 === 1 || p === '')) continue;
    out.push(new RegExp('^' + parts.map((p, i) => (i % 2 ? '.+' : p.replace(/\\(.)/g, '$1').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('') + '$'));
  }
  return out;
}

/** ```text blocks whose title names a lab script: title="./verify.sh", title="./break.sh simple". */
function outputBlocks(body: string): { title: string; lines: string[] }[] {
  return [...body.matchAll(/^```text title="(\.\/(?:verify|break)\.sh[^"]*)"\n([\s\S]*?)^```$/gm)].map((m) => ({ title: m[1]!, lines: m[2]!.replace(/\n$/, '').split('\n') }));
}

describe('expected output on the lab pages follows the scripts', () => {
  for (const lang of ['ko', 'en']) {
    for (const slug of labSlugs()) {
      it(`${lang}/${slug}: the verify.sh block has every claim of verify.sh, evidence lines and a true summary`, () => {
        const blocks = outputBlocks(page(lang, slug));
        const verify = blocks.filter((b) => b.title === './verify.sh');
        expect(verify.length).toBe(1);
        for (const b of blocks) {
          const script = join(LABS, slug, b.title.slice(2).split(' ')[0]!);
          const claims = scriptClaims(script);
          const passes = b.lines.flatMap((l, i) => (l.startsWith('PASS  ') ? [i] : []));
          for (const i of passes) {
            const claim = b.lines[i]!.slice(6);
            expect(claims.some((c) => c.test(claim)), `${b.title}: "${claim}" is not a claim of ${b.title.split(' ')[0]}`).toBe(true);
            expect(b.lines[i + 1], `${b.title}: evidence after "${claim}"`).toMatch(/^ {6}evidence: \S/);
          }
          if (passes.length > 0) {
            expect(b.lines.at(-1), b.title).toBe(`${passes.length} PASS, 0 FAIL`);
            expect(b.lines.at(-2), b.title).toBe('');
          }
          if (b.title === './verify.sh') {
            for (const c of claims) {
              expect(passes.some((i) => c.test(b.lines[i]!.slice(6))), `${c} of verify.sh is missing from the page`).toBe(true);
            }
          }
        }
      });
    }
  }

  it('break-it: the break.sh block prints the messages of break.sh in the page\'s language', () => {
    const source = readFileSync(join(LABS, 'break-it', 'break.sh'), 'utf8');
    const says = [...source.matchAll(/^say "\$\(t '([^']*)' '([^']*)'\)/gm)].map((m) => ({ ko: m[1]!, en: m[2]! }));
    expect(says.length).toBe(4);
    for (const lang of ['ko', 'en'] as const) {
      const block = outputBlocks(page(lang, 'break-it')).find((b) => b.title.startsWith('./break.sh'))!;
      const shown = block.lines.filter((l) => l.startsWith('==> ')).map((l) => l.slice(4));
      expect(shown.map((l) => says.findIndex((s) => l.startsWith(s[lang])))).toEqual([0, 1, 2, 3]);
      const links = block.lines.filter((l) => l.startsWith('https://'));
      for (const l of links) expect(l.startsWith(`https://mesh-tls.example.org${lang === 'en' ? '/en/' : '/'}`)).toBe(true);
    }
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
