#!/usr/bin/env bash
# kind + Istio, a partner nginx outside the mesh (no client certificate needed here), and the
# egress configuration in PASSTHROUGH mode.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./setup.sh [--dry-run]   (env: CLUSTER=$CLUSTER PARTNER_CONTAINER=$PARTNER_CONTAINER PARTNER_HOST=$PARTNER_HOST CURL_IMAGE=$CURL_IMAGE)"; }
parse_common_args "$@"

say "$(t 'kind 클러스터와 Istio' 'kind cluster and Istio') ($KIND_NODE_IMAGE, Istio $ISTIO_VERSION)"
cluster_up
say "$(t '파트너 서버' 'partner server')"
partner_up off
say "$(t '파트너 CA: 앱용 ConfigMap, 게이트웨이용 Secret' "the partner's CA: a ConfigMap for the app, a Secret for the gateway")"
k -n "$NS" delete configmap partner-ca --ignore-not-found
k -n "$NS" create configmap partner-ca --from-file=ca.crt="$WORK_DIR/certs/partner-ca.crt"
k -n "$GATEWAY_NS" delete secret partner-ca-only --ignore-not-found
k -n "$GATEWAY_NS" create secret generic partner-ca-only --from-file=ca.crt="$WORK_DIR/certs/partner-ca.crt"
# The client pod mounts the ConfigMap; restart it so the mount is there.
k -n "$NS" rollout restart deploy/client
k -n "$NS" rollout status deploy/client --timeout=180s
say "$(t 'PASSTHROUGH 모드 (실습 7의 객체는 지운다)' 'PASSTHROUGH mode (lab 7 objects removed first)')"
reset_partner_objects
"$LAB_DIR/mode.sh" passthrough
say "$(t '준비 완료. 다음: ./verify.sh' 'ready; next: ./verify.sh')"
