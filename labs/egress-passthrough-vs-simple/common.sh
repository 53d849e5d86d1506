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
LAB_FILES=(k8s/passthrough.yaml k8s/simple.yaml mode.sh ../_lib/lib.sh ../_lib/certs.sh
  ../_lib/partner.sh ../_lib/kind.sh ../_lib/versions.sh ../_lib/partner-nginx.conf.in
  ../_lib/k8s/istio.yaml ../_lib/k8s/client.yaml)

# call MODE: the same request to the partner, the way each mode needs it. In PASSTHROUGH the app
# speaks TLS itself (so it must trust the partner's CA); in SIMPLE it speaks plain HTTP and the
# gateway originates TLS.
call() {
  if [[ "$1" == passthrough ]]; then
    in_client curl -sS --max-time 10 --cacert /etc/partner-ca/ca.crt -w ' HTTP %{http_code}' "https://$PARTNER_HOST/hello" 2>&1 || true
  else
    in_client curl -sS --max-time 10 -w ' HTTP %{http_code}' "http://$PARTNER_HOST/hello" 2>&1 || true
  fi
}
