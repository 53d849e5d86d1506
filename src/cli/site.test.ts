import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleUrl, SITE_ORIGIN, siteUrl } from './site.ts';

describe('CLI links', () => {
  it('use the origin the site is built for (astro.config.mjs `site`)', () => {
    const config = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config.match(/^\s*site:\s*'([^']+)'/m)?.[1]).toBe(SITE_ORIGIN);
  });
  it('carry the locale prefix of the chosen language', () => {
    expect(siteUrl('egress/double-mtls/', 'ko')).toBe(`${SITE_ORIGIN}/egress/double-mtls/`);
    expect(siteUrl('egress/double-mtls/', 'en')).toBe(`${SITE_ORIGIN}/en/egress/double-mtls/`);
    expect(ruleUrl('align-sni', 'en')).toBe(`${SITE_ORIGIN}/en/tools/validator-rules/#align-sni`);
  });
});
