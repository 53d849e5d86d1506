// Translation parity: every page has its twin, and the twins have not drifted apart. Counting
// headings and code blocks is a cheap drift signal (like Kubernetes' outdatedness triage):
// when one language gains a section or an example and the other does not, this fails.
// Links to upstream source are part of a page's claims: they must name the release the site
// describes (a tag or commit), not a branch whose file and line numbers move, and both twins
// cite the same revisions.
import { describe, expect, it } from 'vitest';
import { codeBlocks, headings, pagePaths, readPage } from '../helpers/content.ts';
import { missingTwins } from '../../scripts/link-content.mjs';
import { join } from 'node:path';

const ko = pagePaths('ko');
const en = pagePaths('en');

/** Repositories whose source the pages cite for behaviour of the release they describe. */
const PINNED_REPOS = ['envoyproxy/envoy', 'istio/istio', 'istio/api', 'istio/ztunnel', 'kubernetes-sigs/gateway-api'];
const SOURCE_LINK = /https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/(?:blob|tree|raw)\/([^/\s)#"'>`]+)[^\s)"'>`]*/g;
/** Refs that move: a link on one of them may point at other code tomorrow. */
const BRANCHES = new Set(['main', 'master', 'HEAD']);

/** Links into those repositories' source, each with the revision it names. */
function sourceLinks(body: string): { url: string; repo: string; rev: string }[] {
  return [...body.matchAll(SOURCE_LINK)]
    .filter((m) => PINNED_REPOS.includes(m[1]!))
    .map((m) => ({ url: m[0], repo: m[1]!, rev: m[2]! }));
}

/** The links among them that name a branch instead of a tag or commit. */
function branchLinks(body: string): string[] {
  return sourceLinks(body).filter((l) => BRANCHES.has(l.rev)).map((l) => l.url);
}

describe('translation parity', () => {
  it('tells a branch link from a pinned one', () => {
    const body = [
      '[a](https://github.com/envoyproxy/envoy/blob/main/source/common/router/router.cc)',
      'https://github.com/istio/istio/tree/master',
      '[b](https://github.com/kubernetes-sigs/gateway-api/raw/HEAD/config/crd/standard/gateway.networking.k8s.io_gateways.yaml)',
      '[c](https://github.com/istio/istio/blob/1.30.3/pilot/pkg/xds/sds.go#L120)',
      '[d](https://github.com/google/boringssl/blob/main/ssl/s3_both.cc)',
    ].join('\n');
    expect(sourceLinks(body).map((l) => `${l.repo}@${l.rev}`))
      .toEqual(['envoyproxy/envoy@main', 'istio/istio@master', 'kubernetes-sigs/gateway-api@HEAD', 'istio/istio@1.30.3']);
    expect(branchLinks(body)).toEqual([
      'https://github.com/envoyproxy/envoy/blob/main/source/common/router/router.cc',
      'https://github.com/istio/istio/tree/master',
      'https://github.com/kubernetes-sigs/gateway-api/raw/HEAD/config/crd/standard/gateway.networking.k8s.io_gateways.yaml',
    ]);
  });

  it('every page has its twin in the other language', () => {
    expect(missingTwins(join(import.meta.dirname, '../..'))).toEqual([]);
    expect(ko).toEqual(en);
  });

  describe.each(ko.filter((p) => en.includes(p)))('%s', (path) => {
    const pageKo = readPage('ko', path);
    const pageEn = readPage('en', path);

    it('has title, description and keywords in both languages', () => {
      for (const page of [pageKo, pageEn]) {
        expect(typeof page.frontmatter.title, 'title').toBe('string');
        expect(String(page.frontmatter.description ?? '').length, 'description').toBeGreaterThan(20);
        expect(Array.isArray(page.frontmatter.keywords) && page.frontmatter.keywords.length > 0, 'keywords').toBe(true);
      }
    });

    it('has as many headings and code blocks as its twin', () => {
      expect(headings(pageKo.body).length).toBe(headings(pageEn.body).length);
      expect(codeBlocks(pageKo.body).map((b) => b.info.split(/\s/)[0])).toEqual(codeBlocks(pageEn.body).map((b) => b.info.split(/\s/)[0]));
    });

    it('links upstream source at a release, not a branch, and the same revisions as its twin', () => {
      for (const page of [pageKo, pageEn]) {
        expect(branchLinks(page.body), 'pin these to the tag or commit the page names').toEqual([]);
      }
      const cited = (body: string) => [...new Set(sourceLinks(body).map((l) => l.url))].sort();
      expect(cited(pageKo.body)).toEqual(cited(pageEn.body));
    });

    it('is written in its own language', () => {
      const hangul = (text: string) => (text.match(/[\uac00-\ud7a3]/g) ?? []).length;
      expect(hangul(pageKo.body + String(pageKo.frontmatter.title))).toBeGreaterThan(0);
      // English pages may quote Korean terms (the glossary does), but are not Korean prose.
      const enBody = pageEn.body.replace(/<Glossary[^>]*>/g, '');
      expect(hangul(enBody)).toBeLessThan(Math.max(40, enBody.length * 0.02));
    });
  });
});
