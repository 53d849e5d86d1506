// Every rule of the explainer, one file each (the file name is the rule id). Order: the map
// reads top-down from what breaks a handshake to what is only worth knowing.
import type { Rule } from './rule.ts';
import { rule as alpnMismatch } from './alpn-mismatch.ts';
import { rule as autoMtlsPlaintextEndpoints } from './auto-mtls-plaintext-endpoints.ts';
import { rule as certExpiry } from './cert-expiry.ts';
import { rule as clientCertOptional } from './client-cert-optional.ts';
import { rule as doubleTls } from './double-tls.ts';
import { rule as drNotApplied } from './dr-not-applied.ts';
import { rule as gatewayBypass } from './gateway-bypass.ts';
import { rule as hop1SniMismatch } from './hop1-sni-mismatch.ts';
import { rule as maxConnectionsDefault } from './max-connections-default.ts';
import { rule as permissiveInbound } from './permissive-inbound.ts';
import { rule as plaintextToTlsPort } from './plaintext-to-tls-port.ts';
import { rule as routeClusterMissing } from './route-cluster-missing.ts';
import { rule as sanMismatch } from './san-mismatch.ts';
import { rule as sdsSecretMissing } from './sds-secret-missing.ts';
import { rule as tlsInspectorMissing } from './tls-inspector-missing.ts';
import { rule as tlsNoSni } from './tls-no-sni.ts';
import { rule as tlsNoValidation } from './tls-no-validation.ts';
import { rule as tlsVersionLimits } from './tls-version-limits.ts';
import { rule as warmingResource } from './warming-resource.ts';
import { rule as ztunnelPlaintextWorkload } from './ztunnel-plaintext-workload.ts';

export const RULES: Rule[] = [
  sdsSecretMissing,
  certExpiry,
  hop1SniMismatch,
  sanMismatch,
  tlsVersionLimits,
  plaintextToTlsPort,
  drNotApplied,
  doubleTls,
  routeClusterMissing,
  tlsInspectorMissing,
  alpnMismatch,
  warmingResource,
  gatewayBypass,
  permissiveInbound,
  tlsNoValidation,
  tlsNoSni,
  maxConnectionsDefault,
  clientCertOptional,
  autoMtlsPlaintextEndpoints,
  ztunnelPlaintextWorkload,
];
