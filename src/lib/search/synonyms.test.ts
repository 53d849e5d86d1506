import { describe, expect, it } from 'vitest';
import { applySynonyms } from './synonyms.ts';

const table = [
  ['양방향 TLS', '상호 TLS'],
  ['터미네이션', '종료'],
  ['TLS 터미네이션', 'TLS 종료'],
  ['랩', '실습'],
  ['two-way TLS', 'mutual TLS'],
] as const;

describe('applySynonyms', () => {
  it('rewrites a variant to the pages\' word, also before a particle', () => {
    expect(applySynonyms('양방향 TLS를 설정', table)).toBe('상호 TLS를 설정');
    expect(applySynonyms('Two-Way TLS setup', table)).toBe('mutual TLS setup');
  });
  it('prefers the longest variant', () => {
    expect(applySynonyms('TLS 터미네이션', table)).toBe('TLS 종료');
  });
  it('leaves words that only start with a variant', () => {
    expect(applySynonyms('랩퍼', table)).toBe('랩퍼');
    expect(applySynonyms('랩을 돌린다', table)).toBe('실습을 돌린다');
  });
});
