# shellcheck shell=bash
# Settings shared by this lab's scripts. Override CLUSTER, PARTNER_CONTAINER, PARTNER_HOST,
# CURL_IMAGE, NGINX_IMAGE, INGRESS_PORT, WORK_DIR from the environment.
#
# This lab runs its own kind cluster (ambient mode; labs 6 and 7 use sidecars), but shares the
# partner container with labs 6 and 7: one partner on kind's Docker network, so its name
# resolves to one address. setup.sh restarts it in this lab's mode.
CLUSTER="${CLUSTER:-meshtls-ambient}"
# The egress hop's access log is the waypoint's (kind.sh's gateway_lines reads this Deployment).
GATEWAY_DEPLOY=waypoint
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/partner.sh
source "$LIB_DIR/partner.sh"
# shellcheck source=../_lib/kind.sh
source "$LIB_DIR/kind.sh"

# The namespaces the manifests name (fixed, like kind.sh's).
NS=meshtls-ambient          # the apps, in ambient mode (in_client execs here)
INGRESS_NS=meshtls-ingress  # the Gateway API Gateway and its certificate
# GATEWAY_NS (kind.sh) is istio-egress: the waypoint, the ServiceEntry, the DestinationRule.
INGRESS_GATEWAY=lab-ingress # istiod names its Deployment and Service lab-ingress-istio
WEB_HOST=web.lab.internal
SECURE_HOST=secure.lab.internal
# The local port kubectl port-forward gives the Gateway's 443 during verify.sh.
INGRESS_PORT="${INGRESS_PORT:-8443}"

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(k8s/istio-ambient.yaml k8s/apps.yaml k8s/ingress.yaml k8s/egress.yaml k8s/dr-simple.yaml
  k8s/se-no-waypoint.yaml
  ../_lib/lib.sh ../_lib/certs.sh ../_lib/partner.sh ../_lib/kind.sh ../_lib/versions.sh
  ../_lib/partner-nginx.conf.in)

PARTNER_URL="http://$PARTNER_HOST/hello"

# make_certs: every certificate of the lab, in $WORK_DIR/certs.
#   ingress-ca -> web      the Gateway's certificate for the terminated host (Secret web-cert)
#   backend-ca -> secure   the passthrough backend's own certificate (Secret secure-backend-tls)
#   partner-ca -> partner, egress-client (the waypoint's client certificate), and a rogue pair
# Two CAs on the ingress side, so a client can tell who answered by the issuer alone.
make_certs() {
  local dir="$WORK_DIR/certs"
  cert_ca "$dir" ingress-ca "ingress CA"
  cert_leaf "$dir" web ingress-ca "$WEB_HOST" serverAuth "DNS:$WEB_HOST"
  cert_ca "$dir" backend-ca "backend CA"
  cert_leaf "$dir" secure backend-ca "$SECURE_HOST" serverAuth "DNS:$SECURE_HOST"
  partner_certs "$dir"
}

# ambient_cluster_up: kind, the Gateway API CRDs, then Istio in ambient mode. The CRDs come
# first: istiod starts its Gateway API controllers for the CRDs it finds. Skips what exists.
ambient_cluster_up() {
  kind_cluster_create
  k apply --server-side -f "$GATEWAY_API_CRDS_URL"
  if [[ "$DRY_RUN" != 1 ]] && kq -n istio-system get daemonset ztunnel >/dev/null 2>&1; then
    say "$(t 'Istio(앰비언트 모드)가 이미 설치되어 있다' 'Istio (ambient mode) is already installed')"
  else
    run istioctl --context "kind-$CLUSTER" install -y -f "$LAB_DIR/k8s/istio-ambient.yaml"
  fi
}

# tls_secret NS NAME CERT KEY [CA]: (re)create a Secret with tls.crt, tls.key and, for the
# waypoint's client certificate, the ca.crt it checks the partner against.
tls_secret() {
  local ns="$1" name="$2" certs="$WORK_DIR/certs"
  local files=(--from-file=tls.crt="$certs/$3.crt" --from-file=tls.key="$certs/$4.key")
  [[ -z "${5:-}" ]] || files+=(--from-file=ca.crt="$certs/$5.crt")
  k -n "$ns" delete secret "$name" --ignore-not-found
  k -n "$ns" create secret generic "$name" "${files[@]}"
}

# call_partner: the app's plain http:// call; prints the body and the status code.
call_partner() {
  in_client curl -sS --max-time 10 -w ' HTTP %{http_code}' "$PARTNER_URL" 2>&1 || true
}

# restore_working: the working egress configuration of setup.sh, whatever a break step left.
restore_working() {
  k_apply "$LAB_DIR/k8s/egress.yaml"
}

# ---------------------------------------------------------------- reading the evidence

# cert_names HOST: subject and issuer of the certificate the Gateway presents for SNI HOST, one
# line, in RFC 2253 order (the same text with OpenSSL 1.1.1 and 3.x).
cert_names() {
  openssl s_client -connect "127.0.0.1:$INGRESS_PORT" -servername "$1" </dev/null 2>/dev/null |
    openssl x509 -noout -subject -issuer -nameopt RFC2253 2>&1 | paste -sd' ' -
}

# port_forward_ingress: kubectl port-forward to the Gateway's Service in the background, stopped
# when the script exits; waits until the local port accepts connections.
port_forward_ingress() {
  local log="$WORK_DIR/logs/port-forward.log" i
  mkdir -p "$WORK_DIR/logs"
  # kubectl itself, not the kq function: $! must be kubectl's PID, not a subshell's.
  kubectl --context "kind-$CLUSTER" -n "$INGRESS_NS" port-forward "svc/$INGRESS_GATEWAY-istio" "$INGRESS_PORT:443" >"$log" 2>&1 &
  on_exit "kill $! 2>/dev/null"
  for ((i = 0; i < 30; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$INGRESS_PORT") 2>/dev/null; then return 0; fi
    sleep 1
  done
  die "$(t "30초 안에 port-forward가 열리지 않았다. $log를 보자." "port-forward not ready after 30s; see $log")"
}

# listener_routes: "name=attachedRoutes" for each listener of the ingress Gateway.
listener_routes() {
  kq -n "$INGRESS_NS" get gateway "$INGRESS_GATEWAY" \
    -o jsonpath='{range .status.listeners[*]}{.name}={.attachedRoutes} {end}' 2>&1 || true
}

# ztunnel_protocols: "pod-prefix=PROTOCOL" for the lab's three apps, from istioctl's view of
# ztunnel's workloads (columns NAMESPACE POD NAME ADDRESS NODE WAYPOINT PROTOCOL).
ztunnel_protocols() {
  istioctl --context "kind-$CLUSTER" ztunnel-config workloads --workload-namespace "$NS" 2>&1 |
    awk -v ns="$NS" '$1 == ns { split($2, p, "-"); if (p[1] ~ /^(client|web|secure)$/) print p[1] "=" $NF }' |
    sort -u | paste -sd' ' -
}

# ztunnel_log: ztunnel's access-log lines ("connection complete", one per connection; a
# single-node kind cluster has one ztunnel). ztunnel_lines: how many so far.
# ztunnel_lines_since N PATTERN...: the lines after the first N that contain every PATTERN.
ztunnel_log() {
  kq -n istio-system logs daemonset/ztunnel --tail=-1 2>/dev/null | grep 'connection complete' || true
}
ztunnel_lines() { ztunnel_log | wc -l | tr -d ' '; }
ztunnel_lines_since() {
  local n="$1" line p ok; shift
  ztunnel_log | tail -n +"$((n + 1))" | while IFS= read -r line; do
    ok=1
    for p in "$@"; do [[ "$line" == *"$p"* ]] || ok=0; done
    if [[ "$ok" == 1 ]]; then printf '%s\n' "$line"; fi
  done
}
