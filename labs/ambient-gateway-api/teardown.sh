#!/usr/bin/env bash
# Delete this lab's kind cluster, the partner container and every generated file. Safe to run any
# number of times.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./teardown.sh"; }
parse_common_args "$@"
kind_teardown
say "$(t '정리 완료' 'clean')"
