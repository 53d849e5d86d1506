# shellcheck shell=bash
# The partner server of labs 6 and 7: certificates and nginx config. Source lib.sh and certs.sh first.

# The partner's name. The manifests and the lab pages use the default; kind.sh renders the
# manifests with your PARTNER_HOST, and partner_certs and the nginx config use it too.
PARTNER_HOST_DEFAULT=api.northwind.example
PARTNER_HOST="${PARTNER_HOST:-$PARTNER_HOST_DEFAULT}"

# partner_certs DIR: the partner's own CA, its server certificate, the client certificate it
# issues to us (for the egress gateway), and a certificate from a CA it does not trust.
partner_certs() {
  local dir="$1"
  cert_ca "$dir" partner-ca "partner CA"
  cert_ca "$dir" rogue-ca "a CA the partner does not trust"
  cert_leaf "$dir" partner partner-ca "$PARTNER_HOST" serverAuth "DNS:$PARTNER_HOST,DNS:localhost,IP:127.0.0.1"
  cert_leaf "$dir" egress-client partner-ca egress-client clientAuth "DNS:egress-client.mesh.example"
  cert_leaf "$dir" rogue-client rogue-ca egress-client clientAuth "DNS:egress-client.mesh.example"
}

# render_partner_conf OUT LISTEN CERT_DIR RUN_DIR VERIFY_CLIENT ACCESS_LOG ERROR_LOG
render_partner_conf() {
  local out="$1"
  sed -e "s|@LISTEN@|$2|g" -e "s|@CERT_DIR@|$3|g" -e "s|@RUN_DIR@|$4|g" \
    -e "s|@VERIFY_CLIENT@|$5|g" -e "s|@ACCESS_LOG@|$6|g" -e "s|@ERROR_LOG@|$7|g" \
    -e "s|@SERVER_NAME@|$PARTNER_HOST|g" \
    "$LIB_DIR/partner-nginx.conf.in" | write_file "$out"
}
