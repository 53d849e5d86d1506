// Messages about the input itself (not findings; those live with their rules).
import type { Lang } from './types.ts';

const MESSAGES = {
  empty: {
    en: 'The input is empty. Paste the output of `curl localhost:15000/config_dump` or `istioctl proxy-config all POD -o json`.',
    ko: '입력이 비어 있다. `curl localhost:15000/config_dump`나 `istioctl proxy-config all POD -o json`의 출력을 붙여 넣는다.',
  },
  badJson: {
    en: 'This is not valid JSON ({detail}). Copy the whole output; a cut-off dump cannot be read.',
    ko: '올바른 JSON이 아니다({detail}). 출력 전체를 복사한다. 중간에 잘린 덤프는 읽을 수 없다.',
  },
  badYaml: {
    en: 'This is not valid YAML ({detail}). Copy the whole output of `istioctl proxy-config … -o yaml`.',
    ko: '올바른 YAML이 아니다({detail}). `istioctl proxy-config … -o yaml`의 출력 전체를 복사한다.',
  },
  notDump: {
    en: 'No Envoy or ztunnel configuration found: expected a /config_dump (`configs`), an `istioctl proxy-config cluster|listener|route|secret` output or a ztunnel dump. A Kubernetes resource belongs in the validator instead.',
    ko: 'Envoy나 ztunnel 설정을 찾지 못했다. /config_dump(`configs`), `istioctl proxy-config cluster|listener|route|secret` 출력, ztunnel 덤프 중 하나를 넣는다. 쿠버네티스 리소스는 설정 검사기로 검사한다.',
  },
  badCert: {
    en: 'Secret {name}: the certificate bytes could not be decoded ({detail}).',
    ko: '시크릿 {name}: 인증서 바이트를 해석하지 못했다({detail}).',
  },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function msg(lang: Lang, id: MessageId, values: Record<string, string> = {}): string {
  return MESSAGES[id][lang].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
