import { describe, expect, it } from 'vitest';
import { fill } from '../shared/dom.ts';
import { plural } from '../shared/strings.ts';
import { istioctlDocs, VALIDATOR_STRINGS } from './strings.ts';

const status = (lang: 'ko' | 'en', e: number, w: number, i: number) => {
  const v = { e, w, i };
  return fill(plural(VALIDATOR_STRINGS[lang].statusCounts, v), v);
};

describe('validator widget strings', () => {
  it('count in English with singular and plural', () => {
    expect(status('en', 1, 2, 0)).toBe('1 error, 2 warnings, 0 notes');
    expect(status('en', 0, 1, 1)).toBe('0 errors, 1 warning, 1 note');
    const checked = (n: number) => fill(plural(VALIDATOR_STRINGS.en.okChecked, { docs: n }), { docs: n, kinds: 'Gateway 1', rules: 9 });
    expect(checked(1)).toMatch(/^Checked 1 YAML document \(/);
    expect(checked(2)).toMatch(/^Checked 2 YAML documents \(/);
  });
  it('count in Korean with 개 and no plural marks', () => {
    expect(status('ko', 1, 2, 0)).toBe('오류 1개, 경고 2개, 참고 0개');
    for (const v of Object.values(VALIDATOR_STRINGS.ko)) expect(v).not.toMatch(/\{\w+\|/);
  });
  it('labels a status, not a sentence', () => {
    for (const lang of ['ko', 'en'] as const) {
      for (const k of ['statusEmpty', 'statusWorking', 'statusCounts', 'presetNone'] as const) expect(VALIDATOR_STRINGS[lang][k]).not.toMatch(/[.다]$/);
    }
  });
  it('links an istioctl code to its istio.io page', () => {
    expect(istioctlDocs('IST0132')).toBe('https://istio.io/latest/docs/reference/config/analysis/ist0132/');
  });
});
