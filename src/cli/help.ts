// Usage and help of the whole CLI, in both languages. The exit codes are documented here and on
// the validator page (content/*/tools/validator.mdx); lint.test.ts checks both against lint.
import type { Lang } from '../lib/site/urls.ts';

export const USAGE: Record<Lang, string> = {
  en: `Usage:
  meshtls lint [--format text|json|sarif|github] [--lang ko|en] FILE...   (- reads stdin)
  meshtls decode [--format text|json] [--lang ko|en] [--proxy sidecar|gateway] [TEXT...]   (no TEXT: stdin, one entry per line)
  meshtls cert [--host NAME] [--ca FILE] [--purpose server|client] [--at ISO-TIME] [--format text|json] FILE...
  meshtls explain [--format text|json] [--lang ko|en] [--at ISO-TIME] FILE...   (- reads stdin)
  meshtls --help | --version
`,
  ko: `사용법:
  meshtls lint [--format text|json|sarif|github] [--lang ko|en] FILE...   (-는 표준 입력)
  meshtls decode [--format text|json] [--lang ko|en] [--proxy sidecar|gateway] [TEXT...]   (TEXT가 없으면 표준 입력, 한 줄에 항목 하나)
  meshtls cert [--host NAME] [--ca FILE] [--purpose server|client] [--at ISO-TIME] [--format text|json] FILE...
  meshtls explain [--format text|json] [--lang ko|en] [--at ISO-TIME] FILE...   (-는 표준 입력)
  meshtls --help | --version
`,
};

export const HELP: Record<Lang, string> = {
  en: `meshtls: checks Istio, Kubernetes and Envoy YAML for TLS and egress mistakes (lint) and
explains TLS errors and Envoy access-log lines (decode), inspects certificates, chains and
keys (cert) and maps the TLS of a proxy's config dump (explain). Nothing is sent anywhere.

${USAGE.en}
Options:
  --format text     each finding as FILE:LINE:COLUMN: severity [rule] resource, then its
                    message and the page that explains it (default)
  --format json     {"findings": [...], "summary": {...}}
  --format sarif    SARIF 2.1.0, for GitHub code scanning (lint only)
  --format github   GitHub Actions annotations (::error file=...::...) (lint only)
  --lang ko|en      language of the messages. Without it: LC_ALL, else LC_MESSAGES, else LANG;
                    Korean for ko*, English for anything else (C, POSIX, unset)
  --proxy sidecar|gateway
                    decode only: the proxy that wrote the access-log lines (an application's
                    sidecar or the egress gateway), when the line alone cannot say which hop
                    failed. Without it, the addresses in the line decide, else both readings
  -h, --help        this help
  -V, --version     the version of meshtls

Exit codes of lint:
  0  no error finding (warnings and notes alone do not fail)
  1  at least one error finding
  2  usage error, or a FILE that cannot be read
decode exits 0 (also when it recognises nothing) and 2 on a usage error.
cert exits 0 when a handshake would succeed, 1 when it would not, 2 on a usage error.
explain exits 0 without an error finding, 1 with one, 2 on a usage error, an unreadable FILE or
input that is not a proxy dump.
`,
  ko: `meshtls: Istio·Kubernetes·Envoy YAML에서 TLS와 이그레스 설정의 실수를 찾고(lint),
TLS 오류와 Envoy 액세스 로그 줄을 풀이하고(decode), 인증서·체인·키를 검사하고(cert),
프록시 설정 덤프의 TLS 지도를 그린다(explain).
입력은 어디로도 보내지 않는다.

${USAGE.ko}
옵션:
  --format text     지적마다 FILE:LINE:COLUMN: 심각도 [규칙] 리소스와 설명, 설명 페이지 주소를
                    찍는다(기본값)
  --format json     {"findings": [...], "summary": {...}}
  --format sarif    GitHub 코드 스캐닝용 SARIF 2.1.0 (lint 전용)
  --format github   GitHub Actions 주석(::error file=...::...) (lint 전용)
  --lang ko|en      메시지 언어. 주지 않으면 LC_ALL, LC_MESSAGES, LANG 순으로 처음 값이 있는 변수를 본다.
                    ko로 시작하면 한국어, 그 밖의 값(C, POSIX, 없음)은 영어다
  --proxy sidecar|gateway
                    decode 전용: 액세스 로그 줄을 쓴 프록시(애플리케이션의 사이드카 또는 이그레스
                    게이트웨이). 줄만으로는 어느 홉이 실패했는지 알 수 없을 때 쓴다. 주지 않으면
                    줄의 주소로 판단하고, 주소로도 알 수 없으면 두 경우를 모두 설명한다
  -h, --help        이 도움말
  -V, --version     meshtls 버전

lint의 종료 코드:
  0  오류 지적이 없다(경고와 참고만 있으면 0이다)
  1  오류 지적이 하나 이상 있다
  2  사용법이 틀렸거나 읽을 수 없는 FILE이 있다
decode는 0으로 끝나고(알아본 것이 없어도 0), 사용법이 틀리면 2로 끝난다.
cert는 핸드셰이크가 성공할 인증서면 0, 실패할 인증서면 1, 사용법이 틀리면 2로 끝난다.
explain은 오류 지적이 없으면 0, 있으면 1, 사용법이 틀렸거나 읽을 수 없는 FILE이나 프록시 덤프가 아닌
입력이 있으면 2로 끝난다.
`,
};
