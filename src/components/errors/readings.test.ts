// What the error pages say around an entry: each side's reading and an envelope's relation.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/decoder/load-catalog.node.ts';
import { becauseText, loggedSides, readingHeadings } from './readings.ts';

const catalog = loadCatalog();
const entry = (id: string) => catalog.find((e) => e.id === id)!;

describe('error page readings', () => {
  it('lists the sides an entry has a reading for, and heads a section only then', () => {
    expect(loggedSides(entry('alert-bad-certificate'))).toEqual(['client', 'server']);
    expect(readingHeadings(entry('alert-bad-certificate'), 'en').map((h) => h.slug)).toEqual(['logged']);
    expect(readingHeadings(entry('alert-bad-certificate'), 'ko')[0]?.text).toBe('어느 쪽이 남긴 줄인가');
    expect(loggedSides(entry('alert-access-denied'))).toEqual([]);
    expect(readingHeadings(entry('alert-access-denied'), 'en')).toEqual([]);
  });

  it("shows an envelope's relation without a card to name, in the page's language", () => {
    const en = becauseText(entry('upstream-connect-error'), 'en');
    expect(en).toMatch(/^This 503 happened because of “…”/);
    expect(en).not.toContain('{cause}');
    expect(becauseText(entry('upstream-connect-error'), 'ko')).toMatch(/^이 503은 위 카드 “…”/);
    expect(readingHeadings(entry('upstream-connect-error'), 'en').map((h) => h.slug)).toEqual(['carries']);
    expect(becauseText(entry('wrong-version-number'), 'en')).toBeUndefined();
  });

  it('every reading that points at another entry points at one the catalog has', () => {
    const ids = new Set(catalog.map((e) => e.id));
    const causes = catalog.flatMap((e) => loggedSides(e).map((s) => e.logged![s]!.cause).filter(Boolean));
    expect(causes.length).toBeGreaterThan(0);
    for (const id of causes) expect(ids).toContain(id);
  });
});
