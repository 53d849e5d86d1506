#!/usr/bin/env bash
# Prove TLS origination: the client speaks plain HTTP, Envoy opens TLS to the upstream with the
# right SNI, and verifies the upstream's certificate (chain and SAN).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

responds_with "a plain HTTP request comes back from the TLS upstream" 200 "upstream got TLSv1." \
  "http://127.0.0.1:$HTTP_PORT/hello"
responds_with "Envoy sent the SNI the upstream expects (not the container name)" 200 "sni=upstream.lab.internal" \
  "http://127.0.0.1:$HTTP_PORT/hello"
stats="$(curl -sS --max-time 5 "http://127.0.0.1:$ADMIN_PORT/stats?filter=cluster.upstream_tls.ssl" || true)"
handshakes="$(awk -F': ' '$1 == "cluster.upstream_tls.ssl.handshake" { print $2 }' <<<"$stats")"
if [[ "${handshakes:-0}" -ge 1 ]]; then
  pass "Envoy completed TLS handshakes as a client" "cluster.upstream_tls.ssl.handshake: $handshakes"
else
  fail "Envoy completed TLS handshakes as a client" "cluster.upstream_tls.ssl.handshake: ${handshakes:-missing}"
fi
san_fail="$(awk -F': ' '$1 == "cluster.upstream_tls.ssl.fail_verify_san" { print $2 }' <<<"$stats")"
expect_contains "no SAN verification failures" "cluster.upstream_tls.ssl.fail_verify_san: ${san_fail:-missing}" "fail_verify_san: 0"
finish_verify
