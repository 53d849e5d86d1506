#!/usr/bin/env bash
# The good path works, and every scenario fails with the reason the troubleshooting page names,
# in the access-log field it names.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

responds_with "with the good client certificate the partner answers (mTLS works)" 200 "partner says hello" \
  "http://127.0.0.1:$HTTP_PORT/ok/"

while read -r scenario; do
  since="$(envoy_log front | wc -l)"
  reproduce "$scenario" >/dev/null
  sleep 1
  line="$(failure_line "$scenario" "$since")"
  field="$(scenario_field "$scenario" field)_transport_failure_reason"
  expect_contains "$scenario: $field says $(scenario_field "$scenario" reason)" \
    "${line:-no failure line}" "$(scenario_field "$scenario" reason)"
done < <(scenario_names)

partner="$(envoy_log partner | grep -c 'downstream_transport_failure_reason=TLS' || true)"
if [[ "$partner" -ge 1 ]]; then
  pass "the partner Envoy logged its side of the failures too" "$partner lines with downstream_transport_failure_reason"
else
  fail "the partner Envoy logged its side of the failures too" "no downstream_transport_failure_reason line in the partner's log"
fi
finish_verify
