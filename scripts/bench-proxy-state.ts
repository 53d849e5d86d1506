// Bench rows for the proxy state explainer widget, in the real browser over the built site: the
// engine's synthetic gateway dump (src/lib/explain/bench.ts) of N MB chosen as a file, from the file input's change to the drawn map
// (read in the worker, explained, rows posted and the list drawn); the longest stall of the page's
// main thread meanwhile (the tab must not freeze); and the tab's peak memory (the renderer
// process's VmHWM, which holds the page and its worker: the largest of the browser's renderers,
// which in a fresh browser is this tab's). Called from scripts/bench.ts.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { benchCerts, dumpPieces } from '../src/lib/explain/bench.ts';

export interface ProxyStateBench { mb: number; clusters: number; ms: number; workerMs: number; stallMs: number; peakMb: number | undefined }

async function rendererPids(browser: Browser): Promise<Set<number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

const peakRss = (pid: number) => {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Number.isFinite(kb) ? kb / 1024 : undefined;
};

export async function benchProxyStateWidget(browser: Browser, baseUrl: string, sizesMb: number[]): Promise<ProxyStateBench[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-proxy-state-'));
  const out: ProxyStateBench[] = [];
  try {
    const certs = await benchCerts(3);
    for (const mb of sizesMb) {
      const file = join(dir, `dump-${mb}.json`);
      const ws = createWriteStream(file);
      let clusters = 0;
      for (const piece of dumpPieces(mb * 1024 * 1024, certs)) {
        clusters += piece.match(/envoy\.config\.cluster\.v3\.Cluster"/g)?.length ?? 0;
        if (!ws.write(piece)) await new Promise<void>((r) => ws.once('drain', () => r()));
      }
      await new Promise<void>((r) => ws.end(() => r()));
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/en/tools/proxy-state/`, { waitUntil: 'load' });
      await page.waitForSelector('mtls-proxy-state:not([data-loading])');
      // The longest gap between two timer ticks on the main thread while the job runs.
      await page.evaluate(() => {
        const w = window as unknown as { stall: number; last: number };
        w.stall = 0;
        w.last = performance.now();
        setInterval(() => {
          const now = performance.now();
          w.stall = Math.max(w.stall, now - w.last);
          w.last = now;
        }, 16);
      });
      const started = Date.now();
      await page.setInputFiles('[data-file]', file);
      await page.waitForFunction((n) => {
        const w = document.querySelector('mtls-proxy-state');
        return w && !w.hasAttribute('aria-busy') && (w.querySelector('[data-status]')?.textContent ?? '').includes(`${n} clusters`) && document.querySelector('[data-list] [role="option"]');
      }, clusters, { timeout: 600_000, polling: 50 });
      const ms = Date.now() - started;
      const stallMs = await page.evaluate(() => (window as unknown as { stall: number }).stall);
      // The status line ends with the worker's own time (read + explain + view), "· N ms".
      const workerMs = Number(/(\d+) ms$/.exec((await page.textContent('[data-status]')) ?? '')?.[1] ?? NaN);
      out.push({ mb, clusters, ms, workerMs, stallMs, peakMb: Math.max(...[...await rendererPids(browser)].map((pid) => peakRss(pid) ?? 0)) || undefined });
      await page.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
