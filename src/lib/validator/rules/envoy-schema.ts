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
    case 'anytype': return i.hint ? {
      ko: `\`${i.type}\`라는 Envoy 타입은 없어 Envoy가 설정을 거부한다(이 안의 설정도 검사하지 않았다). \`type.googleapis.com/${i.hint}\`를 뜻했나?`,
      en: `There is no Envoy type \`${i.type}\`, so Envoy rejects the config (and the settings inside were not checked). Did you mean \`type.googleapis.com/${i.hint}\`?` } : {
      ko: `\`${i.type}\`는 설정 검사기가 아는 Envoy API 타입이 아니라 이 안의 설정은 검사하지 않았다. 새 Envoy 버전이나 확장의 타입이면 괜찮지만, 철자가 틀렸다면 Envoy가 설정을 거부한다.`,
      en: `\`${i.type}\` is not an Envoy API type the validator knows, so the settings inside were not checked. That is fine for a newer Envoy or an extension's type; if it is misspelled, Envoy rejects the config.` };
    case 'unchecked': return {
      ko: `\`${typeLabel(i.type)}\`(\`${i.type}\`)는 Envoy API 타입이지만 설정 검사기에 그 필드 정의가 없어 이 안의 설정은 검사하지 않았다.`,
      en: `\`${typeLabel(i.type)}\` (\`${i.type}\`) is an Envoy API type whose fields the validator does not carry, so the settings inside were not checked.` };
    default: return { ko: '', en: '' };
  }
}

export const rule: Rule = {
  id: 'envoy-schema',
  severity: 'error',
  title: { ko: 'Envoy API와 맞지 않는 구조', en: 'Envoy config does not match the API' },
  summary: {
    ko: 'Envoy 정적 설정(부트스트랩, 리스너, 클러스터)을 Envoy v3 API의 메시지 정의와 맞춰 본다. 모르는 필드, 잘못된 형식, 허용되지 않는 enum 값, 함께 쓸 수 없는 oneof 필드가 있으면 Envoy는 시작하지 않거나 설정을 거부한다. 들여쓰기가 한 단계 어긋나 필드가 다른 메시지로 들어간 경우가 흔하다. Envoy가 실제로 읽는 방식대로, enum 이름은 대소문자를 가리지 않고(`round_robin`) 목록 자리에 항목 하나만 쓴 것도 받아들인다. `envoy --mode validate -c <파일>`로도 확인할 수 있다. `typed_config`는 설정 검사기가 아는 타입(HCM, TCP 프록시, TLS 컨텍스트, tls_inspector, 라우터, 액세스 로그)만 들여다본다. `"@type"`의 철자가 틀려 실제 Envoy 타입과 한두 글자 다르면(`UpstreamTlsContxt`) 오류로 알리고 맞는 이름을 제안한다. 그런 타입이 없으면 Envoy가 설정을 거부하고, 그 안의 TLS 설정도 검사되지 않기 때문이다. 필드 정의가 설정 검사기에 없는 Envoy 타입과 Envoy API에 없는 낯선 타입은 안을 검사하지 않았다고 `info`로만 알린다.',
    en: 'Checks Envoy static config (bootstrap, listeners, clusters) against the message definitions of Envoy\'s v3 API. Unknown fields, wrong types, values outside an enum or two fields of one oneof make Envoy refuse to start or reject the config. A field indented one level off, landing in another message, is the usual cause. As Envoy itself reads config, enum names match in any case (`round_robin`) and a single element may stand for a list. `envoy --mode validate -c <file>` confirms it. Inside `typed_config` only the types the validator knows are checked (HCM, TCP proxy, TLS contexts, tls_inspector, router, access loggers). A misspelled `"@type"` one slip away from a real Envoy type (`UpstreamTlsContxt`) is an error with the right name suggested: Envoy rejects the config, and the TLS settings inside would go unchecked. A real Envoy type whose fields the validator does not carry, and a type name that is not in the Envoy API at all, get only an `info` saying the settings inside were not checked.',
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
        } else ctx.report({ rule: 'envoy-schema', at: d.src, path: i.path, on: i.kind === 'unknown' ? 'key' : 'value', severity: (i.kind === 'anytype' && !i.hint) || i.kind === 'unchecked' ? 'info' : undefined, msg: message(i) });
      }
    }
  },
};
