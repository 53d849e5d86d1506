import { describe, expect, it } from 'vitest';
import { similarity, suggestTerms } from './suggest.ts';

const terms = ['상호 TLS', 'TLS 종료', '인증서 체인', '이그레스 게이트웨이', 'certificate chain', 'mutual TLS'];

describe('suggestTerms', () => {
  it('scores shared letter pairs', () => {
    expect(similarity('인증서체인', '인증서 체인')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
  it('offers the nearest terms for a typo or a partial word', () => {
    expect(suggestTerms('certficate chian', terms)[0]).toBe('certificate chain');
    expect(suggestTerms('게이트웨이', terms)).toEqual(['이그레스 게이트웨이']);
  });
  it('offers nothing far away', () => {
    expect(suggestTerms('쿠버네티스', terms)).toEqual([]);
  });
});
