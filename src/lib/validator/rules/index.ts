// The rule registry: one file per rule. The catalogue (without code) feeds /tools/validator-rules/.
import type { Rule } from '../types.ts';
import { rule as r0 } from './align-host-registry.ts';
import { rule as r1 } from './align-port.ts';
import { rule as r2 } from './align-sni.ts';
import { rule as r3 } from './dr-credential-scope.ts';
import { rule as r4 } from './dr-duplicate-host.ts';
import { rule as r5 } from './dr-keepalive-idle.ts';
import { rule as r6 } from './dr-max-requests-one.ts';
import { rule as r7 } from './dr-mutual-no-client-cert.ts';
import { rule as r8 } from './dr-outlier-single-endpoint.ts';
import { rule as r9 } from './dr-port-level-replaces.ts';
import { rule as r10 } from './dr-short-host.ts';
import { rule as r11 } from './dr-sni-missing.ts';
import { rule as r12 } from './dr-tls-no-verify.ts';
import { rule as r13 } from './duration-unit.ts';
import { rule as r14 } from './envoy-client-cert-no-ca.ts';
import { rule as r15 } from './envoy-schema.ts';
import { rule as r16 } from './envoy-sni-no-inspector.ts';
import { rule as r17 } from './envoy-tls-no-sni.ts';
import { rule as r18 } from './envoy-tls-no-validation.ts';
import { rule as r19 } from './envoy-unknown-cluster.ts';
import { rule as r20 } from './gw-duplicate-server.ts';
import { rule as r21 } from './gw-istio-mutual-no-dr.ts';
import { rule as r22 } from './gw-passthrough-protocol.ts';
import { rule as r23 } from './gw-tls-missing.ts';
import { rule as r24 } from './mtls-mode-conflict.ts';
import { rule as r25 } from './schema.ts';
import { rule as r26 } from './se-double-tls.ts';
import { rule as r27 } from './secret-keys.ts';
import { rule as r28 } from './secret-namespace.ts';
import { rule as r29 } from './vs-exportto-gateway.ts';
import { rule as r30 } from './vs-gateway-missing.ts';
import { rule as r31 } from './vs-mesh-route-missing.ts';
import { rule as r32 } from './vs-route-kind-mismatch.ts';
import { rule as r33 } from './vs-subset-missing.ts';
import { rule as r34 } from './yaml-syntax.ts';
import { rule as r35 } from './vs-host-not-in-gateway.ts';
import { rule as r36 } from './vs-internal-gateway.ts';
import { rule as r37 } from './gw-duplicate-certificate.ts';
import { rule as r38 } from './gw-credential-invalid.ts';
import { rule as r39 } from './gw-workload-missing.ts';
import { rule as r40 } from './dr-tls-no-ca.ts';
import { rule as r41 } from './vs-destination-missing.ts';
import { rule as r42 } from './se-protocol-conflict.ts';
import { rule as r43 } from './gwapi-listener-tls.ts';
import { rule as r44 } from './gwapi-cert-ref-kind.ts';
import { rule as r45 } from './gwapi-cert-ref-grant.ts';
import { rule as r46 } from './gwapi-frontend-tls.ts';
import { rule as r47 } from './gwapi-parentref-no-listener.ts';
import { rule as r48 } from './gwapi-route-kind.ts';
import { rule as r49 } from './gwapi-allowed-namespaces.ts';
import { rule as r50 } from './gwapi-hostname-intersect.ts';
import { rule as r51 } from './btls-target.ts';
import { rule as r52 } from './btls-ca-source.ts';
import { rule as r53 } from './btls-ca-namespace.ts';
import { rule as r54 } from './btls-hostname-san.ts';
import { rule as r55 } from './amb-waypoint-listener.ts';
import { rule as r56 } from './amb-dr-ignored.ts';
import { rule as r57 } from './amb-peerauth.ts';
import { rule as r58 } from './amb-use-waypoint.ts';

const unordered: Rule[] = [r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19, r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30, r31, r32, r33, r34, r35, r36, r37, r38, r39, r40, r41, r42,
  r43, r44, r45, r46, r47, r48, r49, r50, r51, r52, r53, r54, r55, r56, r57, r58];

// Syntax and schema first, then by resource family (the order of the reference page).
const FIRST = ['yaml-syntax', 'schema', 'duration-unit'];
const rank = (id: string) => (FIRST.includes(id) ? FIRST.indexOf(id) : FIRST.length);
export const allRules: Rule[] = [...unordered].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));

/** The rule catalogue as data: id, default severity, bilingual title and explanation, docs path, istioctl code. */
export const rules = allRules.map(({ id, severity, title, summary, docs, istioctl }) => ({ id, severity, title, summary, docs, ...(istioctl ? { istioctl } : {}) }));

/**
 * The same rules reading the paste as the whole cluster (`ctx.complete`), like `istioctl analyze`
 * on files without a cluster: references to what the paste lacks are errors, not infos.
 */
export function asWholeCluster(list: Rule[] = allRules): Rule[] {
  return list.map((r) => ({ ...r, check: (ctx) => r.check({ ...ctx, complete: true }) }));
}
