#!/usr/bin/env bash
# Two ways to see that the waypoint is what makes the egress call mutual TLS. Each step starts
# from the working configuration of setup.sh, whatever ran before it.
#   simple          negative control: the waypoint originates SIMPLE TLS -> the partner answers 400
#   skip-waypoint   the ServiceEntry loses istio.io/use-waypoint -> ztunnel handles the call alone:
#                   no TLS origination, no client certificate, nothing in the waypoint's log
# ./fix.sh puts the working configuration back.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./break.sh simple|skip-waypoint"; }
if [[ $# -ne 1 ]]; then usage >&2; exit 2; fi
case "$1" in
  simple|skip-waypoint) ;;
  -h|--help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

restore_working
case "$1" in
  simple)
    k_apply "$LAB_DIR/k8s/dr-simple.yaml"
    sleep 5
    answer="$(call_partner)"
    expect_contains "with SIMPLE the partner refuses: the waypoint sent no client certificate" "$answer" "HTTP 400"
    expect_contains "nginx says why" "$answer" "No required SSL certificate was sent"
    ;;
  skip-waypoint)
    k_apply "$LAB_DIR/k8s/se-no-waypoint.yaml"
    sleep 5
    before="$(gateway_lines)"
    answer="$(call_partner)"
    sleep 2
    expect_not_contains "without the waypoint the partner verifies no client certificate" "$answer" "verify=SUCCESS"
    expect_gateway_silent "the waypoint's log stayed empty: ztunnel handled the call alone" "$before"
    ;;
esac
finish_verify
