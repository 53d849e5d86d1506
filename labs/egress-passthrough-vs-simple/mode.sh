#!/usr/bin/env bash
# Switch the egress configuration: passthrough (the gateway forwards the app's TLS by SNI) or
# simple (the app sends plain HTTP; the gateway originates TLS).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./mode.sh passthrough|simple [--dry-run]"; }
mode="${1:-}"
shift || true
parse_common_args "$@"
case "$mode" in
  passthrough) other=simple ;;
  simple) other=passthrough ;;
  *) usage >&2; exit 2 ;;
esac
k_delete "$LAB_DIR/k8s/$other.yaml"
k_apply "$LAB_DIR/k8s/$mode.yaml"
if [[ "$DRY_RUN" != 1 ]]; then sleep 5; fi
say "$(t "모드: $mode" "mode: $mode")"
