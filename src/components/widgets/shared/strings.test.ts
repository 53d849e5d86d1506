import { describe, expect, it } from 'vitest';
import { CERT_STRINGS } from '../cert/strings.ts';
import { DECODER_STRINGS } from '../decoder/strings.ts';
import { EXPLAIN_STRINGS } from '../explain/strings.ts';
import { VALIDATOR_STRINGS } from '../validator/strings.ts';
import { plural, SHARED_STRINGS } from './strings.ts';

const TABLES = { cert: CERT_STRINGS, decoder: DECODER_STRINGS, explain: EXPLAIN_STRINGS, validator: VALIDATOR_STRINGS };
/** The `{name}` placeholders of a string (not the English `{n|one|other}` plural marks). */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('widget strings', () => {
  it('picks the English singular or plural, and leaves an unknown count as written', () => {
    expect(plural('{n} {n|finding|findings}', { n: 1 })).toBe('{n} finding');
    expect(plural('{n} {n|finding|findings}', { n: 0 })).toBe('{n} findings');
    expect(plural('{m|one|other}', { n: 1 })).toBe('{m|one|other}');
  });

  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: every widget table starts from the shared words, in both languages`, () => {
      for (const lang of ['en', 'ko'] as const) expect(table[lang]).toMatchObject(SHARED_STRINGS[lang]);
    });

    it(`${name}: the Korean text fills the same placeholders as the English, and counts without plural marks`, () => {
      const en: Record<string, string> = table.en;
      const ko: Record<string, string> = table.ko;
      expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(ko[key], key).not.toBe('');
        expect(placeholders(ko[key]!), key).toEqual(placeholders(en[key]!));
        expect(ko[key], key).not.toMatch(/\{\w+\|/);
      }
    });
  }
});
