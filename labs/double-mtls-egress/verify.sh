#!/usr/bin/env bash
# The app's plain http:// call reaches the partner through both hops: the gateway logged it, and
# the partner echoes the client certificate it verified (the gateway's).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
usage() { echo "usage: ./verify.sh"; }
parse_common_args "$@"

check_partner_dns
before="$(gateway_lines)"
answer="$(call_partner)"
expect_contains "the partner verified a client certificate" "$answer" "verify=SUCCESS"
expect_contains "the certificate it verified is the gateway's (hop 2 is MUTUAL + credentialName)" "$answer" "CN=egress-client"
sleep 2
expect_gateway_grew "the egress gateway logged the call (it went through hop 1)" "$before"
hop1="$(istioctl --context "kind-$CLUSTER" proxy-config cluster deploy/client -n "$NS" \
  --fqdn istio-egressgateway.$GATEWAY_NS.svc.cluster.local --subset partner -o json 2>&1 || true)"
expect_contains "hop 1: the client sidecar's cluster to the gateway carries the partner's SNI" "$hop1" "\"sni\": \"$PARTNER_HOST\""
secrets="$(istioctl --context "kind-$CLUSTER" proxy-config secret deploy/istio-egressgateway -n "$GATEWAY_NS" 2>&1 || true)"
expect_contains "hop 2: the gateway loaded the client certificate through SDS" "$secrets" "kubernetes://partner-client-cert"
finish_verify
