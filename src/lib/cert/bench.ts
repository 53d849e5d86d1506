// Engine timings for scripts/bench.ts: a 10-certificate chain (root, 8 intermediates, leaf, all
// made in memory) and about 1 MB of mixed PEM: distinct certificates, their keys, comment lines.
import { makeLeaf, makeRoot, type Made } from './fixtures/make.ts';
import { inspect } from './inspect.ts';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export async function benchCert(): Promise<{ chainMs: number; chainCerts: number; mixedMs: number; mixedBytes: number; mixedCerts: number }> {
  const root = await makeRoot('Bench Root');
  const chain: Made[] = [root];
  for (let i = 0; i < 8; i++) chain.push(await makeLeaf(chain[chain.length - 1]!, { cn: `Bench Int ${i}`, ca: true, days: 365 }));
  const leaf = await makeLeaf(chain[chain.length - 1]!, { cn: 'bench', sans: [{ type: 'dns', value: 'bench.example' }] });
  const presented = [leaf, ...chain.slice(1).reverse()].map((m) => m.pem).join('\n');
  const inputs = [{ name: 'chain.pem', text: presented }, { name: 'ca.pem', text: root.pem, role: 'trust' as const }];
  await inspect(inputs, { lang: 'en', host: 'bench.example' }); // warm up
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const r = await inspect(inputs, { lang: 'en', host: 'bench.example' });
    times.push(performance.now() - t0);
    if (!r.verdict.ok || r.chains[0]!.certificates.length !== 10) throw new Error('bench chain did not verify');
  }

  // ~1 MB of distinct leaves (each with its key and a comment line) under the chain's last CA.
  const issuer = chain[chain.length - 1]!;
  let mixed = `${presented}\n`;
  for (let i = 0; mixed.length < 1_000_000; i++) {
    const m = await makeLeaf(issuer, { cn: `bulk ${i}`, sans: [{ type: 'dns', value: `bulk${i}.example` }] });
    mixed += `# bulk ${i}\n${m.pem}\n${m.keyPem}\n`;
  }
  const t0 = performance.now();
  const big = await inspect([{ name: 'mixed.pem', text: mixed }, { name: 'ca.pem', text: root.pem, role: 'trust' }], { lang: 'en' });
  const mixedMs = performance.now() - t0;
  return { chainMs: median(times), chainCerts: 10, mixedMs, mixedBytes: mixed.length, mixedCerts: big.certificates.length };
}
