// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { linkContent } from './scripts/link-content.mjs';
import { contentSecurityPolicy } from './src/plugins/csp.mjs';
import { hoistCodeStylesheet } from './src/plugins/hoist-code-styles.mjs';
import { nameCodeRegions } from './src/plugins/code-regions.mjs';
import { pageRewrites } from './src/plugins/page-rewrites.mjs';
import { wrapTables } from './src/plugins/table-scroll.mjs';
import { mermaidPlugin, prerenderDiagrams } from './src/plugins/mermaid.mjs';
import { searchIdentifiersPlugin } from './src/plugins/search-identifiers.mjs';
import { searchVocabularyPlugin } from './src/plugins/search-vocabulary.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const cacheDir = fileURLToPath(new URL('./.cache/mermaid', import.meta.url));

// Pages live in content/ko and content/en; mirror them where Starlight reads (and fail on a
// page without its twin).
linkContent(root);

export default defineConfig({
  site: 'https://mesh-tls.example.org',
  trailingSlash: 'always',
  markdown: {
    processor: satteri({ mdastPlugins: [mermaidPlugin({ cacheDir })] }),
  },
  integrations: [
    prerenderDiagrams({ contentDir: fileURLToPath(new URL('./content', import.meta.url)), cacheDir }),
    starlight({
      title: { ko: '메시 TLS 현장 가이드', en: 'Mesh TLS Field Guide' },
      description: 'TLS as it is really operated in service meshes: termination, passthrough, origination, mTLS, Envoy troubleshooting and Istio double-mTLS egress.',
      defaultLocale: 'root',
      locales: {
        root: { label: '한국어', lang: 'ko' },
        en: { label: 'English', lang: 'en' },
      },
      lastUpdated: true,
      // Long lines do not wrap: a wrapped line breaks inside tokens (after `-` and `/`, e.g.
      // `istio-` / `egress`), and a reader copies or reads a command whole. A block wider than
      // its column scrolls sideways; Expressive Code's script makes such a block focusable.
      // The copy button keeps out of the code lines (src/styles/site.css).
      // useStyleReset: Expressive Code resets every element of a code block with `all: revert`,
      // the most expensive style work on a content page (thousands of token spans); the copy
      // button, the one part the page's styles reach, keeps the reset in src/styles/site.css.
      expressiveCode: { useStyleReset: false },
      customCss: ['./src/styles/site.css'],
      components: {
        Head: './src/components/Head.astro',
      },
      sidebar: [
        { label: '시작하기', translations: { en: 'Start here' }, items: [
          { slug: 'start/learning-path' },
          { slug: 'start/day-0' },
          { slug: 'start/mentor-plan' },
          { slug: 'glossary' },
        ] },
        { label: 'TLS 기초', translations: { en: 'TLS basics' }, items: [{ autogenerate: { directory: 'basics' } }] },
        { label: 'TLS 패턴', translations: { en: 'TLS patterns' }, items: [{ autogenerate: { directory: 'patterns' } }] },
        { label: 'Envoy', items: [{ autogenerate: { directory: 'envoy' } }] },
        { label: 'Istio 이그레스', translations: { en: 'Istio egress' }, items: [{ autogenerate: { directory: 'egress' } }] },
        { label: '앰비언트 모드', translations: { en: 'Ambient mode' }, items: [{ autogenerate: { directory: 'ambient' } }] },
        { label: 'Gateway API', items: [{ autogenerate: { directory: 'gateway-api' } }] },
        { label: '도구', translations: { en: 'Tools' }, items: [{ autogenerate: { directory: 'tools' } }] },
        { label: '실습', translations: { en: 'Labs' }, items: [{ autogenerate: { directory: 'labs' } }] },
        { label: '오류 레퍼런스', translations: { en: 'Error reference' }, items: [{ autogenerate: { directory: 'errors' } }] },
      ],
    }),
    // Added explicitly so that Starlight does not add it with `optimize: true`, which strips
    // the inline styles of the build-time diagrams.
    mdx({ optimize: false }),
    pageRewrites([
      { apply: hoistCodeStylesheet, done: 'code-block stylesheet moved into <head>' },
      { apply: wrapTables, done: 'tables put in scroll boxes' },
      { apply: nameCodeRegions, done: 'code blocks named as regions' },
    ]),
    // Last: hashes the final HTML of each page (src/plugins/csp.mjs).
    contentSecurityPolicy(),
  ],
  vite: {
    // ES-module workers can split: the validator's worker fetches its engine on the first lint.
    worker: { format: 'es' },
    plugins: [
      searchIdentifiersPlugin({ catalogDir: fileURLToPath(new URL('./src/data/errors', import.meta.url)) }),
      searchVocabularyPlugin({ glossaryDir: fileURLToPath(new URL('./src/data/glossary', import.meta.url)) }),
    ],
    resolve: {
      // Keep src/content/docs/... paths (symlinks into content/) so Starlight can tell a page's
      // language from its path.
      preserveSymlinks: true,
      alias: [
        { find: '~', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        // Wrap Pagefind's UI so queries are normalised (Korean particles, pasted log lines).
        { find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/search/pagefind-ui.ts', import.meta.url)) },
        // Starlight's Search.astro imports Pagefind's stylesheet into every page; it comes with the
        // search code instead (src/search/pagefind-ui.css).
        { find: /^@pagefind\/default-ui\/css\/ui\.css$/, replacement: fileURLToPath(new URL('./src/search/no-css.css', import.meta.url)) },
      ],
    },
  },
});
