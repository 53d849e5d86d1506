#!/usr/bin/env bash
# docker compose for this lab, with what compose.yaml needs already set: the pinned images from
# _lib/versions.sh, the certificate folder, the ports and the project name (and your overrides).
#   ./compose.sh ps | ./compose.sh logs envoy | ./compose.sh restart envoy
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
compose_cli "$@"
