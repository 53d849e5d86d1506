import { describe, expect, it } from 'vitest';
import { boundedDistance } from './edit-distance.ts';

describe('boundedDistance', () => {
  it('measures edit distance with an early exit', () => {
    expect(boundedDistance('verfy', 'verify', 1)).toBe(1);
    expect(boundedDistance('cerificate', 'certificate', 2)).toBe(1);
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDistance('abc', 'abcdef', 1)).toBe(2);
  });
});
