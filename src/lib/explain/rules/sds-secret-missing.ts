// A TLS context names an SDS secret that the same proxy does not hold, or holds only as
// warming. Envoy then fails the handshake with "Secret is not supplied by SDS" (the cluster
// or listener cannot use a TLS context whose secret never arrived). Only said when the dump
// has a secrets section: without it nothing is known.
// Istio names: `default` / `ROOTCA` (the workload's own certificate and root, from istio-agent),
// `kubernetes://NAME` (a credentialName, served by istiod), `file-cert:…` / `file-root:…`
// (files in the pod, served by istio-agent) — istio 1.30.3 pkg/security/security.go,
// pilot/pkg/model/credentials/resource.go.
import type { SecretRef, TlsSettings } from '../types.ts';
import { chainTarget, clusterTarget, text, type Hit, type Rule } from './rule.ts';

const MISSING = {
  en: '{what} {name} uses SDS secret {secret}, which this proxy does not have: handshakes fail with "Secret is not supplied by SDS". {hint}',
  ko: '{name} {what_ko}에서 쓰는 {secret} SDS 시크릿이 이 프록시에 없다. 핸드셰이크가 "Secret is not supplied by SDS"로 실패한다. {hint_ko}',
};
const WARMING = {
  en: '{what} {name} uses SDS secret {secret}, which is still warming (not delivered yet). {hint}',
  ko: '{name} {what_ko}에서 쓰는 {secret} SDS 시크릿이 아직 워밍 중이다(아직 전달되지 않았다). {hint_ko}',
};

function hint(name: string, ns: string | undefined): { en: string; ko: string; field: string } {
  if (name.startsWith('kubernetes://')) {
    const secret = name.slice('kubernetes://'.length).replace(/-cacert$/, '');
    // credentialName is looked up in the proxy's own namespace (pitfall 5 of the double-mTLS page).
    return {
      en: `Check that Secret ${secret} exists in ${ns ? `namespace ${ns}` : "the proxy's namespace"} with the expected keys, and that istiod may read it.`,
      ko: `${secret} 시크릿이 ${ns ? `${ns} 네임스페이스` : '프록시의 네임스페이스'}에 있고 키 이름이 맞는지, istiod가 그 시크릿을 읽을 수 있는지 확인한다.`,
      field: 'DestinationRule.spec.trafficPolicy.tls.credentialName',
    };
  }
  if (name.startsWith('file-')) {
    return {
      en: 'The file is read by istio-agent inside the pod: check that it is mounted at that path.',
      ko: '이 파일은 파드 안의 istio-agent가 읽는다. 그 경로에 마운트되어 있는지 확인한다.',
      field: 'DestinationRule.spec.trafficPolicy.tls.clientCertificate',
    };
  }
  return {
    en: "The workload's own certificate comes from istio-agent: check the agent's log and the connection to istiod.",
    ko: '워크로드 자신의 인증서는 istio-agent가 준다. 에이전트 로그와 istiod 연결을 확인한다.',
    field: 'istio-agent (workload certificate)',
  };
}

export const rule: Rule = {
  meta: {
    id: 'sds-secret-missing',
    severity: 'error',
    title: { en: 'SDS secret missing or warming', ko: 'SDS 시크릿이 없거나 워밍 중' },
    docs: 'egress/double-mtls-pitfalls/',
    catalog: 'sds-secret-not-supplied',
    field: 'DestinationRule.spec.trafficPolicy.tls.credentialName',
  },
  check(ctx) {
    const hits: Hit[] = [];
    const check = (tls: TlsSettings | undefined, target: Hit['target'], what: { en: string; ko: string }, listener: boolean) => {
      const refs = [tls?.certificate, tls?.trustedCa].filter((r): r is SecretRef => r?.source === 'sds' && (r.state === 'missing' || r.state === 'warming'));
      for (const r of refs) {
        const h = hint(r.name, ctx.proxy(target.proxy).namespace);
        const values = { what: what.en, what_ko: what.ko, name: target.name, secret: r.name, hint: h.en, hint_ko: h.ko };
        const field = listener && r.name.startsWith('kubernetes://') ? 'Gateway.spec.servers[].tls.credentialName' : h.field;
        hits.push({ target, text: text(r.state === 'missing' ? MISSING : WARMING, values), severity: r.state === 'missing' ? 'error' : 'warning', field });
      }
    };
    for (const c of ctx.map.clusters) check(c.tls, clusterTarget(c), { en: 'Cluster', ko: '클러스터' }, false);
    for (const l of ctx.map.listeners) l.filterChains.forEach((fc, i) => check(fc.tls, chainTarget(l, i), { en: 'Filter chain', ko: '필터 체인' }, true));
    return hits;
  },
};
