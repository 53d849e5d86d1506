#!/usr/bin/env bash
# Prove that Envoy terminates TLS: the client verifies Envoy's certificate, the backend gets
# plain HTTP, and Envoy (having decrypted) can log the request path.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

url="https://$APP_HOST:$HTTPS_PORT/hello"
resolve=(--resolve "$APP_HOST:$HTTPS_PORT:127.0.0.1")

responds_with "client trusts the lab CA and gets the backend's answer over HTTPS" 200 "backend scheme=http" \
  --cacert "$CERTS/ca.crt" "${resolve[@]}" "$url"
responds_with "Envoy tells the backend the original scheme was https (x-forwarded-proto)" 200 "x-forwarded-proto=https" \
  --cacert "$CERTS/ca.crt" "${resolve[@]}" "$url"
fails_with "without the lab CA the client refuses Envoy's certificate (curl exit 60)" "(60)" \
  curl -sS --max-time 10 "${resolve[@]}" "$url"
served="$(openssl s_client -connect "127.0.0.1:$HTTPS_PORT" -servername "$APP_HOST" </dev/null 2>/dev/null \
  | openssl x509 -noout -subject -ext subjectAltName 2>/dev/null || true)"
expect_contains "Envoy presents the lab's server certificate with the right SAN" "$served" "DNS:$APP_HOST"
sleep 1
log="$(envoy_log envoy | grep 'GET /hello' | tail -n 1 || true)"
expect_contains "Envoy's access log shows the path: it saw the decrypted request" "$log" "GET /hello"
expect_contains "Envoy's access log shows the TLS version it negotiated downstream" "$log" "tls=TLSv1."
finish_verify
