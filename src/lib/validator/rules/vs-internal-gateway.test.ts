import { ruleCases } from './_testkit.ts';

// Decided by istio 1.30.3 pkg/config/analysis/analyzers/virtualservice/gateways.go (IST0165) and
// pkg/config/gateway/kube/gatewayapi.go IsInternalGatewayReference.
ruleCases('vs-internal-gateway');
