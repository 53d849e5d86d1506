# shellcheck shell=bash
# Settings shared by this lab's scripts. Override CLUSTER, PARTNER_CONTAINER, PARTNER_HOST,
# CURL_IMAGE, WORK_DIR from the environment.
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/partner.sh
source "$LIB_DIR/partner.sh"
# shellcheck source=../_lib/kind.sh
source "$LIB_DIR/kind.sh"

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(k8s/egress.yaml k8s/dr-hop2-simple.yaml k8s/vs-gateway-only.yaml k8s/close-bypass.yaml
  ../_lib/lib.sh ../_lib/certs.sh ../_lib/partner.sh ../_lib/kind.sh ../_lib/versions.sh
  ../_lib/partner-nginx.conf.in ../_lib/k8s/istio.yaml ../_lib/k8s/client.yaml)

PARTNER_URL="http://$PARTNER_HOST/hello"

# call_partner: the app's plain http:// call; prints the body and the status code.
call_partner() {
  in_client curl -sS --max-time 10 -w ' HTTP %{http_code}' "$PARTNER_URL" 2>&1 || true
}

# restore_working: the working configuration of setup.sh, whatever a break step left behind
# (no REGISTRY_ONLY Sidecar, the ServiceEntry for everyone, hop 2 MUTUAL, the mesh route).
restore_working() {
  k_delete "$LAB_DIR/k8s/close-bypass.yaml"
  k_apply "$LAB_DIR/k8s/egress.yaml"
}

