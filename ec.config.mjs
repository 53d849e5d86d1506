// Expressive Code options that are functions: astro.config.mjs options are serialised for the
// <Code> component and would lose them; this file is imported by both.
export default {
  // The pages are symlinks (src/content/docs → content/<lang>/), and Starlight reads a block's
  // language from its resolved path, which it does not recognise: every frame of the English
  // pages got Korean labels ("터미널 창", "클립보드로 복사"). The URL (the <Code> component) or the
  // content folder tells the page's language.
  getBlockLocale: ({ file }) => {
    if (file.url && file.url.protocol !== 'file:') return /^\/en(\/|$)/.test(file.url.pathname) ? 'en' : 'ko';
    return /\/(?:content|src\/content\/docs)\/en\//.test(String(file.path).replace(/\\/g, '/')) ? 'en' : 'ko';
  },
};
