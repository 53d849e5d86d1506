import { describe, expect, it } from 'vitest';
import { langArg, langFromEnv, resolveLang } from './lang.ts';

describe('CLI language', () => {
  it('takes the first set locale variable in POSIX order: LC_ALL, LC_MESSAGES, LANG', () => {
    expect(langFromEnv({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ko_KR', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LC_MESSAGES: 'en_GB', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'ko', LC_MESSAGES: 'en_GB', LANG: 'en_US' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'ko_KR', LANG: 'ko_KR' })).toBe('en');
  });
  it('skips empty variables and reads C, POSIX and no locale as English', () => {
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'POSIX' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'KO_kr' })).toBe('ko');
    expect(langFromEnv({ LANG: 'ko.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'kok_IN' })).toBe('en'); // Konkani: the language code is kok, not ko
  });
  it('lets a valid --lang win over the locale, in either spelling', () => {
    expect(resolveLang(['--lang', 'en', 'x.yaml'], { LC_ALL: 'ko_KR.UTF-8' })).toBe('en');
    expect(resolveLang(['--lang=ko'], { LANG: 'en_US' })).toBe('ko');
    expect(resolveLang(['--lang', 'fr'], { LANG: 'ko_KR' })).toBe('ko');
    expect(resolveLang(['--', '--lang', 'en'], { LANG: 'ko_KR' })).toBe('ko');
    expect(langArg(['a', '--lang'])).toBeUndefined();
  });
});
