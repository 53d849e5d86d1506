import { describe, expect, it } from 'vitest';
import { isQuestionWord, stripQuestionEnding } from './question.ts';

describe('question endings', () => {
  it.each([
    ['만료되나요', '만료'],
    ['설정하나요', '설정'],
    ['mTLS인가', 'mTLS'],
    ['실패할까', '실패'],
    ['중요한가요', '중요'],
    ['만료된', '만료'],
    ['인가', '인가'], // the noun (authorization): nothing before the ending
    ['권한', '권한'], // a one-syllable ending needs a two-syllable stem
    ['certificate', 'certificate'],
  ])('%s → %s', (word, stem) => {
    expect(stripQuestionEnding(word)).toBe(stem);
  });

  it('knows question words in both languages, and endings standing alone', () => {
    for (const w of ['왜', '어떻게', '무엇이', '하나요', '할까', 'why', 'How', 'does']) expect(isQuestionWord(w)).toBe(true);
    for (const w of ['인증서', '만료', 'certificate', 'mTLS']) expect(isQuestionWord(w)).toBe(false);
  });
});
