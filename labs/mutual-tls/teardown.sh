#!/usr/bin/env bash
# Remove the containers, the network and every generated file. Safe to run any number of times.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./teardown.sh"; }
parse_common_args "$@"
compose_teardown
say "$(t '정리 완료' 'clean')"
