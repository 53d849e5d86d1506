#!/usr/bin/env bash
# Three ways to see that "HTTP 200" is not the proof, and one way to close the gap. Each step
# starts from the working configuration of setup.sh, whatever ran before it.
#   simple         negative control: hop 2 without a client certificate -> the partner answers 400
#   bypass         remove the mesh route under ALLOW_ANY -> the sidecar goes straight out, the gateway log stays empty
#   close-bypass   REGISTRY_ONLY + the partner's ServiceEntry visible only to the gateway: the route
#                  through the gateway still works, and without it the sidecar answers 502 itself
#                  (block_all, no cluster) instead of going out. Port 80 only: see close-bypass.yaml.
# ./fix.sh puts the working configuration back.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./break.sh simple|bypass|close-bypass"; }
if [[ $# -ne 1 ]]; then usage >&2; exit 2; fi
case "$1" in
  simple|bypass|close-bypass) ;;
  -h|--help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

restore_working
case "$1" in
  simple)
    k_apply "$LAB_DIR/k8s/dr-hop2-simple.yaml"
    sleep 5
    answer="$(call_partner)"
    expect_contains "with SIMPLE the partner refuses: no client certificate was sent" "$answer" "HTTP 400"
    expect_contains "nginx says why" "$answer" "No required SSL certificate was sent"
    ;;
  bypass)
    k_apply "$LAB_DIR/k8s/vs-gateway-only.yaml"
    sleep 5
    before="$(gateway_lines)"
    answer="$(call_partner)"
    sleep 2
    expect_contains "the call went straight to the partner: plain HTTP reached its TLS port" "$answer" "plain HTTP request was sent to HTTPS port"
    expect_gateway_silent "the egress gateway log stayed empty: no hop 1, no hop 2" "$before"
    ;;
  close-bypass)
    # 1. REGISTRY_ONLY in the app's namespace, the ServiceEntry visible to istio-system only, and
    #    the mesh route still there: the call must still take both hops.
    k_apply "$LAB_DIR/k8s/close-bypass.yaml"
    sleep 5
    before="$(gateway_lines)"
    answer="$(call_partner)"
    sleep 2
    expect_contains "with REGISTRY_ONLY the route through the gateway still works (the partner verified the gateway's certificate)" "$answer" "verify=SUCCESS dn=CN=egress-client"
    expect_gateway_grew "with REGISTRY_ONLY the egress gateway still logged the call" "$before"
    # 2. The same, without the mesh route (the bypass of the step above): the request matches only the
    #    catch-all virtual host block_all, whose direct_response is 502; no cluster, nothing leaves.
    k_apply "$LAB_DIR/k8s/vs-gateway-only.yaml"
    sleep 5
    before="$(gateway_lines)"
    answer="$(call_partner)"
    sleep 2
    expect_contains "without the mesh route the sidecar answers 502 itself (block_all, no cluster) instead of going out" "$answer" "HTTP 502"
    expect_gateway_silent "and nothing reached the gateway" "$before"
    ;;
esac
finish_verify
