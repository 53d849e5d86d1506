// Site paths are language-neutral in the engines and data ('egress/double-mtls/'); pages add the
// locale prefix: Korean is the root locale, English lives under /en/.
export type Lang = 'ko' | 'en';

export function docsUrl(path: string, lang: Lang): string {
  const clean = path.replace(/^\/+/, '');
  return lang === 'en' ? `/en/${clean}` : `/${clean}`;
}
