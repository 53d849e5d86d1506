#!/usr/bin/env bash
# kind + Istio, the partner nginx outside the mesh, the gateway's client certificate as a Secret,
# and the double-mTLS egress configuration.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./setup.sh [--dry-run]   (env: CLUSTER=$CLUSTER PARTNER_CONTAINER=$PARTNER_CONTAINER PARTNER_HOST=$PARTNER_HOST CURL_IMAGE=$CURL_IMAGE)"; }
parse_common_args "$@"

say "$(t 'kind 클러스터와 Istio' 'kind cluster and Istio') ($KIND_NODE_IMAGE, Istio $ISTIO_VERSION)"
cluster_up
say "$(t '파트너 서버 (ssl_verify_client on)' 'partner server (ssl_verify_client on)')"
partner_up on
say "$(t '게이트웨이의 클라이언트 인증서 시크릿 (게이트웨이와 같은 네임스페이스)' "the gateway's client certificate Secret (same namespace as the gateway)")"
# Recreate rather than fail when it exists: setup may run twice.
k -n "$GATEWAY_NS" delete secret partner-client-cert partner-ca-only --ignore-not-found
k -n "$GATEWAY_NS" create secret generic partner-client-cert \
  --from-file=tls.crt="$WORK_DIR/certs/egress-client.crt" \
  --from-file=tls.key="$WORK_DIR/certs/egress-client.key" \
  --from-file=ca.crt="$WORK_DIR/certs/partner-ca.crt"
# For the negative control (SIMPLE): the partner's CA only, no client certificate.
k -n "$GATEWAY_NS" create secret generic partner-ca-only --from-file=ca.crt="$WORK_DIR/certs/partner-ca.crt"
say "$(t '이중 mTLS 이그레스 구성 (실습 6의 객체는 지운다)' 'double-mTLS egress configuration (lab 6 objects removed first)')"
reset_partner_objects
k_apply "$LAB_DIR/k8s/egress.yaml"
say "$(t '준비 완료. 다음: ./verify.sh' 'ready; next: ./verify.sh')"
