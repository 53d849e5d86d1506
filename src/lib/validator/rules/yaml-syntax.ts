import type { Rule, Text } from '../types.ts';

const explain = (code: string, raw: string): Text => {
  switch (code) {
    case 'TAB_AS_INDENT':
      return { ko: '들여쓰기에 탭 문자가 있다. YAML은 들여쓰기에 탭을 허용하지 않으므로 이 문서는 적용되지 않는다. 탭을 공백으로 바꾸자.',
        en: 'A tab character is used for indentation. YAML forbids tabs in indentation, so this document is rejected. Replace the tab with spaces.' };
    case 'DUPLICATE_KEY':
      return { ko: '같은 키가 한 맵에 두 번 나온다. 도구마다 앞이나 뒤 값 하나만 남기거나 거부한다. 키 하나로 합치자.',
        en: 'The same key appears twice in one mapping. Tools keep only one of the values or reject the file. Merge them into one key.' };
    case 'BAD_INDENT': case 'MISSING_CHAR': case 'UNEXPECTED_TOKEN': case 'BLOCK_AS_IMPLICIT_KEY': case 'MULTILINE_IMPLICIT_KEY':
      return { ko: `들여쓰기나 괄호가 맞지 않아 구조를 읽을 수 없다(${raw}). 같은 수준의 키는 같은 칸에서 시작하게 맞추자.`,
        en: `The indentation or brackets do not line up, so the structure cannot be read (${raw}). Start keys of the same level in the same column.` };
    case 'ALIAS_COUNT':
      return { ko: '앨리어스(*이름) 참조가 너무 많다. 앨리어스 폭탄 같은 입력은 검사하지 않는다. 앨리어스 대신 값을 직접 쓰자.',
        en: 'Too many alias (*name) references: input like an alias bomb is not expanded. Write the values out instead of aliasing them.' };
    default:
      return { ko: `YAML 문법 오류: ${raw}. 이 문서는 해석되지 않아 다른 검사도 하지 않았다.`,
        en: `YAML syntax error: ${raw}. The document could not be read, so no other check ran on it.` };
  }
};

export const rule: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  title: { ko: 'YAML 문법 오류', en: 'YAML syntax error' },
  summary: {
    ko: 'YAML로 읽을 수 없는 문서다. 들여쓰기의 탭, 어긋난 들여쓰기, 중복 키, 닫히지 않은 괄호가 흔한 원인이다. `kubectl apply`나 Envoy가 설정을 거부하거나, 중복 키처럼 한쪽 값이 조용히 사라진다. 들여쓰기는 공백으로만 하고, 같은 수준의 키는 같은 칸에 맞추고, 키는 한 번만 쓰자.',
    en: 'The document is not valid YAML: tabs in indentation, misaligned indentation, duplicate keys and unclosed brackets are the usual causes. `kubectl apply` or Envoy rejects the config, or, with duplicate keys, one value silently disappears. Indent with spaces only, align keys of the same level, and write each key once.',
  },
  docs: 'envoy/envoy-in-20-minutes/',
  check(ctx) {
    for (const p of ctx.problems) {
      ctx.report({ rule: 'yaml-syntax', at: p.src, path: [], offsets: [p.offset, Math.max(p.endOffset, p.offset + 1)], msg: explain(p.code, p.message) });
    }
  },
};
