#!/usr/bin/env bash
# Three ways to see that "HTTP 200" is not the proof, and one way to close the gap.
#   simple         negative control: hop 2 without a client certificate -> the partner answers 400
#   bypass         remove the mesh route under ALLOW_ANY -> the sidecar goes straight out, the gateway log stays empty
#   close-bypass   REGISTRY_ONLY + the partner's ServiceEntry visible only to the gateway -> the direct path is gone
# ./fix.sh puts the working configuration back.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./break.sh simple|bypass|close-bypass"; }
if [[ $# -ne 1 ]]; then usage >&2; exit 2; fi

case "$1" in
  simple)
    k apply -f "$LAB_DIR/k8s/dr-hop2-simple.yaml"
    sleep 5
    answer="$(call_partner)"
    expect_contains "with SIMPLE the partner refuses: no client certificate was sent" "$answer" "HTTP 400"
    expect_contains "nginx says why" "$answer" "No required SSL certificate was sent"
    ;;
  bypass)
    k apply -f "$LAB_DIR/k8s/vs-gateway-only.yaml"
    sleep 5
    before="$(gateway_lines)"
    answer="$(call_partner)"
    sleep 2
    after="$(gateway_lines)"
    expect_contains "the call went straight to the partner: plain HTTP reached its TLS port" "$answer" "plain HTTP request was sent to HTTPS port"
    if [[ "$after" -eq "$before" ]]; then
      pass "the egress gateway log stayed empty: no hop 1, no hop 2" "gateway lines for $PARTNER_HOST: $before before, $after after"
    else
      fail "the egress gateway log stayed empty: no hop 1, no hop 2" "gateway lines for $PARTNER_HOST: $before before, $after after"
    fi
    ;;
  close-bypass)
    k apply -f "$LAB_DIR/k8s/close-bypass.yaml"
    sleep 5
    answer="$(call_partner)"
    expect_contains "with REGISTRY_ONLY and no route the sidecar refuses (BlackHoleCluster, 502)" "$answer" "HTTP 502"
    ;;
  *) usage >&2; exit 2 ;;
esac
finish_verify
