// Shared by the tests/conformance/gateway-api-*.test.ts cases: small Gateway API configs and the
// findings of some rules as `[rule, severity, line, column]`, so each case pins where the
// validator points in the pasted text.
import type { Finding } from '../../src/lib/validator/index.ts';

export const at = (fs: Finding[], ...rules: string[]) =>
  fs.filter((f) => rules.includes(f.rule)).map((f) => [f.rule, f.severity, f.line, f.column]);

/** A Gateway with the given listeners (YAML list items, indented two spaces). */
export const gw = (name: string, ns: string, listeners: string, cls = 'istio', extra = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  gatewayClassName: ${cls}
${extra}  listeners:
${listeners}---
`;
