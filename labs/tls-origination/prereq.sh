#!/usr/bin/env bash
# Check the tools this lab needs. --dry-run also prints what setup.sh would run.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
prereq_main prereq_compose "$@"
