import { describe, expect, it } from 'vitest';
import { inlineCodeParts } from './inline-code.ts';

describe('inlineCodeParts', () => {
  it('turns backticked parts into code and keeps the rest as text', () => {
    expect(inlineCodeParts('검증 코드 `268435581`가 나온다')).toEqual([
      { code: false, text: '검증 코드 ' },
      { code: true, text: '268435581' },
      { code: false, text: '가 나온다' },
    ]);
  });
  it('handles code at both ends and several spans', () => {
    expect(inlineCodeParts('`a` and `b`')).toEqual([
      { code: true, text: 'a' },
      { code: false, text: ' and ' },
      { code: true, text: 'b' },
    ]);
  });
  it('leaves a lone backtick and markup as plain text', () => {
    expect(inlineCodeParts('a ` b <em>x</em>')).toEqual([{ code: false, text: 'a ` b <em>x</em>' }]);
  });
});
