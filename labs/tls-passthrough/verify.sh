#!/usr/bin/env bash
# Prove TLS passthrough: Envoy routes by SNI alone, each backend terminates its own TLS, and Envoy
# never holds a key or sees a request.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

for name in a b; do
  host="$name.lab.internal"
  responds_with "SNI $host reaches backend $name, which terminated TLS itself" 200 "served by backend-$name" \
    --cacert "$CERTS/ca.crt" --resolve "$host:$TLS_PORT:127.0.0.1" "https://$host:$TLS_PORT/"
  served="$(openssl s_client -connect "127.0.0.1:$TLS_PORT" -servername "$host" </dev/null 2>/dev/null \
    | openssl x509 -noout -fingerprint -sha256 2>/dev/null || true)"
  own="$(openssl x509 -in "$CERTS/$name.crt" -noout -fingerprint -sha256)"
  expect_contains "the certificate the client got is backend $name's own" "$served" "${own#*=}"
done
fails_with "an SNI no filter chain matches is refused (no default chain, no decryption)" "curl: (35)" \
  curl -sS --max-time 10 --cacert "$CERTS/ca.crt" --resolve "c.lab.internal:$TLS_PORT:127.0.0.1" "https://c.lab.internal:$TLS_PORT/"
dump="$(curl -sS --max-time 5 "http://127.0.0.1:$ADMIN_PORT/config_dump" || true)"
expect_contains "Envoy's live config has the tls_inspector listener filter" "$dump" "envoy.filters.listener.tls_inspector"
expect_not_contains "Envoy's live config has no DownstreamTlsContext: no certificate, no key" "$dump" "DownstreamTlsContext"
sleep 1
log="$(envoy_log envoy | grep 'sni=a.lab.internal' | tail -n 1 || true)"
expect_contains "Envoy's access log knows the SNI and byte counts, and nothing of HTTP" "$log" "cluster=backend_a"
finish_verify
