// Who refers to which credential secret, and what each reference needs from it.
import type { Resource } from '../types.ts';
import { arr, byKind, drTlsBlocks, isObj, str } from '../util.ts';
import { gatewayServers } from './_kit.ts';

export interface CredRef { by: Resource; path: (string | number)[]; name: string; needsPair: boolean; needsCa: boolean; role: 'dr' | 'gateway' }

export function credentialRefs(rs: Resource[]): CredRef[] {
  const out: CredRef[] = [];
  for (const dr of byKind(rs, 'DestinationRule')) {
    for (const b of drTlsBlocks(dr)) {
      const name = str(b.tls.credentialName);
      const mode = str(b.tls.mode);
      if (!name || (mode !== 'SIMPLE' && mode !== 'MUTUAL')) continue;
      out.push({ by: dr, path: [...b.path, 'credentialName'], name, needsPair: mode === 'MUTUAL', needsCa: true, role: 'dr' });
    }
  }
  for (const s of gatewayServers(rs)) {
    if (!isObj(s.server.tls) || !['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'].includes(s.mode ?? '')) continue;
    const name = str(s.server.tls.credentialName);
    // OPTIONAL_MUTUAL verifies a client certificate when one is sent: it needs the CA as MUTUAL does.
    if (name) out.push({ by: s.gw, path: ['spec', 'servers', s.index, 'tls', 'credentialName'], name, needsPair: true, needsCa: s.mode !== 'SIMPLE', role: 'gateway' });
    // `credentialNames` (istio/api 1.30 gateway.proto): several certificates, each a secret read the same way.
    arr(s.server.tls.credentialNames).forEach((n, i) => {
      if (typeof n === 'string' && n) out.push({ by: s.gw, path: ['spec', 'servers', s.index, 'tls', 'credentialNames', i], name: n, needsPair: true, needsCa: false, role: 'gateway' });
    });
  }
  return out;
}

export const isSecret = (r: Resource) => r.group === '' && r.apiVersion === 'v1' && r.kind === 'Secret';

/** The keys of a Secret (data and stringData) with their decoded text, when decodable. */
export function secretEntries(s: Resource): { key: string; field: 'data' | 'stringData'; text?: string }[] {
  const out: { key: string; field: 'data' | 'stringData'; text?: string }[] = [];
  for (const field of ['data', 'stringData'] as const) {
    const m = s.obj[field];
    if (!isObj(m)) continue;
    for (const [key, v] of Object.entries(m)) {
      let text: string | undefined;
      if (typeof v === 'string') {
        if (field === 'stringData') text = v;
        else { try { text = atob(v.replace(/\s+/g, '')); } catch { text = undefined; } }
      }
      out.push({ key, field, text });
    }
  }
  return out;
}
