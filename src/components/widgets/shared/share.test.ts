import { describe, expect, it } from 'vitest';
import { fragmentParam, MAX_SHARED_CHARS, packText, unpackText } from './share.ts';

describe('share links', () => {
  it('round-trips YAML with Korean, emoji and every ASCII character', async () => {
    const text = 'kind: Gateway # 게이트웨이 🚀\n' + Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const packed = await packText(text);
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await unpackText(packed)).toEqual({ ok: true, text });
  });

  it('compresses repetitive YAML well below its size', async () => {
    const yaml = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\n'.repeat(200);
    expect((await packText(yaml)).length).toBeLessThan(yaml.length / 10);
  });

  it('accepts plain base64url UTF-8 as well', async () => {
    const plain = Buffer.from('kind: Secret\n', 'utf8').toString('base64url');
    expect(await unpackText(plain)).toEqual({ ok: true, text: 'kind: Secret\n' });
  });

  it('refuses junk and decompression bombs without throwing', async () => {
    expect(await unpackText('not base64!')).toEqual({ ok: false, reason: 'invalid' });
    expect(await unpackText(Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url'))).toEqual({ ok: false, reason: 'invalid' });
    const bomb = await packText('a'.repeat(MAX_SHARED_CHARS * 5));
    expect(bomb.length).toBeLessThan(50_000);
    expect(await unpackText(bomb)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reads fragment parameters, percent-decoded, keeping "+" as written', () => {
    expect(fragmentParam('#q=TLS_error%3A%7C268435581+x', 'q')).toBe('TLS_error:|268435581+x');
    expect(fragmentParam('#preset=valid-bundle&x=1', 'preset')).toBe('valid-bundle');
    expect(fragmentParam('#sources', 'q')).toBeUndefined();
    expect(fragmentParam('#q=100%', 'q')).toBe('100%');
  });
});
