// Certificates inside secrets, decoded by the certificate inspector's engine (src/lib/cert):
// Envoy prints inline_bytes as base64 (of PEM text, for Istio's SDS secrets); ztunnel prints PEM.
import { parseInput } from '../cert/index.ts';
import { describe } from '../cert/describe.ts';
import type { PendingPem } from './model.ts';
import type { CertSummary, Lang } from './types.ts';

/** Decodes one secret's certificates; the same bytes (ROOTCA in every proxy) decode once. */
export class CertDecoder {
  private cache = new Map<string, Promise<CertSummary[]>>();
  private readonly at: Date;
  private readonly lang: Lang;
  constructor(at: Date, lang: Lang) {
    this.at = at;
    this.lang = lang;
  }

  decode(pem: PendingPem, name: string): Promise<CertSummary[]> {
    const key = `${pem.base64 ? 'b' : 't'}${pem.text}`;
    let p = this.cache.get(key);
    if (!p) this.cache.set(key, (p = this.run(pem, name)));
    return p;
  }

  private async run(pem: PendingPem, name: string): Promise<CertSummary[]> {
    const parsed = parseInput(pem.text, name, this.lang);
    const out: CertSummary[] = [];
    let i = 0;
    for (const o of parsed.objects) {
      if (o.kind !== 'certificate') continue;
      try {
        const { info } = await describe(o.der, i++, 'presented', o.origin, this.at);
        const summary: CertSummary = {
          subject: info.subject,
          issuer: info.issuer,
          serial: info.serial,
          notBefore: info.notBefore,
          notAfter: info.notAfter,
          daysLeft: Math.floor(info.secondsLeft / 86_400),
          sans: { dns: info.sans.dns, ip: info.sans.ip, uri: info.sans.uri },
          isCa: info.basicConstraints?.ca === true,
        };
        if (info.spiffe) summary.spiffe = info.spiffe.id;
        out.push(summary);
      } catch {
        // A certificate the library cannot read: leave it out; the secret row still shows.
      }
    }
    return out;
  }
}
