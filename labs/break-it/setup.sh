#!/usr/bin/env bash
# Generate the good and the broken certificates, then start the front Envoy and the partner Envoy.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./setup.sh [--dry-run]   (env: HTTP_PORT=$HTTP_PORT TLS_PORT=$TLS_PORT ADMIN_PORT=$ADMIN_PORT PROJECT=$PROJECT)"; }
parse_common_args "$@"

say "$(t '인증서 만들기' 'certificates') -> $CERTS"
make_certs
say "$(t '컨테이너 시작' 'start the containers')"
compose_up
wait_ready "http://127.0.0.1:$ADMIN_PORT/ready"
say "$(t '준비 완료. 다음: ./break.sh expired-cert (시나리오 전부는 ./verify.sh)' 'ready; next: ./break.sh expired-cert (or ./verify.sh for all of them)')"
