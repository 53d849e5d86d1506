#!/usr/bin/env bash
# The same call both ways, and what the egress gateway can log in each.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

"$LAB_DIR/mode.sh" passthrough >/dev/null
answer="$(call passthrough)"
expect_contains "PASSTHROUGH: the app's own TLS reached the partner" "$answer" "HTTP 200"
sleep 2
line="$(last_gateway_line)"
expect_contains "PASSTHROUGH: the gateway logged a TCP connection, no method, no path" "$line" '"- - -"'
expect_not_contains "PASSTHROUGH: the request path is not in the gateway's log" "$line" "/hello"

"$LAB_DIR/mode.sh" simple >/dev/null
answer="$(call simple)"
expect_contains "SIMPLE: the app's plain HTTP call came back over the gateway's TLS" "$answer" "tls=TLSv1."
sleep 2
line="$(last_gateway_line)"
expect_contains "SIMPLE: the gateway logged the HTTP request with its path" "$line" "GET /hello"

"$LAB_DIR/mode.sh" passthrough >/dev/null
finish_verify
