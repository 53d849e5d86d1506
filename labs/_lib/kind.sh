# shellcheck shell=bash
# Helpers for the kind + Istio labs (6 and 7). Source lib.sh, certs.sh and partner.sh first.
# shellcheck source=versions.sh
source "$LIB_DIR/versions.sh"

CLUSTER="${CLUSTER:-meshtls}"                      # kind cluster name
PARTNER_CONTAINER="${PARTNER_CONTAINER:-meshtls-partner}"
NS=meshtls-lab                                     # fixed: the manifests name it
export CLUSTER PARTNER_CONTAINER

k() { run kubectl --context "kind-$CLUSTER" "$@"; }
# kq: kubectl without echoing the command (for reading state in verify steps).
kq() { kubectl --context "kind-$CLUSTER" "$@"; }

prereq_kind() {
  need_tool docker "$(t 'Docker가 필요하다: https://docs.docker.com/get-docker/' 'install Docker: https://docs.docker.com/get-docker/')"
  need_tool kind "$(t "kind $KIND_MIN_VERSION 이상: https://kind.sigs.k8s.io/docs/user/quick-start/" "kind $KIND_MIN_VERSION or later: https://kind.sigs.k8s.io/docs/user/quick-start/")"
  if command -v kind >/dev/null 2>&1; then
    need_version kind "$(kind version 2>/dev/null | awk '{print $2}' | tr -d 'v')" "$KIND_MIN_VERSION"
  fi
  need_tool kubectl "$(t 'kubectl: https://kubernetes.io/docs/tasks/tools/' 'kubectl: https://kubernetes.io/docs/tasks/tools/')"
  need_tool istioctl "$(t "istioctl $ISTIO_VERSION: curl -L https://istio.io/downloadIstio | ISTIO_VERSION=$ISTIO_VERSION sh -" "istioctl $ISTIO_VERSION: curl -L https://istio.io/downloadIstio | ISTIO_VERSION=$ISTIO_VERSION sh -")"
  if command -v istioctl >/dev/null 2>&1; then
    local have
    have="$(istioctl version --remote=false 2>/dev/null | head -n1 | tr -dc '0-9.')"
    if [[ "$have" == 1.30.* ]]; then
      printf '  ok       %-10s %s (1.30.x)\n' istioctl "$have"
    else
      printf '  WRONG    %-10s %s\n' istioctl "$(t "$have 이다. 1.30.x가 필요하다" "$have found; need 1.30.x")"
      PREREQ_MISSING=$((PREREQ_MISSING + 1))
    fi
  fi
  need_tool curl "$(t 'curl을 설치하자' 'install curl')"
  check_openssl
}

# cluster_up: a kind cluster with Istio (egress gateway, access logs on). Skips what exists.
cluster_up() {
  if [[ "$DRY_RUN" != 1 ]] && kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
    say "$(t "kind 클러스터 $CLUSTER 가 이미 있다" "kind cluster $CLUSTER already exists")"
  else
    run kind create cluster --name "$CLUSTER" --image "$KIND_NODE_IMAGE" --wait 180s
  fi
  if [[ "$DRY_RUN" != 1 ]] && kq -n istio-system get deploy istio-egressgateway >/dev/null 2>&1; then
    say "$(t 'Istio가 이미 설치되어 있다' 'Istio is already installed')"
  else
    run istioctl --context "kind-$CLUSTER" install -y -f "$LIB_DIR/k8s/istio.yaml"
  fi
  k apply -f "$LIB_DIR/k8s/client.yaml"
  k -n "$NS" rollout status deploy/client --timeout=180s
}

# partner_up VERIFY_CLIENT: (re)start the partner nginx on the kind Docker network, reachable
# from the pods as $PARTNER_HOST, outside the mesh and outside the cluster.
partner_up() {
  partner_certs "$WORK_DIR/certs"
  render_partner_conf "$WORK_DIR/partner/nginx.conf" 443 /etc/nginx/partner /tmp "$1" /dev/stdout /dev/stderr
  run docker rm -f "$PARTNER_CONTAINER"
  run docker run -d --name "$PARTNER_CONTAINER" --network kind --network-alias "$PARTNER_HOST" \
    -v "$WORK_DIR/partner/nginx.conf:/etc/nginx/nginx.conf:ro" -v "$WORK_DIR/certs:/etc/nginx/partner:ro" \
    "$NGINX_IMAGE"
}

# in_client CMD...: run CMD in the client pod's app container (its traffic goes through the sidecar).
in_client() { kq -n "$NS" exec deploy/client -c client -- "$@"; }

# gateway_lines: how many egress gateway access-log lines mention the partner so far.
gateway_lines() {
  kq -n istio-system logs deploy/istio-egressgateway 2>/dev/null | grep -c "$PARTNER_HOST" || true
}

kind_teardown() {
  if command -v docker >/dev/null 2>&1; then run docker rm -f "$PARTNER_CONTAINER" || true; fi
  if command -v kind >/dev/null 2>&1; then run kind delete cluster --name "$CLUSTER" || true; fi
  run rm -rf "$WORK_DIR"
}
