// The name the client dialled against the certificate's SANs, as RFC 9525 (which obsoletes RFC
// 6125) says: DNS-ID only from dNSName SANs, a wildcard only as the whole left-most label and
// matching exactly one label, IP addresses only against iPAddress SANs, and never the subject CN.
// `cnFallback` says when a stack that still reads the CN (OpenSSL's X509_check_host, curl with
// OpenSSL) would accept what this check rejects.

export interface HostCheck {
  ok: boolean;
  kind: 'dns' | 'ip';
  /** The SAN that matched. */
  matched?: string;
  /** No dNSName SAN at all and the CN equals the host: OpenSSL's X509_check_host would accept it. */
  cnFallback: boolean;
  /** A SAN with a wildcard inside a label (`f*.example.com`): RFC 9525 forbids it, OpenSSL matches it. */
  partialWildcard?: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Canonical text of an IPv4 or IPv6 address (IPv6 expanded to 8 groups), or undefined. */
export function canonicalIp(text: string): string | undefined {
  const t = text.trim().replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = IPV4.exec(t);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? v4.slice(1).map(Number).join('.') : undefined;
  if (!t.includes(':') || !/^[0-9a-f:.]+$/.test(t)) return undefined;
  let groups: string[];
  const [head, tail, extra] = t.split('::');
  if (extra !== undefined) return undefined;
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const expandV4 = (g: string[]): string[] | undefined => {
    const last = g[g.length - 1];
    if (!last?.includes('.')) return g;
    const m = IPV4.exec(last);
    if (!m) return undefined;
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    return [...g.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  const h = expandV4(part(head)), tl = expandV4(part(tail));
  if (!h || !tl) return undefined;
  if (tail === undefined) groups = h;
  else groups = [...h, ...Array(8 - h.length - tl.length).fill('0'), ...tl];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
}

function dnsMatch(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === host;
  const rest = p.slice(2);
  // `*.com` style patterns (a single label after the wildcard) never match.
  if (!rest.includes('.') || rest.includes('*')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === rest;
}

export function checkHost(host: string, sans: { dns: string[]; ip: string[] }, commonNames: string[]): HostCheck {
  const ip = canonicalIp(host);
  if (ip) {
    const matched = sans.ip.find((s) => canonicalIp(s) === ip);
    return { ok: matched !== undefined, kind: 'ip', ...(matched ? { matched } : {}), cnFallback: false };
  }
  const h = host.toLowerCase().replace(/\.$/, '');
  const matched = sans.dns.find((s) => dnsMatch(s, h));
  const partialWildcard = sans.dns.find((s) => /\*/.test(s) && !/^\*\./.test(s));
  const cnFallback = sans.dns.length === 0 && commonNames.some((cn) => dnsMatch(cn, h));
  return { ok: matched !== undefined, kind: 'dns', ...(matched ? { matched } : {}), cnFallback, ...(partialWildcard ? { partialWildcard } : {}) };
}
