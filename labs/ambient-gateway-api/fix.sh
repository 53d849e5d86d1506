#!/usr/bin/env bash
# Undo every break step: the ServiceEntry bound to the waypoint, the DestinationRule in MUTUAL.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./fix.sh"; }
parse_common_args "$@"
restore_working
say "$(t '되돌렸다. ./verify.sh로 확인하자.' 'restored; check with ./verify.sh')"
