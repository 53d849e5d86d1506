// Each decoder example must still be recognised as the entry it stands for, with the real
// catalog: a renamed entry or a changed pattern shows up here before it shows up on the page.
import { describe, expect, it } from 'vitest';
import { decode } from '../../../lib/decoder/decode.ts';
import { loadCatalog } from '../../../lib/decoder/load-catalog.node.ts';
import { catalogForLang } from './page-data.ts';
import { DECODER_PRESETS } from './presets.ts';

const catalog = loadCatalog();

describe('decoder examples', () => {
  it.each(DECODER_PRESETS.map((p) => [p.id, p] as const))('%s is recognised as its entry', (_, preset) => {
    expect(decode(preset.text, catalog, { lang: 'en' }).matches.map((m) => m.id)).toContain(preset.expect);
  });

  it.each(['ko', 'en'] as const)('the catalog shipped to the %s page decodes the same, in its language', (lang) => {
    const small = catalogForLang(catalog, lang);
    for (const preset of DECODER_PRESETS) {
      const full = decode(preset.text, catalog, { lang });
      const shipped = decode(preset.text, small, { lang });
      expect(shipped).toEqual(full);
    }
    const other = lang === 'ko' ? 'en' : 'ko';
    expect(JSON.stringify(small.map((e) => [e.meaning, e.fix, e.causes]))).not.toContain(`"${other}":`);
  });

  // One story (issue 20): the examples name the partner as the guide and labs do.
  it('names the partner api.northwind.example, never the old .com host', () => {
    const texts = DECODER_PRESETS.map((p) => p.text).join('\n');
    expect(texts).toContain('api.northwind.example');
    expect(texts).not.toMatch(/northwind\.example\.com|egressgateway\.istio-system/);
  });
});
