# shellcheck shell=bash
# Certificate generation for the labs: a small CA and leaf certificates with the SANs and
# extended key usages (EKUs) each lab needs. Source lib.sh first. Keys are created at setup
# time in $WORK_DIR/certs and never leave the machine; teardown deletes them.
#
#   cert_ca DIR NAME CN                      -> DIR/NAME.crt, DIR/NAME.key
#   cert_leaf DIR NAME CA CN EKU SAN [expired]
#       EKU: serverAuth | clientAuth | serverAuth,clientAuth
#       SAN: openssl syntax, e.g. "DNS:app.lab.internal,IP:127.0.0.1" or "URI:spiffe://lab.internal/front"
#       expired: the certificate was valid for one day in 2024 (for the break-it scenarios)
#
# Setup may run again days later: a certificate already there is kept only while it stays valid
# for CERT_MIN_VALID more seconds (`openssl x509 -checkend`) and, for a leaf, still chains to its
# CA (a renewed CA has a new key). Otherwise it is made again and CERTS_CHANGED is set to 1, so
# setup knows the running proxies must restart to load the new files.

CERT_DAYS="${CERT_DAYS:-30}"
CERT_MIN_VALID="${CERT_MIN_VALID:-3600}"
CERTS_CHANGED=0

# _still_valid CERT: true when CERT does not expire within CERT_MIN_VALID seconds.
_still_valid() {
  openssl x509 -in "$1" -noout -checkend "$CERT_MIN_VALID" >/dev/null 2>&1
}

# _chains_to CERT CA_CERT: true when CERT is signed by CA_CERT (dates not checked: the deliberately
# expired leaf of break-it must still count as "kept").
_chains_to() {
  openssl verify -no_check_time -CAfile "$2" "$1" >/dev/null 2>&1
}

# _key PATH: an EC P-256 private key (fast to make, accepted by Envoy, nginx and curl).
_key() {
  run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
}

# CERTS_CHANGED is read by the setup scripts (compose_up in compose.sh).
# shellcheck disable=SC2034
cert_ca() {
  local dir="$1" name="$2" cn="$3"
  if [[ -f "$dir/$name.crt" && "$DRY_RUN" != 1 ]]; then
    if _still_valid "$dir/$name.crt"; then
      printf '  keep %s/%s.crt (already there)\n' "$dir" "$name"
      return 0
    fi
    printf '  renew %s/%s.crt (expires within %ss)\n' "$dir" "$name" "$CERT_MIN_VALID"
  fi
  [[ "$DRY_RUN" == 1 ]] || mkdir -p "$dir"
  CERTS_CHANGED=1
  write_file "$dir/$name.ext" <<CNF
[req]
distinguished_name = dn
[dn]
[v3_ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
  _key "$dir/$name.key"
  run openssl req -new -x509 -sha256 -days "$CERT_DAYS" -key "$dir/$name.key" \
    -subj "/O=Mesh TLS Field Guide lab/CN=$cn" -config "$dir/$name.ext" -extensions v3_ca \
    -out "$dir/$name.crt"
}

# shellcheck disable=SC2034
cert_leaf() {
  local dir="$1" name="$2" ca="$3" cn="$4" eku="$5" san="$6" expired="${7:-}"
  if [[ -f "$dir/$name.crt" && "$DRY_RUN" != 1 ]]; then
    if ! _chains_to "$dir/$name.crt" "$dir/$ca.crt"; then
      printf '  renew %s/%s.crt (not signed by the current %s)\n' "$dir" "$name" "$ca"
    elif [[ "$expired" != expired ]] && ! _still_valid "$dir/$name.crt"; then
      printf '  renew %s/%s.crt (expires within %ss)\n' "$dir" "$name" "$CERT_MIN_VALID"
    else
      printf '  keep %s/%s.crt (already there)\n' "$dir" "$name"
      return 0
    fi
  fi
  CERTS_CHANGED=1
  write_file "$dir/$name.ext" <<CNF
[v3_leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = $eku
subjectAltName = $san
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
  _key "$dir/$name.key"
  run openssl req -new -sha256 -key "$dir/$name.key" -subj "/O=Mesh TLS Field Guide lab/CN=$cn" \
    -out "$dir/$name.csr"
  if [[ "$expired" == expired ]]; then
    # `openssl x509 -req` cannot set dates in the past before OpenSSL 3.4; `openssl ca` can.
    write_file "$dir/$name.ca.cnf" <<CNF
[ca]
default_ca = lab
[lab]
dir = $dir/$name.ca.d
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
policy = any
[any]
organizationName = optional
commonName = supplied
CNF
    run mkdir -p "$dir/$name.ca.d"
    if [[ "$DRY_RUN" != 1 ]]; then
      : >"$dir/$name.ca.d/index.txt"
      printf '1000\n' >"$dir/$name.ca.d/serial"
    fi
    run openssl ca -batch -notext -config "$dir/$name.ca.cnf" -cert "$dir/$ca.crt" -keyfile "$dir/$ca.key" \
      -startdate 20240101000000Z -enddate 20240102000000Z \
      -extfile "$dir/$name.ext" -extensions v3_leaf -in "$dir/$name.csr" -out "$dir/$name.crt"
    run rm -rf "$dir/$name.ca.d" "$dir/$name.ca.cnf"
  else
    run openssl x509 -req -sha256 -days "$CERT_DAYS" -in "$dir/$name.csr" \
      -CA "$dir/$ca.crt" -CAkey "$dir/$ca.key" -CAcreateserial \
      -extfile "$dir/$name.ext" -extensions v3_leaf -out "$dir/$name.crt"
  fi
  run rm -f "$dir/$name.csr"
  # The containers run the proxies as a non-root user that must read the key. These are
  # throwaway lab keys in a git-ignored folder; never do this with a real key.
  run chmod 0644 "$dir/$name.key"
}

# cert_summary FILE: subject, SANs, EKUs and validity, as the verify steps print them.
cert_summary() {
  openssl x509 -in "$1" -noout -subject -ext subjectAltName,extendedKeyUsage -dates
}
