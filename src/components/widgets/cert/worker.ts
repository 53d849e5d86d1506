// The certificate inspector off the main thread: parsing a large paste and checking signatures
// never blocks the page. Keys are read here, in the browser, and only their public part is kept.
import { inspect, type InspectInput } from '../../../lib/cert/index.ts';
import { MAX_CERT_CHARS, type CertRequest, type CertResponse } from './protocol.ts';

async function run(req: CertRequest): Promise<CertResponse> {
  const chars = req.text.length + req.trust.length;
  if (chars > MAX_CERT_CHARS) return { kind: 'too-large', chars };
  const inputs: InspectInput[] = [{ name: req.lang === 'ko' ? '입력' : 'input', text: req.text }];
  if (req.trust.trim()) inputs.push({ name: req.lang === 'ko' ? '신뢰 번들' : 'trust bundle', text: req.trust, role: 'trust' });
  const at = req.at.trim() ? new Date(req.at.trim()) : undefined;
  const badTime = at !== undefined && (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(req.at.trim()));
  const report = await inspect(inputs, { lang: req.lang, purpose: req.purpose, ...(req.host.trim() ? { host: req.host.trim() } : {}), ...(at && !badTime ? { at } : {}) });
  return { kind: 'ok', report, badTime };
}

self.addEventListener('message', (event: MessageEvent<{ id: number; req: CertRequest }>) => {
  const { id, req } = event.data;
  run(req).then(
    (res) => self.postMessage({ id, res }),
    (e: unknown) => self.postMessage({ id, res: { kind: 'failed', message: String((e as Error)?.message ?? e) } satisfies CertResponse }),
  );
});
