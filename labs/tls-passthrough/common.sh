# shellcheck shell=bash
# Settings shared by this lab's scripts. Every value can be overridden from the environment.
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/compose.sh
source "$LIB_DIR/compose.sh"

TLS_PORT="${TLS_PORT:-18445}"       # Envoy's listener (TLS passes through it), on 127.0.0.1
ADMIN_PORT="${ADMIN_PORT:-19903}"   # Envoy's admin interface
CERTS="$WORK_DIR/certs"
export TLS_PORT ADMIN_PORT CERTS

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(compose.yaml compose.sh envoy.yaml backend.conf ../_lib/lib.sh ../_lib/certs.sh
  ../_lib/compose.sh ../_lib/versions.sh)

# Only the backends get certificates: Envoy has none, so it cannot decrypt anything.
make_certs() {
  cert_ca "$CERTS" ca "passthrough lab CA"
  cert_leaf "$CERTS" a ca a.lab.internal serverAuth "DNS:a.lab.internal"
  cert_leaf "$CERTS" b ca b.lab.internal serverAuth "DNS:b.lab.internal"
}
