#!/usr/bin/env bash
# Reproduce one TLS error, show the access-log line that records it, and link the line to the
# decoder and to the error reference. Nothing needs fixing afterwards: each scenario has its own
# route and cluster, and /ok/ keeps working.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() {
  echo "usage: ./break.sh SCENARIO   (SCENARIO: $(scenario_names | paste -sd' ' -))"
}
if [[ $# -ne 1 || "$1" == -h || "$1" == --help ]]; then usage; exit 2; fi
scenario="$1"
if ! scenario_field "$scenario" request >/dev/null; then
  printf '%s\n' "$(t "모르는 시나리오: $scenario" "unknown scenario: $scenario")" >&2
  usage >&2
  exit 2
fi

since="$(envoy_log front | wc -l)"
say "$(t '요청을 보낸다' 'send the request') ($(scenario_field "$scenario" request))"
# What the client got (Envoy's 503 body has no final newline; keep the next line apart).
printf '%s\n' "$(reproduce "$scenario")"
sleep 1
line="$(failure_line "$scenario" "$since")"
if [[ -z "$line" ]]; then
  die "$(t '액세스 로그에 실패 줄이 없다. ./setup.sh를 먼저 실행했는지 보자.' 'no failure line in the access log; did ./setup.sh run?')"
fi
say "$(t 'front Envoy 액세스 로그' 'front Envoy access log')"
printf '%s\n\n' "$line"
say "$(t '오류 디코더로 보기' 'open it in the decoder')"
printf '%s\n' "$(decoder_link "$line")"
say "$(t '오류 설명 페이지' 'error reference')"
printf '%s\n' "$(error_link "$(scenario_field "$scenario" error_id)")"
