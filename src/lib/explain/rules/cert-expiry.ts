// A certificate a proxy holds (served, client or trust bundle) that has expired or expires
// within `expiringDays`. Envoy keeps serving an expired certificate; peers reject it
// (OpenSSL "certificate has expired", TLS alert certificate_expired).
import { secretTarget, text, type Hit, type Rule } from './rule.ts';
import { certLabel } from './util.ts';

const EXPIRED = {
  en: 'Secret {name}: certificate "{subject}" expired on {date} ({days} days ago). Peers reject it.',
  ko: '시크릿 {name}: "{subject}" 인증서는 {date}에 만료되었다({days}일 전). 상대가 이 인증서를 거부한다.',
};
const SOON = {
  en: 'Secret {name}: certificate "{subject}" expires on {date} (in {days} days).',
  ko: '시크릿 {name}: "{subject}" 인증서는 {date}에 만료된다({days}일 남음).',
};

export const rule: Rule = {
  meta: {
    id: 'cert-expiry',
    severity: 'error',
    title: { en: 'Certificate expired or expiring soon', ko: '만료되었거나 곧 만료될 인증서' },
    docs: 'envoy/tls-troubleshooting/',
    catalog: 'cert-expired',
    field: 'Secret (credentialName) tls.crt',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const s of ctx.map.secrets) {
      // Istio's own workload certificate and root rotate themselves; name what to renew.
      const field = s.name.startsWith('kubernetes://') ? 'Secret (credentialName) tls.crt'
        : s.name === 'default' || s.name === 'ROOTCA' ? 'istio-agent (workload certificate) / CA'
        : s.name.startsWith('spiffe://') ? 'ztunnel (workload certificate) / CA'
        : 'certificate file';
      for (const c of s.certificates) {
        const values = { name: s.name, subject: certLabel(c), date: c.notAfter.slice(0, 10) };
        if (c.daysLeft < 0) hits.push({ target: secretTarget(s), text: text(EXPIRED, { ...values, days: -c.daysLeft }), field });
        else if (c.daysLeft < ctx.expiringDays) hits.push({ target: secretTarget(s), text: text(SOON, { ...values, days: c.daysLeft }), severity: 'warning', field });
      }
    }
    return hits;
  },
};
