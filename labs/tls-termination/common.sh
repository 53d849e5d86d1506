# shellcheck shell=bash
# Settings shared by this lab's scripts. Every value can be overridden from the environment.
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/compose.sh
source "$LIB_DIR/compose.sh"

HTTPS_PORT="${HTTPS_PORT:-18443}"   # Envoy's TLS listener, published on 127.0.0.1
ADMIN_PORT="${ADMIN_PORT:-19901}"   # Envoy's admin interface, published on 127.0.0.1
APP_HOST="${APP_HOST:-app.lab.internal}"
CERTS="$WORK_DIR/certs"
export HTTPS_PORT ADMIN_PORT CERTS

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(compose.yaml compose.sh envoy.yaml backend.conf ../_lib/lib.sh ../_lib/certs.sh
  ../_lib/compose.sh ../_lib/versions.sh)

make_certs() {
  cert_ca "$CERTS" ca "termination lab CA"
  cert_leaf "$CERTS" app ca "$APP_HOST" serverAuth "DNS:$APP_HOST,DNS:localhost,IP:127.0.0.1"
}
