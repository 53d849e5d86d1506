# shellcheck shell=bash
# Helpers for the kind + Istio labs (6, 7 and 8). Source lib.sh, certs.sh and partner.sh first.
# shellcheck source=versions.sh
source "$LIB_DIR/versions.sh"

# Labs 6 and 7 share the kind cluster, the namespace and the partner container (one kind cluster
# with Istio is heavy enough for a laptop). Each lab's setup removes the other lab's Istio objects
# (reset_partner_objects) and restarts the partner in its own mode (partner_up), so you can go from
# one lab to the other without a teardown. teardown.sh of either deletes the shared cluster.
CLUSTER="${CLUSTER:-meshtls}"                      # kind cluster name
PARTNER_CONTAINER="${PARTNER_CONTAINER:-meshtls-partner}"
NS=meshtls-lab                                     # fixed: the manifests name it
GATEWAY_NS=istio-egress                            # the egress gateway's namespace (the guide's)
# The Deployment whose access log shows the egress hop (the ambient lab's is its waypoint).
GATEWAY_DEPLOY="${GATEWAY_DEPLOY:-istio-egressgateway}"
export CLUSTER PARTNER_CONTAINER

k() { run kubectl --context "kind-$CLUSTER" "$@"; }
# kq: kubectl without echoing the command (for reading state in verify steps).
kq() { kubectl --context "kind-$CLUSTER" "$@"; }

# render FILE: FILE as kubectl should get it. The manifests are written with the default partner
# name and images, so the validator checks them as they are; your PARTNER_HOST, CURL_IMAGE and
# NGINX_IMAGE replace those strings here (literally: no pattern characters).
render() {
  local text
  text="$(<"$1")"
  text=${text//"$PARTNER_HOST_DEFAULT"/$PARTNER_HOST}
  text=${text//"$CURL_IMAGE_DEFAULT"/$CURL_IMAGE}
  text=${text//"$NGINX_IMAGE_DEFAULT"/$NGINX_IMAGE}
  printf '%s\n' "$text"
}

# k_apply FILE, k_delete FILE: kubectl apply / delete --ignore-not-found of the rendered FILE.
k_apply() { _k_file apply "$1"; }
k_delete() { _k_file delete "$1" --ignore-not-found; }
_k_file() {
  local verb="$1" file="$2" shown; shift 2
  shown="${file#"$LAB_DIR"/}"
  [[ "$file" == "$LIB_DIR"/* ]] && shown="../_lib/${file#"$LIB_DIR"/}"
  printf '+ kubectl --context kind-%s %s -f %s' "$CLUSTER" "$verb" "$shown"
  [[ $# -eq 0 ]] || printf ' %s' "$@"
  if [[ "$PARTNER_HOST" != "$PARTNER_HOST_DEFAULT" || "$CURL_IMAGE" != "$CURL_IMAGE_DEFAULT" ]]; then
    printf '   (with PARTNER_HOST=%s CURL_IMAGE=%s)' "$PARTNER_HOST" "$CURL_IMAGE"
  elif [[ "$NGINX_IMAGE" != "$NGINX_IMAGE_DEFAULT" ]] && grep -qF "$NGINX_IMAGE_DEFAULT" "$file"; then
    printf '   (with NGINX_IMAGE=%s)' "$NGINX_IMAGE"
  fi
  printf '\n'
  [[ "$DRY_RUN" == 1 ]] && return 0
  render "$file" | kubectl --context "kind-$CLUSTER" "$verb" -f - "$@"
}

# reset_partner_objects: delete the Istio objects of both kind labs (by name, so this works from
# either lab's folder): the partner's ServiceEntry, Gateway and VirtualService, lab 6's
# DestinationRules (partner-hop1, partner-originate-tls), lab 7's (egressgateway-hop1,
# partner-hop2) and lab 7's REGISTRY_ONLY Sidecar. Two labs' DestinationRules for the same host
# would otherwise both apply.
reset_partner_objects() {
  k -n "$GATEWAY_NS" delete --ignore-not-found \
    serviceentries.networking.istio.io/northwind-api gateways.networking.istio.io/partner-egress \
    virtualservices.networking.istio.io/partner-through-egress \
    destinationrules.networking.istio.io/partner-hop1 destinationrules.networking.istio.io/partner-originate-tls \
    destinationrules.networking.istio.io/egressgateway-hop1 destinationrules.networking.istio.io/partner-hop2
  k -n "$NS" delete --ignore-not-found sidecars.networking.istio.io/default
}

prereq_kind() {
  need_tool docker "$(t 'Docker를 설치하자: https://docs.docker.com/get-docker/' 'install Docker: https://docs.docker.com/get-docker/')"
  if command -v docker >/dev/null 2>&1; then need_docker_daemon; fi
  need_tool kind "$(t "kind $KIND_MIN_VERSION 이상: https://kind.sigs.k8s.io/docs/user/quick-start/" "kind $KIND_MIN_VERSION or later: https://kind.sigs.k8s.io/docs/user/quick-start/")"
  if command -v kind >/dev/null 2>&1; then
    need_version kind "$(kind version 2>/dev/null | awk '{print $2}' | tr -d 'v')" "$KIND_MIN_VERSION"
  fi
  need_tool kubectl "$(t 'kubectl: https://kubernetes.io/docs/tasks/tools/' 'kubectl: https://kubernetes.io/docs/tasks/tools/')"
  need_tool istioctl "$(t "istioctl $ISTIO_VERSION: curl -L https://istio.io/downloadIstio | ISTIO_VERSION=$ISTIO_VERSION sh -" "istioctl $ISTIO_VERSION: curl -L https://istio.io/downloadIstio | ISTIO_VERSION=$ISTIO_VERSION sh -")"
  if command -v istioctl >/dev/null 2>&1; then
    local have
    have="$(istioctl version --remote=false 2>/dev/null | head -n1 | tr -dc '0-9.')"
    local want="${ISTIO_VERSION%.*}"
    if [[ "$have" == "$want".* ]]; then
      printf '  ok       %-10s %s (%s.x)\n' istioctl "$have" "$want"
    else
      printf '  WRONG    %-10s %s\n' istioctl "$(t "지금 버전은 $have. $want.x가 필요하다" "$have found; need $want.x")"
      PREREQ_MISSING=$((PREREQ_MISSING + 1))
    fi
  fi
  need_tool curl "$(t 'curl을 설치하자' 'install curl')"
  check_openssl
}

# kind_cluster_create: the kind cluster $CLUSTER, unless it exists.
kind_cluster_create() {
  if [[ "$DRY_RUN" != 1 ]] && kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
    say "$(t "kind 클러스터가 이미 있다: $CLUSTER" "kind cluster $CLUSTER already exists")"
  else
    run kind create cluster --name "$CLUSTER" --image "$KIND_NODE_IMAGE" --wait 180s
  fi
}

# cluster_up: a kind cluster with Istio (egress gateway, access logs on). Skips what exists.
cluster_up() {
  kind_cluster_create
  # istioctl installs the egress gateway into GATEWAY_NS (k8s/istio.yaml); the namespace must exist.
  if [[ "$DRY_RUN" == 1 ]] || ! kq get namespace "$GATEWAY_NS" >/dev/null 2>&1; then
    k create namespace "$GATEWAY_NS"
  fi
  if [[ "$DRY_RUN" != 1 ]] && kq -n "$GATEWAY_NS" get deploy istio-egressgateway >/dev/null 2>&1; then
    say "$(t 'Istio가 이미 설치되어 있다' 'Istio is already installed')"
  else
    run istioctl --context "kind-$CLUSTER" install -y -f "$LIB_DIR/k8s/istio.yaml"
  fi
  k_apply "$LIB_DIR/k8s/client.yaml"
  k -n "$NS" rollout status deploy/client --timeout=180s
}

# partner_up VERIFY_CLIENT: (re)start the partner nginx on the kind Docker network, reachable
# from the pods as $PARTNER_HOST, outside the mesh and outside the cluster. It gets its own
# certificate, key and the CA it checks clients against; no CA key, no other certificate.
partner_up() {
  local certs="$WORK_DIR/certs" f
  local mounts=(-v "$WORK_DIR/partner/nginx.conf:/etc/nginx/nginx.conf:ro")
  partner_certs "$certs"
  render_partner_conf "$WORK_DIR/partner/nginx.conf" 443 /etc/nginx/partner /tmp "$1" /dev/stdout /dev/stderr
  for f in partner.crt partner.key partner-ca.crt; do
    mounts+=(-v "$certs/$f:/etc/nginx/partner/$f:ro")
  done
  run docker rm -f "$PARTNER_CONTAINER"
  run docker run -d --name "$PARTNER_CONTAINER" --network kind --network-alias "$PARTNER_HOST" \
    "${mounts[@]}" "$NGINX_IMAGE"
}

# in_client CMD...: run CMD in the client pod's app container (its traffic goes through the sidecar).
in_client() { kq -n "$NS" exec deploy/client -c client -- "$@"; }

# gateway_lines: how many egress gateway access-log lines mention the partner so far.
gateway_lines() {
  kq -n "$GATEWAY_NS" logs "deploy/$GATEWAY_DEPLOY" 2>/dev/null | grep -c "$PARTNER_HOST" || true
}

# gateway_log_since N: the gateway's access-log lines about the partner after the first N.
gateway_log_since() {
  kq -n "$GATEWAY_NS" logs "deploy/$GATEWAY_DEPLOY" 2>/dev/null | grep "$PARTNER_HOST" | tail -n +"$(($1 + 1))" || true
}

# expect_gateway_grew CLAIM BEFORE: PASS when the gateway logged a new line about the partner.
expect_gateway_grew() {
  local claim="$1" before="$2" line
  line="$(gateway_log_since "$before" | tail -n 1)"
  if [[ -n "$line" ]]; then
    pass "$claim" "$(one_line "$line")"
  else
    fail "$claim" "no new gateway log line for $PARTNER_HOST ($before before the call)"
  fi
}

# expect_gateway_silent CLAIM BEFORE: PASS when the gateway logged nothing new about the partner.
expect_gateway_silent() {
  local claim="$1" before="$2" after
  after="$(gateway_lines)"
  if [[ "$after" -eq "$before" ]]; then
    pass "$claim" "gateway lines for $PARTNER_HOST: $before before, $after after"
  else
    fail "$claim" "gateway lines for $PARTNER_HOST: $before before, $after after"
  fi
}

# nslookup_answer NAME: read nslookup's output on stdin; print the addresses it gives for NAME.
# BusyBox nslookup (the client image's) first prints its DNS server as "Address: 10.96.0.10:53",
# also when NAME does not exist; only "Address" lines that follow a "Name: NAME" line count.
nslookup_answer() {
  awk -v name="$1" '
    /^Name:/ { in_answer = ($2 == name || $2 == name "."); next }
    in_answer && /^Address( [0-9]+)?:/ { sub(/^Address( [0-9]+)?:[ \t]*/, ""); print; next }
    { in_answer = 0 }'
}

# check_partner_dns: PASS when the partner's name resolves inside the client pod (kind's Docker
# network DNS, reached through CoreDNS): the premise of both kind labs.
check_partner_dns() {
  local claim="the partner's name resolves inside the cluster (kind's Docker network DNS)" out addrs
  out="$(in_client nslookup "$PARTNER_HOST" 2>&1 || true)"
  addrs="$(nslookup_answer "$PARTNER_HOST" <<<"$out" | paste -sd' ' -)"
  if [[ -n "$addrs" ]]; then
    pass "$claim" "$PARTNER_HOST -> $addrs"
  else
    fail "$claim" "no address for $PARTNER_HOST in: $(one_line "$out")"
  fi
}

kind_teardown() {
  if command -v docker >/dev/null 2>&1; then run docker rm -f "$PARTNER_CONTAINER" || true; fi
  if command -v kind >/dev/null 2>&1; then run kind delete cluster --name "$CLUSTER" || true; fi
  run rm -rf "$WORK_DIR"
}
