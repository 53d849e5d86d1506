// The certificate inspector (src/lib/cert/messages.ts) names, for each failure it finds, the
// message each stack prints and the catalog entry that explains it. The decoder must read every
// one of those messages back to that same entry: one home for the mapping, checked both ways.
import { describe, expect, it } from 'vitest';
import { FAILURES, stackMessages, type FailureKind } from '../cert/messages.ts';
import { decode } from './decode.ts';
import { loadCatalog } from './load-catalog.node.ts';

const catalog = loadCatalog();
const params = { depth: 1, host: 'api.northwind.example', names: 'other.example', time: '2026-12-07T00:00:00Z', bound: '2026-01-01T00:00:00Z', subject: 'CN=Partner CA', alg: 'SHA1-RSA', bits: 512, purpose: 'server' };

describe('certificate inspector and decoder agree on catalog ids', () => {
  for (const kind of Object.keys(FAILURES) as FailureKind[]) {
    it(kind, () => {
      const id = FAILURES[kind].catalog;
      expect(catalog.some((e) => e.id === id), `${id} is in the catalog`).toBe(true);
      const messages = stackMessages(kind, params);
      for (const [stack, text] of Object.entries(messages)) {
        if (text.startsWith('(')) continue; // "(BoringSSL does not check …)": no message exists
        const ids = decode(text, catalog, { lang: 'en' }).matches.map((m) => m.id);
        // Go says only "signed by unknown authority" for every untrusted chain; the decoder's Go
        // entry is in the same category as the inspector's more precise one.
        if (stack === 'go' && text === 'x509: certificate signed by unknown authority') {
          expect(ids).toEqual(['go-x509-unknown-authority']);
          expect(catalog.find((e) => e.id === id)?.category).toBe('unknown-ca');
          continue;
        }
        expect(ids[0], `${stack}: ${text}`).toBe(id);
      }
    });
  }
});
