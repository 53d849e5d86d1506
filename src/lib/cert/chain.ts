// Path building the way OpenSSL 3's X509_verify_cert does it (trusted-first): from the leaf,
// look for the issuer in the trust bundle first, then among the other presented certificates;
// a candidate must carry the issuer's name and, when both sides have key identifiers, the
// matching SKI; among several, one valid at the inspection time wins. The path is anchored when
// it reaches a self-issued certificate from the trust bundle (no partial chains, as in the
// stacks' defaults).
import type { Parsed } from './describe.ts';

export interface Node extends Parsed {
  trusted: boolean;
}

export interface Path {
  nodes: Node[];
  /** Which nodes came from the trust bundle. */
  fromTrust: boolean[];
  anchored: boolean;
  /** How each certificate links to the next: the issuer's SKI matched the AKI, or only the name. */
  links: { child: number; parent: number; by: 'key-id' | 'name' }[];
}

export function node(p: Parsed, trusted: boolean): Node {
  return { ...p, trusted };
}

export const selfIssued = (n: Node) => n.subjectKey === n.issuerKey && (!n.info.aki || !n.info.ski || n.info.aki === n.info.ski);

function candidates(child: Node, pool: Node[], at: Date): Node[] {
  const ok = pool.filter((p) => p.subjectKey === child.issuerKey && !(child.info.aki && p.info.ski && child.info.aki !== p.info.ski));
  const valid = (p: Node) => new Date(p.info.notBefore) <= at && at <= new Date(p.info.notAfter);
  return [...ok.filter(valid), ...ok.filter((p) => !valid(p))];
}

export function buildPath(leaf: Node, untrusted: Node[], trust: Node[], at: Date): Path {
  const nodes = [leaf];
  // The leaf counts as trusted only when it is self-signed: a trusted non-root leaf still needs its
  // issuer (OpenSSL without X509_V_FLAG_PARTIAL_CHAIN, BoringSSL, Go).
  const fromTrust = [selfIssued(leaf) && trust.some((t) => t.info.fingerprints.sha256 === leaf.info.fingerprints.sha256)];
  const links: Path['links'] = [];
  const used = new Set([leaf.info.fingerprints.sha256]);
  for (let depth = 0; depth < 32; depth++) {
    const cur = nodes[nodes.length - 1]!;
    if (selfIssued(cur)) break;
    const fresh = (l: Node[]) => l.filter((n) => !used.has(n.info.fingerprints.sha256));
    const fromT = candidates(cur, fresh(trust), at)[0];
    const next = fromT ?? candidates(cur, fresh(untrusted), at)[0];
    if (!next) break;
    links.push({ child: nodes.length - 1, parent: nodes.length, by: cur.info.aki && next.info.ski ? 'key-id' : 'name' });
    nodes.push(next);
    fromTrust.push(fromT !== undefined);
    used.add(next.info.fingerprints.sha256);
  }
  const top = nodes.length - 1;
  return { nodes, fromTrust, links, anchored: fromTrust[top]! && selfIssued(nodes[top]!) };
}
