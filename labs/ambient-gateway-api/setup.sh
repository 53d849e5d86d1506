#!/usr/bin/env bash
# kind + Gateway API CRDs + Istio in ambient mode; the apps in an ambient namespace; an ingress
# Gateway that terminates one host and passes another through; an egress waypoint that
# originates mutual TLS to the partner nginx outside the cluster.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./setup.sh [--dry-run]   (env: CLUSTER=$CLUSTER PARTNER_CONTAINER=$PARTNER_CONTAINER PARTNER_HOST=$PARTNER_HOST CURL_IMAGE=$CURL_IMAGE NGINX_IMAGE=$NGINX_IMAGE)"; }
parse_common_args "$@"

say "$(t 'kind 클러스터, Gateway API CRD, 앰비언트 모드 Istio' 'kind cluster, Gateway API CRDs, Istio in ambient mode') ($KIND_NODE_IMAGE, Gateway API $GATEWAY_API_VERSION, Istio $ISTIO_VERSION)"
ambient_cluster_up
say "$(t '인증서' 'certificates')"
make_certs
say "$(t '파트너 서버 (ssl_verify_client on)' 'partner server (ssl_verify_client on)')"
partner_up on

say "$(t '앰비언트 네임스페이스의 애플리케이션' 'the apps, in an ambient namespace')"
k_apply "$LAB_DIR/k8s/apps.yaml"
tls_secret "$NS" secure-backend-tls secure secure
for d in client web secure; do
  k -n "$NS" rollout status "deploy/$d" --timeout=180s
done

say "$(t '인그레스 Gateway (종료 하나, 패스스루 하나)' 'ingress Gateway (one host terminated, one passed through)')"
k_apply "$LAB_DIR/k8s/ingress.yaml"
tls_secret "$INGRESS_NS" web-cert web web
k -n "$INGRESS_NS" wait --for=condition=Programmed "gateway/$INGRESS_GATEWAY" --timeout=180s

say "$(t '이그레스 웨이포인트와 TLS 오리지네이션 (MUTUAL)' 'egress waypoint and TLS origination (MUTUAL)')"
k_apply "$LAB_DIR/k8s/egress.yaml"
# The waypoint's client certificate and the CA it checks the partner against; for the negative
# control (SIMPLE), the CA alone.
tls_secret "$GATEWAY_NS" partner-client-cert egress-client egress-client partner-ca
k -n "$GATEWAY_NS" delete secret partner-ca-only --ignore-not-found
k -n "$GATEWAY_NS" create secret generic partner-ca-only --from-file=ca.crt="$WORK_DIR/certs/partner-ca.crt"
k -n "$GATEWAY_NS" wait --for=condition=Programmed gateway/waypoint --timeout=180s
say "$(t '준비 완료. 다음: ./verify.sh' 'ready; next: ./verify.sh')"
