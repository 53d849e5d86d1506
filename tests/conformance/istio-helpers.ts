// Shared by the tests/conformance/istio-*.test.ts cases: lint a paste, as is or read as the whole
// cluster (what `istioctl analyze --use-kube=false` does with files), and pick findings.
import { lint } from '../../src/lib/validator/index.ts';
import type { Finding } from '../../src/lib/validator/index.ts';
import { asWholeCluster } from '../../src/lib/validator/rules/index.ts';

export function findings(text: string, opts: { complete?: boolean; lang?: 'en' | 'ko' } = {}): Finding[] {
  return lint([{ name: 'paste.yaml', text }], { lang: opts.lang ?? 'en', ...(opts.complete ? { rules: asWholeCluster() } : {}) }).findings;
}

/** `[rule, severity, resource, istioctl]` of the findings of some rules, for compact expectations. */
export const of = (fs: Finding[], ...rules: string[]) =>
  fs.filter((f) => rules.includes(f.rule)).map((f) => [f.rule, f.severity, f.resource, f.istioctl ?? '']);

export const gateway = (name: string, ns: string, selector: string, servers: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {${selector}}
  servers:
${servers}---
`;
