import type { Rule, Text } from '../types.ts';
import { checkEnvoy, typeLabel } from '../envoy/check.ts';
import type { EnvoyIssue } from '../envoy/check.ts';
import { envoyDocs, ROOT_TYPE } from '../envoy/model.ts';
import { arr, isObj, str } from '../util.ts';
import { durationMessage } from './duration-unit.ts';

function message(i: EnvoyIssue): Text {
  switch (i.kind) {
    case 'unknown': return {
      ko: `\`${i.field}\`는 \`${typeLabel(i.type)}\`에 없는 필드라 Envoy가 설정 전체를 거부한다.${i.hint ? ` \`${i.hint}\`를 뜻했나?` : ' 들여쓰기가 한 단계 어긋나지 않았는지 보자.'}`,
      en: `\`${i.field}\` is not a field of \`${typeLabel(i.type)}\`, so Envoy rejects the whole config.${i.hint ? ` Did you mean \`${i.hint}\`?` : ' Check that the indentation is not one level off.'}` };
    case 'type': return {
      ko: `여기에는 ${i.expected} 형식(\`${typeLabel(i.type)}\`)이 와야 한다. Envoy가 설정을 거부한다.`,
      en: `This must be of type ${i.expected} (\`${typeLabel(i.type)}\`). Envoy rejects the config.` };
    case 'enum': return {
      ko: `\`${i.value}\`는 허용 값이 아니다.${i.hint ? ` \`${i.hint}\`를 뜻했나?` : ''} 허용 값: ${i.allowed.slice(0, 12).join(', ')}${i.allowed.length > 12 ? ' …' : ''}.`,
      en: `\`${i.value}\` is not an allowed value.${i.hint ? ` Did you mean \`${i.hint}\`?` : ''} Allowed: ${i.allowed.slice(0, 12).join(', ')}${i.allowed.length > 12 ? ' …' : ''}.` };
    case 'oneof': return {
      ko: `\`${i.fields.join('`, `')}\`는 하나만 쓸 수 있는 필드(oneof)다. Envoy가 설정을 거부한다. 하나만 남기자.`,
      en: `\`${i.fields.join('`, `')}\` are alternatives (a oneof): only one may be set, and Envoy rejects the config. Keep one.` };
    case 'any': return {
      ko: '`typed_config`에 `"@type"`이 없어 Envoy가 어떤 설정인지 알 수 없다. `"@type": type.googleapis.com/<메시지 이름>`을 쓰자.',
      en: '`typed_config` has no `"@type"`, so Envoy cannot tell which config it is. Add `"@type": type.googleapis.com/<message name>`.' };
    default: return { ko: '', en: '' };
  }
}

export const rule: Rule = {
  id: 'envoy-schema',
  severity: 'error',
  title: { ko: 'Envoy API와 맞지 않는 구조', en: 'Envoy config does not match the API' },
  summary: {
    ko: 'Envoy 정적 설정(부트스트랩, 리스너, 클러스터)을 Envoy v3 API의 메시지 정의와 맞춰 본다. 모르는 필드, 잘못된 형식, 허용되지 않는 enum 값, 함께 쓸 수 없는 oneof 필드가 있으면 Envoy는 시작하지 않거나 설정을 거부한다. 들여쓰기가 한 단계 어긋나 필드가 다른 메시지로 들어간 경우가 흔하다. `envoy --mode validate -c <파일>`로도 확인할 수 있다. `typed_config`는 검사기가 아는 타입(HCM, TCP 프록시, TLS 컨텍스트, tls_inspector, 라우터, 액세스 로그)만 들여다본다.',
    en: 'Checks Envoy static config (bootstrap, listeners, clusters) against the message definitions of Envoy\'s v3 API. Unknown fields, wrong types, values outside an enum or two fields of one oneof make Envoy refuse to start or reject the config. A field indented one level off, landing in another message, is the usual cause. `envoy --mode validate -c <file>` confirms it. Inside `typed_config` only the types the validator knows are checked (HCM, TCP proxy, TLS contexts, tls_inspector, router, access loggers).',
  },
  docs: 'envoy/envoy-in-20-minutes/',
  check(ctx) {
    for (const d of envoyDocs(ctx)) {
      const issues: EnvoyIssue[] = [];
      const v = d.src.value as Record<string, unknown>;
      if (d.form === 'xds') {
        arr(v.resources).forEach((r, i) => {
          const t = isObj(r) ? str(r['@type']) : undefined;
          if (t) checkEnvoy(r, 'google.protobuf.Any', ['resources', i], issues);
        });
      } else checkEnvoy(v, ROOT_TYPE[d.form], [], issues);
      for (const i of issues) {
        if (i.kind === 'duration') {
          ctx.report({ rule: 'duration-unit', at: d.src, path: i.path, on: 'value', msg: durationMessage(i.field, i.value, i.fix, 'envoy') });
        } else ctx.report({ rule: 'envoy-schema', at: d.src, path: i.path, on: i.kind === 'unknown' ? 'key' : 'value', msg: message(i) });
      }
    }
  },
};
