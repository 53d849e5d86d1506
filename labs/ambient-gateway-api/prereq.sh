#!/usr/bin/env bash
# Check the tools this lab needs. --dry-run also prints what setup.sh would run.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./prereq.sh [--dry-run]"; }
parse_common_args "$@"

say "$(t '필요한 도구' 'prerequisites')"
prereq_kind
check_files "${LAB_FILES[@]}"
finish_prereq
if [[ "$DRY_RUN" == 1 ]]; then
  say "$(t 'setup.sh가 실행할 명령' 'what setup.sh would run')"
  "$LAB_DIR/setup.sh" --dry-run
fi
