#!/usr/bin/env bash
# Prove each path: the CRDs and the Gateway's listeners, HBONE between the apps, the terminated
# and the passed-through host (who presented which certificate, who answered), and the egress
# call through the waypoint (ztunnel's log, the waypoint's log and SDS, the partner's view of the
# client certificate).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh   (env: INGRESS_PORT=$INGRESS_PORT)"; }
parse_common_args "$@"

# ---------------------------------------------------------------- the platform
crd="$(kq get crd tlsroutes.gateway.networking.k8s.io \
  -o jsonpath='{.metadata.annotations.gateway\.networking\.k8s\.io/bundle-version} {.metadata.annotations.gateway\.networking\.k8s\.io/channel} {.spec.versions[?(@.storage==true)].name}' 2>&1 || true)"
expect_contains "the Gateway API CRDs are the pinned standard channel, TLSRoute stored as v1" "$crd" "$GATEWAY_API_VERSION standard v1"
expect_contains "each listener of the ingress Gateway has its route attached" "$(listener_routes)" "https-web=1 tls-secure=1"
expect_contains "the apps are in ambient mode: ztunnel reaches each over HBONE" "$(ztunnel_protocols)" "client=HBONE secure=HBONE web=HBONE"

# ---------------------------------------------------------------- ingress
port_forward_ingress
before_z="$(ztunnel_lines)"
expect_contains "terminate: the Gateway presents web-cert, issued by the ingress CA" "$(cert_names "$WEB_HOST")" "issuer=CN=ingress CA"
responds_with "terminate: the HTTPRoute's backend answers in plain HTTP behind the Gateway" 200 "web: plain HTTP behind the gateway host=$WEB_HOST" \
  --resolve "$WEB_HOST:$INGRESS_PORT:127.0.0.1" --cacert "$WORK_DIR/certs/ingress-ca.crt" "https://$WEB_HOST:$INGRESS_PORT/"
expect_contains "passthrough: the certificate is the backend's own, issued by the backend CA" "$(cert_names "$SECURE_HOST")" "issuer=CN=backend CA"
responds_with "passthrough: the backend ended the client's TLS itself and saw its SNI" 200 "secure: TLS ended at the backend sni=$SECURE_HOST" \
  --resolve "$SECURE_HOST:$INGRESS_PORT:127.0.0.1" --cacert "$WORK_DIR/certs/backend-ca.crt" "https://$SECURE_HOST:$INGRESS_PORT/"
sleep 2
# The Gateway's pods run as the ServiceAccount lab-ingress-istio; over HBONE, the receiving
# ztunnel logs the caller's SPIFFE identity from the mutual TLS handshake.
line="$(ztunnel_lines_since "$before_z" inbound "spiffe://cluster.local/ns/$INGRESS_NS/sa/$INGRESS_GATEWAY-istio" "web-" | tail -n 1)"
if [[ -n "$line" ]]; then
  pass "ztunnel delivered the Gateway's call to web over HBONE, naming the Gateway's SPIFFE identity" "$(one_line "$line")"
else
  fail "ztunnel delivered the Gateway's call to web over HBONE, naming the Gateway's SPIFFE identity" "no new inbound 'connection complete' line from $INGRESS_GATEWAY-istio to web"
fi

# ---------------------------------------------------------------- egress
# ztunnel's DNS proxy answers for the ServiceEntry with the address istiod allocated to it.
dns="$(in_client nslookup "$PARTNER_HOST" 2>&1 || true)"
addrs="$(nslookup_answer "$PARTNER_HOST" <<<"$dns" | paste -sd' ' -)"
se_addrs="$(kq -n "$GATEWAY_NS" get serviceentry northwind-api -o jsonpath='{.status.addresses[*].value}' 2>&1 || true)"
allocated=1
[[ -n "$addrs" ]] || allocated=0
for a in $addrs; do [[ " $se_addrs " == *" $a "* ]] || allocated=0; done
if [[ "$allocated" == 1 ]]; then
  pass "in the ambient namespace the partner's name resolves to the ServiceEntry's allocated address" "$PARTNER_HOST -> $addrs; ServiceEntry status.addresses: $se_addrs"
else
  fail "in the ambient namespace the partner's name resolves to the ServiceEntry's allocated address" "$PARTNER_HOST -> ${addrs:-nothing}; ServiceEntry status.addresses: ${se_addrs:-none}"
fi
before="$(gateway_lines)"
before_z="$(ztunnel_lines)"
answer="$(call_partner)"
expect_contains "the partner verified a client certificate" "$answer" "verify=SUCCESS"
expect_contains "the certificate it verified is the waypoint's (DestinationRule MUTUAL + credentialName)" "$answer" "CN=egress-client"
sleep 2
expect_gateway_grew "the egress waypoint logged the call" "$before"
line="$(ztunnel_lines_since "$before_z" outbound "$PARTNER_HOST" | tail -n 1)"
expect_contains "the client's ztunnel sent the call to the waypoint over HBONE (port 15008)" "$line" ":15008"
svc="$(istioctl --context "kind-$CLUSTER" ztunnel-config services --service-namespace "$GATEWAY_NS" 2>&1 |
  awk '$2 == "northwind-api" { print "northwind-api waypoint=" $4 }' || true)"
expect_contains "ztunnel knows the ServiceEntry's waypoint" "$svc" "waypoint=waypoint"
secrets="$(istioctl --context "kind-$CLUSTER" proxy-config secret deploy/waypoint -n "$GATEWAY_NS" 2>&1 || true)"
expect_contains "the waypoint loaded the client certificate through SDS" "$secrets" "kubernetes://partner-client-cert"
finish_verify
