# shellcheck shell=bash
# Settings shared by this lab's scripts. Every value can be overridden from the environment.
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/compose.sh
source "$LIB_DIR/compose.sh"

HTTPS_PORT="${HTTPS_PORT:-18446}"   # Envoy's mTLS listener, on 127.0.0.1
ADMIN_PORT="${ADMIN_PORT:-19905}"   # Envoy's admin interface
MTLS_HOST="${MTLS_HOST:-mtls.lab.internal}"
CERTS="$WORK_DIR/certs"
export HTTPS_PORT ADMIN_PORT CERTS

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(compose.yaml compose.sh envoy.yaml upstream.conf ../_lib/lib.sh ../_lib/certs.sh
  ../_lib/compose.sh ../_lib/versions.sh)

make_certs() {
  cert_ca "$CERTS" ca "mutual TLS lab CA"
  cert_ca "$CERTS" rogue-ca "a CA nobody trusts"
  # Downstream: Envoy's server certificate, and the client's certificate Envoy requires.
  cert_leaf "$CERTS" envoy-server ca "$MTLS_HOST" serverAuth "DNS:$MTLS_HOST,DNS:localhost,IP:127.0.0.1"
  cert_leaf "$CERTS" client ca lab-client clientAuth "URI:spiffe://lab.internal/client"
  cert_leaf "$CERTS" rogue-client rogue-ca lab-client clientAuth "URI:spiffe://lab.internal/client"
  # Upstream: the certificate Envoy presents, and the upstream's server certificate.
  cert_leaf "$CERTS" envoy-client ca envoy-front clientAuth "URI:spiffe://lab.internal/envoy"
  cert_leaf "$CERTS" upstream ca upstream.lab.internal serverAuth "DNS:upstream.lab.internal"
}
