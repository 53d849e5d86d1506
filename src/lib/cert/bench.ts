// Engine timings for scripts/bench.ts: a 10-certificate chain (root, 8 intermediates, leaf, all
// made in memory) and about 1 MB of mixed PEM: distinct certificates, their keys, comment lines.
// Every run is a fresh inspect() (nothing is cached between runs), so the times are cold-engine
// times on a warm JIT; medians with the fastest and slowest run, as the machine may be busy.
import { makeLeaf, makeRoot, type Made } from './fixtures/make.ts';
import { inspect } from './inspect.ts';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export interface CertBench {
  chainMs: number;
  chainRange: [number, number];
  chainRuns: number;
  chainCerts: number;
  mixedMs: number;
  mixedRange: [number, number];
  mixedRuns: number;
  mixedBytes: number;
  mixedCerts: number;
}

export async function benchCert(): Promise<CertBench> {
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
  const mixedTimes: number[] = [];
  let mixedCerts = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const big = await inspect([{ name: 'mixed.pem', text: mixed }, { name: 'ca.pem', text: root.pem, role: 'trust' }], { lang: 'en' });
    mixedTimes.push(performance.now() - t0);
    mixedCerts = big.certificates.length;
  }
  const range = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  return {
    chainMs: median(times), chainRange: range(times), chainRuns: times.length, chainCerts: 10,
    mixedMs: median(mixedTimes), mixedRange: range(mixedTimes), mixedRuns: mixedTimes.length, mixedBytes: mixed.length, mixedCerts,
  };
}
