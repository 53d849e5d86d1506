#!/usr/bin/env bash
# Prove mutual TLS in both directions: Envoy demands and checks the client's certificate, and
# Envoy presents its own certificate to an upstream that demands one.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

url="https://$MTLS_HOST:$HTTPS_PORT/hello"
common=(--cacert "$CERTS/ca.crt" --resolve "$MTLS_HOST:$HTTPS_PORT:127.0.0.1")

responds_with "with a client certificate from the lab CA the request goes through" 200 "verify=SUCCESS" \
  "${common[@]}" --cert "$CERTS/client.crt" --key "$CERTS/client.key" "$url"
responds_with "the upstream verified Envoy's own client certificate (hop 2)" 200 "CN=envoy-front" \
  "${common[@]}" --cert "$CERTS/client.crt" --key "$CERTS/client.key" "$url"
responds_with "Envoy passed the client's identity on in x-forwarded-client-cert (hop 1)" 200 "URI=spiffe://lab.internal/client" \
  "${common[@]}" --cert "$CERTS/client.crt" --key "$CERTS/client.key" "$url"
fails_with "without a client certificate Envoy ends the handshake" "alert" \
  curl -sS --max-time 10 "${common[@]}" "$url"
fails_with "a client certificate from another CA is refused (unknown ca)" "unknown ca" \
  curl -sS --max-time 10 "${common[@]}" --cert "$CERTS/rogue-client.crt" --key "$CERTS/rogue-client.key" "$url"
finish_verify
