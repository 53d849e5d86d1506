# shellcheck shell=bash
# Settings shared by this lab's scripts. Every value can be overridden from the environment.
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/compose.sh
source "$LIB_DIR/compose.sh"

HTTP_PORT="${HTTP_PORT:-18081}"     # Envoy's plain HTTP listener, on 127.0.0.1
ADMIN_PORT="${ADMIN_PORT:-19904}"   # Envoy's admin interface
CERTS="$WORK_DIR/certs"
export HTTP_PORT ADMIN_PORT CERTS

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(compose.yaml compose.sh envoy.yaml upstream.conf ../_lib/lib.sh ../_lib/certs.sh
  ../_lib/compose.sh ../_lib/versions.sh)

make_certs() {
  cert_ca "$CERTS" ca "origination lab CA"
  cert_leaf "$CERTS" upstream ca upstream.lab.internal serverAuth "DNS:upstream.lab.internal"
}
