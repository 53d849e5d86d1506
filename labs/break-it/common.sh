# shellcheck shell=bash
# Settings shared by this lab's scripts. Every value can be overridden from the environment.
# shellcheck source=../_lib/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../_lib/lib.sh"
# shellcheck source=../_lib/certs.sh
source "$LIB_DIR/certs.sh"
# shellcheck source=../_lib/compose.sh
source "$LIB_DIR/compose.sh"

HTTP_PORT="${HTTP_PORT:-18080}"     # front Envoy, plain HTTP in (Envoy originates TLS to the partner)
TLS_PORT="${TLS_PORT:-18444}"       # front Envoy, TLS in (for the plaintext-to-TLS scenario)
ADMIN_PORT="${ADMIN_PORT:-19902}"   # front Envoy's admin interface
CERTS="$WORK_DIR/certs"
export HTTP_PORT TLS_PORT ADMIN_PORT CERTS

# Files prereq.sh checks for (a broken download fails early).
# shellcheck disable=SC2034
LAB_FILES=(compose.yaml compose.sh front-envoy.yaml partner-envoy.yaml scenarios.tsv ../_lib/lib.sh
  ../_lib/certs.sh ../_lib/compose.sh ../_lib/versions.sh)

make_certs() {
  cert_ca "$CERTS" ca "break-it lab CA"
  cert_ca "$CERTS" rogue-ca "a CA nobody trusts"
  cert_leaf "$CERTS" partner ca partner.lab.internal serverAuth "DNS:partner.lab.internal"
  cert_leaf "$CERTS" front-server ca front.lab.internal serverAuth "DNS:front.lab.internal,DNS:localhost,IP:127.0.0.1"
  # The front Envoy's client certificates: one good, and one per way of getting it wrong.
  cert_leaf "$CERTS" front-client ca front clientAuth "URI:spiffe://lab.internal/front"
  cert_leaf "$CERTS" front-client-expired ca front clientAuth "URI:spiffe://lab.internal/front" expired
  cert_leaf "$CERTS" front-client-rogue rogue-ca front clientAuth "URI:spiffe://lab.internal/front"
  cert_leaf "$CERTS" front-client-wrong-san ca intruder clientAuth "URI:spiffe://lab.internal/intruder"
}

# scenario_field NAME COLUMN: one column of scenarios.tsv (columns as in its header).
scenario_field() {
  awk -F'\t' -v s="$1" -v c="$2" '
    /^#/ { next }
    NR > 0 && !header { for (i = 1; i <= NF; i++) col[$i] = i; header = 1; next }
    $1 == s { print $col[c]; found = 1 }
    END { exit found ? 0 : 1 }' "$LAB_DIR/scenarios.tsv"
}

scenario_names() { awk -F'\t' '!/^#/ && $1 != "scenario" { print $1 }' "$LAB_DIR/scenarios.tsv"; }

# reproduce NAME: send the request that triggers the scenario; print what the client saw.
reproduce() {
  local request
  request="$(scenario_field "$1" request)"
  if [[ "$request" == plaintext ]]; then
    curl -sS --max-time 5 "http://127.0.0.1:$TLS_PORT/" 2>&1 || true
  else
    curl -sS --max-time 10 "http://127.0.0.1:$HTTP_PORT$request" 2>&1 || true
  fi
}

# failure_line NAME SINCE: the first front Envoy access-log line after line SINCE whose
# transport-failure-reason field for this scenario is filled in.
failure_line() {
  local field
  field="$(scenario_field "$1" field)"
  envoy_log front | tail -n +"$(($2 + 1))" | grep "${field}_transport_failure_reason=TLS" | head -n 1 || true
}
