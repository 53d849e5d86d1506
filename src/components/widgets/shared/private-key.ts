// The notice a widget shows when pasted text holds a private key: the key stayed in the browser,
// and the check does not need it. The certificate inspector finds keys with its engine and words
// its own notice (it uses the key: it compares the key's public part with the certificate); the
// validator and the decoder only look for the key's armour, here.
import { h } from './dom.ts';

/** PEM armour of any private key: PKCS#8, RSA, EC, encrypted, OpenSSH. */
const ARMOUR = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
/** "-----BEGIN" in base64 at the start of a value (a Secret's `data:`), and the rest of the value. */
const BASE64_PEM = /LS0tLS1CRUdJT[A-Za-z0-9+/]*={0,2}/g;

function decodes(base64: string): string {
  try {
    // The armour's first line is within the first 60 bytes (80 base64 characters).
    return atob(base64.slice(0, 80));
  } catch {
    return '';
  }
}

/** Whether the text holds a private key, as PEM or as a Secret's base64 of PEM. */
export function holdsPrivateKey(text: string): boolean {
  if (ARMOUR.test(text)) return true;
  for (const [value] of text.matchAll(BASE64_PEM)) if (ARMOUR.test(decodes(value))) return true;
  return false;
}

export const KEY_NOTICE = {
  en: 'You pasted a private key. It stayed in this browser: nothing pasted here is sent anywhere. The check does not need the key: next time, paste without it (leave out tls.key or the PRIVATE KEY block).',
  ko: '개인 키가 들어 있다. 키는 이 브라우저 밖으로 나가지 않았다. 여기에 붙여 넣은 내용은 어디로도 보내지 않는다. 검사에는 키가 필요 없으니 다음에는 키를 빼고(tls.key 항목이나 PRIVATE KEY 블록을 지우고) 붙여 넣는다.',
} as const;

/** The notice paragraph, or none when the text holds no private key. */
export function privateKeyNotice(text: string, lang: 'ko' | 'en'): HTMLElement[] {
  return holdsPrivateKey(text) ? [keyNote(KEY_NOTICE[lang])] : [];
}

/** How every widget shows its private-key notice. */
export const keyNote = (message: string) => h('p', { class: 'mtls-key-note', 'data-key-note': true }, message);
