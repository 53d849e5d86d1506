import { describe, expect, it } from 'vitest';
import { hoistCodeStylesheet } from '../../src/plugins/hoist-code-styles.mjs';

const link = '<link rel="stylesheet" href="/_astro/ec.w36nc.css"/>';

describe('hoistCodeStylesheet', () => {
  it('moves the code-block stylesheet from the body to the end of the head', () => {
    const page = `<html><head><link rel="stylesheet" href="/_astro/site.css"></head><body><p>x</p><div class="expressive-code">${link}<figure></figure></div></body></html>`;
    expect(hoistCodeStylesheet(page)).toBe(
      `<html><head><link rel="stylesheet" href="/_astro/site.css">${link}</head><body><p>x</p><div class="expressive-code"><figure></figure></div></body></html>`,
    );
  });

  it('leaves pages without code blocks, or already hoisted, as they are', () => {
    const plain = '<html><head></head><body><p>x</p></body></html>';
    expect(hoistCodeStylesheet(plain)).toBe(plain);
    const hoisted = `<html><head>${link}</head><body></body></html>`;
    expect(hoistCodeStylesheet(hoisted)).toBe(hoisted);
  });

  it('does not touch other stylesheets in the body', () => {
    const page = '<html><head></head><body><link rel="stylesheet" href="/_astro/widgets.css"></body></html>';
    expect(hoistCodeStylesheet(page)).toBe(page);
  });
});
