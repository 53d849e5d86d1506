import type { Ctx, ParsedDoc, Resource, Rule, Text } from '../types.ts';
import { didYouMean, isObj } from '../util.ts';
import { CRD_GROUPS, hasModel, ISTIO_GROUPS, isNewerKind, knownKinds, knownVersions, validateIstio, versionsOf } from '../istio-schema.ts';
import type { SchemaIssue } from '../istio-schema.ts';
import { isIstioDurationPath } from './duration-unit.ts';
import { envoyForm } from '../envoy/model.ts';

const last = (p: (string | number)[]) => String(p[p.length - 1] ?? '');
/** Korean type names with their subject particle (이/가 depends on the last syllable). */
const TYPE_KO: Record<string, string> = { string: '문자열이', integer: '정수가', number: '숫자가', boolean: '불리언(true/false) 값이', object: '맵(key: value)이', array: '목록(- 항목)이' };
const TYPE_EN: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean (true/false)', object: 'a mapping', array: 'a list' };
const INT_RANGE: Record<string, [string, string]> = { int32: ['-2147483648', '2147483647'], uint32: ['0', '4294967295'], int64: ['-9223372036854775808', '9223372036854775807'], uint64: ['0', '18446744073709551615'] };

function istioMessage(i: SchemaIssue, value: unknown): Text {
  const key = last(i.path);
  switch (i.kind) {
    case 'unknown': {
      const hint = didYouMean(key, i.known ?? []);
      return {
        ko: `\`${key}\`는 이 위치에 없는 필드다. API 서버가 이 필드를 버리거나(\`kubectl apply\`의 strict 검증이면 거부) 설정이 의도와 다르게 적용된다.${hint ? ` \`${hint}\`를 뜻했나?` : ''}`,
        en: `\`${key}\` is not a field here. The API server drops it (or rejects the resource under kubectl's strict validation), so the config is not what you wrote.${hint ? ` Did you mean \`${hint}\`?` : ''}`,
      };
    }
    case 'enum': {
      const hint = typeof value === 'string' ? didYouMean(value, i.allowed ?? []) : undefined;
      const list = (i.allowed ?? []).join(', ');
      return {
        ko: `\`${key}: ${String(value)}\`는 허용되지 않는 값이라 리소스가 거부된다.${hint ? ` \`${hint}\`를 뜻했나?` : ''} 허용 값: ${list}.`,
        en: `\`${key}: ${String(value)}\` is not an allowed value, so the resource is rejected.${hint ? ` Did you mean \`${hint}\`?` : ''} Allowed: ${list}.`,
      };
    }
    case 'type':
      return {
        ko: `\`${key}\`에는 ${TYPE_KO[i.expected ?? ''] ?? `${i.expected} 형식이`} 와야 하는데 다른 형식이 왔다. 리소스가 거부된다.`,
        en: `\`${key}\` must be ${TYPE_EN[i.expected ?? ''] ?? `of type ${i.expected}`}; the value has another type, so the resource is rejected.`,
      };
    case 'format': {
      const range = INT_RANGE[i.expected ?? ''];
      return range ? {
        ko: `\`${key}: ${String(value)}\`는 허용 범위를 벗어난다. ${range[0]}부터 ${range[1]}까지의 정수(${i.expected})여야 리소스가 받아들여진다.`,
        en: `\`${key}: ${String(value)}\` is out of range: it must be a whole number from ${range[0]} to ${range[1]} (${i.expected}), or the resource is rejected.`,
      } : {
        ko: `\`${key}: ${String(value)}\`는 \`${i.expected}\` 형식이 아니라 리소스가 거부된다.`,
        en: `\`${key}: ${String(value)}\` is not in the \`${i.expected}\` format, so the resource is rejected.`,
      };
    }
    case 'range':
      return {
        ko: `\`${key}: ${String(value)}\`는 허용 범위를 벗어나 리소스가 거부된다(${i.message}).`,
        en: `\`${key}: ${String(value)}\` is out of range, so the resource is rejected (${i.message}).`,
      };
    case 'required':
      return { ko: `필수 필드 \`${i.expected}\`가 없어 리소스가 거부된다.`, en: `Required field \`${i.expected}\` is missing, so the resource is rejected.` };
    default:
      return { ko: `스키마 검증 실패: ${i.message}.`, en: `Schema validation failed: ${i.message}.` };
  }
}

const valueAt = (obj: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), obj);

const SECRET_FIELDS = ['apiVersion', 'kind', 'metadata', 'data', 'stringData', 'type', 'immutable'];
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function checkSecret(ctx: Ctx, r: Resource) {
  for (const key of Object.keys(r.obj)) {
    if (!SECRET_FIELDS.includes(key)) {
      const hint = didYouMean(key, SECRET_FIELDS);
      ctx.report({ rule: 'schema', at: r, path: [key], msg: {
        ko: `\`${key}\`는 \`Secret\`에 없는 필드다. 값이 저장되지 않는다.${hint ? ` \`${hint}\`를 뜻했나?` : ''}`,
        en: `\`${key}\` is not a field of \`Secret\`; its content is not stored.${hint ? ` Did you mean \`${hint}\`?` : ''}` } });
    }
  }
  for (const field of ['data', 'stringData'] as const) {
    const m = r.obj[field];
    if (m === undefined || m === null) continue;
    if (!isObj(m)) {
      ctx.report({ rule: 'schema', at: r, path: [field], msg: { ko: `\`${field}\`는 키: 값 맵이어야 한다.`, en: `\`${field}\` must be a key: value mapping.` } });
      continue;
    }
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== 'string') {
        ctx.report({ rule: 'schema', at: r, path: [field, k], on: 'value', msg: { ko: `\`${field}.${k}\`의 값은 문자열이어야 한다.`, en: `The value of \`${field}.${k}\` must be a string.` } });
      } else if (field === 'data' && !BASE64.test(v)) {
        ctx.report({ rule: 'schema', at: r, path: [field, k], on: 'value', msg: {
          ko: `\`data.${k}\`는 base64로 인코딩된 값이어야 하는데 그렇지 않다. API 서버가 거부한다. 원문을 넣으려면 \`stringData\`를 쓰자.`,
          en: `\`data.${k}\` must be base64-encoded and is not; the API server rejects it. Put plain text under \`stringData\` instead.` } });
      }
    }
  }
}

const code = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');

/**
 * An Istio or Gateway API resource without a model here. Istio's served kinds and versions are
 * known (all of Istio 1.30's CRDs), so a version Istio does not serve, or a kind one slip away
 * from a real one, is rejected by the API server: an error. Anything else is only "not checked".
 */
function unmodelled(ctx: Ctx, r: Resource) {
  const version = r.apiVersion.split('/')[1] ?? '';
  const kinds = knownKinds(r.group);
  const istio = ISTIO_GROUPS.includes(r.group);
  const notChecked = (why: Text) => ctx.report({ rule: 'schema', at: r, path: ['kind'], on: 'value', severity: 'info', msg: why });
  if (isNewerKind(r.apiVersion, r.kind)) {
    notChecked({
      ko: `\`${r.kind}\`(\`${r.apiVersion}\`)는 업스트림이 제공하는 종류지만 설정 검사기의 스키마 모델에 아직 없어 필드를 검사하지 않았다. 다른 규칙의 검사는 그대로 했다.`,
      en: `\`${r.kind}\` (\`${r.apiVersion}\`) is served upstream but not in the validator's schema models yet, so its fields were not checked. The other rules still ran.` });
    return;
  }
  if (kinds.includes(r.kind)) {
    const versions = versionsOf(r.group, r.kind);
    const use = code(versions.map((v) => `${r.group}/${v}`));
    // Istio 1.30 serves exactly these versions; Gateway API installs differ by release and channel.
    ctx.report({ rule: 'schema', at: r, path: ['apiVersion'], on: 'value', severity: istio ? 'error' : 'info', msg: istio ? {
      ko: `Istio는 \`${r.kind}\`를 \`${r.apiVersion}\`로 제공하지 않아 API 서버가 리소스를 거부한다. ${use} 중 하나를 쓰자.`,
      en: `Istio does not serve \`${r.kind}\` as \`${r.apiVersion}\`, so the API server rejects the resource. Use one of ${use}.` } : {
      ko: `Gateway API 1.4와 1.5는 \`${r.kind}\`를 \`${r.apiVersion}\`로 제공하지 않는다(${use}). 이 리소스의 필드는 검사하지 않았다.`,
      en: `Gateway API 1.4 and 1.5 do not serve \`${r.kind}\` as \`${r.apiVersion}\` (they serve ${use}). This resource's fields were not checked.` } });
    return;
  }
  const hint = didYouMean(r.kind, kinds);
  if (istio && hint) {
    ctx.report({ rule: 'schema', at: r, path: ['kind'], on: 'value', msg: {
      ko: `\`${r.group}\`에는 \`${r.kind}\` 종류가 없어 API 서버가 리소스를 거부한다. \`${hint}\`를 뜻했나?`,
      en: `\`${r.group}\` has no kind \`${r.kind}\`, so the API server rejects the resource. Did you mean \`${hint}\`?` } });
    return;
  }
  if (istio && !knownVersions(r.group).includes(version)) {
    ctx.report({ rule: 'schema', at: r, path: ['apiVersion'], on: 'value', msg: {
      ko: `\`${r.apiVersion}\`는 Istio가 제공하지 않는 API 버전이다. ${code(knownVersions(r.group).map((v) => `${r.group}/${v}`))} 중 하나를 쓰자(새 리소스는 \`v1\`이 있으면 \`v1\`).`,
      en: `\`${r.apiVersion}\` is not an API version Istio serves. Use one of ${code(knownVersions(r.group).map((v) => `${r.group}/${v}`))} (\`v1\` for new resources where it exists).` } });
    return;
  }
  notChecked({
    ko: `\`${r.kind}\`(\`${r.apiVersion}\`)는 설정 검사기가 모르는 종류라 필드를 검사하지 않았다.${hint ? ` \`${hint}\`를 뜻했나?` : ''}`,
    en: `\`${r.kind}\` (\`${r.apiVersion}\`) is a kind the validator does not know, so its fields were not checked.${hint ? ` Did you mean \`${hint}\`?` : ''}` });
}

export const rule: Rule = {
  id: 'schema',
  severity: 'error',
  title: { ko: '스키마 위반(필드, 형식, 허용 값)', en: 'Schema violation (field, type, allowed value)' },
  summary: {
    ko: 'Istio CRD 스키마(`@kubernetes-models/istio`가 Istio CRD에서 생성한 검증 코드), Gateway API 스키마(`@kubernetes-models/gateway-api`), `Secret`의 구조에 맞지 않는다. 모르는 필드, 잘못된 형식, 허용되지 않는 enum 값(`mode: MUTAl`)이 대표적이다. 리소스가 거부되거나 필드가 조용히 버려진다. 메시지의 제안(예: `MUTUAL`)대로 고치자. Istio 1.30이 제공하지 않는 API 버전이나 철자가 틀린 Istio 종류도 오류다. `status`는 검사하지 않는다(컨트롤러가 쓰는 부분이다). 설정 검사기가 모르는 종류와 Kubernetes 리소스도 Envoy 설정도 아닌 문서는 검사하지 않았다고 `info`로 알린다.',
    en: 'The resource does not match the Istio CRD schema (validators generated from Istio\'s CRDs by `@kubernetes-models/istio`), the Gateway API schema (`@kubernetes-models/gateway-api`) or the shape of `Secret`: unknown fields, wrong types, values outside an enum (`mode: MUTAl`). The resource is rejected or the field silently dropped. Apply the suggestion in the message (for example `MUTUAL`). An API version Istio 1.30 does not serve, or a misspelled Istio kind, is an error too. `status` is not checked: controllers write it. A kind the validator does not know, and a document that is neither a Kubernetes resource nor Envoy config, get an `info` saying it was not checked.',
  },
  docs: 'tools/validator/',
  check(ctx) {
    const resources = new Set(ctx.resources.map((r) => r.src));
    const plain = new Map<string, ParsedDoc[]>();
    for (const d of ctx.docs) {
      if (d.value === undefined || d.value === null) continue;
      if (resources.has(d) || envoyForm(d.value)) continue;
      const v = d.value;
      // Only a document shaped like a resource (metadata or spec) is a resource missing its kind or
      // apiVersion; Helm's Chart.yaml (apiVersion, name, version) and the like are other files.
      if (isObj(v) && ('kind' in v || 'apiVersion' in v) && ('metadata' in v || 'spec' in v)) {
        const missing = 'kind' in v ? 'apiVersion' : 'kind';
        ctx.report({ rule: 'schema', at: d, path: [], msg: { ko: `\`${missing}\`가 없어 Kubernetes가 이 리소스를 받지 않는다. \`apiVersion\`과 \`kind\`를 함께 쓰자.`, en: `\`${missing}\` is missing, so Kubernetes will not accept this resource. Write both \`apiVersion\` and \`kind\`.` } });
      } else (plain.get(d.file) ?? plain.set(d.file, []).get(d.file)!).push(d);
    }
    // Once per file, on the first such document: a List of thousands of plain items is one note.
    for (const [, list] of plain) {
      const more = list.length - 1;
      ctx.report({ rule: 'schema', at: list[0]!, path: [], severity: 'info', msg: {
        ko: `Kubernetes 리소스(\`apiVersion\`, \`kind\`)도 Envoy 설정도 아닌 문서라 YAML 문법만 검사했다.${more ? ` 이 파일에 이런 문서가 ${more.toLocaleString('en')}개 더 있다.` : ''}`,
        en: `This document is neither a Kubernetes resource (\`apiVersion\`, \`kind\`) nor Envoy config, so only its YAML syntax was checked.${more ? ` This file has ${more.toLocaleString('en')} more document${more === 1 ? '' : 's'} like it.` : ''}` } });
    }
    for (const r of ctx.resources) {
      if (r.group === '' && r.kind === 'Secret') { checkSecret(ctx, r); continue; }
      if (!CRD_GROUPS.includes(r.group)) {
        // A custom resource of another project: say it was not checked (built-in kinds stay quiet).
        if (r.group.includes('.') && !r.group.endsWith('k8s.io')) unmodelled(ctx, r);
        continue;
      }
      if (!hasModel(r.apiVersion, r.kind)) { unmodelled(ctx, r); continue; }
      if (!r.name) ctx.report({ rule: 'schema', at: r, path: ['metadata'], msg: { ko: '`metadata.name`이 없다. 이름 없는 리소스는 적용되지 않는다.', en: '`metadata.name` is missing; a resource without a name cannot be applied.' } });
      for (const issue of validateIstio(r.obj)) {
        if (issue.kind === 'type' && isIstioDurationPath(issue.path)) continue; // duration-unit explains it better
        ctx.report({ rule: 'schema', at: r, path: issue.path, on: issue.kind === 'unknown' ? 'key' : 'value', msg: istioMessage(issue, valueAt(r.obj, issue.path)) });
      }
    }
  },
};
