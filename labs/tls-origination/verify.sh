#!/usr/bin/env bash
# Prove TLS origination: the client speaks plain HTTP, Envoy opens TLS to the upstream with the
# right SNI, and verifies the upstream's certificate (chain and SAN). The control route
# /wrong-san/ expects a SAN the upstream lacks: it must fail, or the SAN check is not on.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

responds_with "a plain HTTP request comes back from the TLS upstream" 200 "upstream got TLSv1." \
  "http://127.0.0.1:$HTTP_PORT/hello"
responds_with "Envoy sent the SNI the upstream expects (not the container name)" 200 "sni=upstream.lab.internal" \
  "http://127.0.0.1:$HTTP_PORT/hello"
responds_with "control: a cluster that expects another SAN refuses the same upstream (503)" 503 "" \
  "http://127.0.0.1:$HTTP_PORT/wrong-san/"
sleep 1
log="$(envoy_log envoy | grep '"GET /wrong-san/"' | tail -n 1 || true)"
expect_contains "control: the access log gives the reason, CERTIFICATE_VERIFY_FAILED" \
  "${log:-no access-log line for /wrong-san/}" "CERTIFICATE_VERIFY_FAILED"

stats="$(curl -sS --max-time 5 "http://127.0.0.1:$ADMIN_PORT/stats?filter=ssl" || true)"
stat() { awk -F': ' -v k="$1" '$1 == k { print $2 }' <<<"$stats"; }
handshakes="$(stat cluster.upstream_tls.ssl.handshake)"
if [[ "${handshakes:-0}" -ge 1 ]]; then
  pass "Envoy completed TLS handshakes as a client" "cluster.upstream_tls.ssl.handshake: $handshakes"
else
  fail "Envoy completed TLS handshakes as a client" "cluster.upstream_tls.ssl.handshake: ${handshakes:-missing}"
fi
expect_contains "no SAN verification failures on the real cluster" \
  "cluster.upstream_tls.ssl.fail_verify_san: $(stat cluster.upstream_tls.ssl.fail_verify_san)" "fail_verify_san: 0"
wrong="$(stat cluster.upstream_wrong_san.ssl.fail_verify_san)"
if [[ "${wrong:-0}" -ge 1 ]]; then
  pass "control: the SAN check ran and failed on the control cluster" "cluster.upstream_wrong_san.ssl.fail_verify_san: $wrong"
else
  fail "control: the SAN check ran and failed on the control cluster" "cluster.upstream_wrong_san.ssl.fail_verify_san: ${wrong:-missing}"
fi
finish_verify
