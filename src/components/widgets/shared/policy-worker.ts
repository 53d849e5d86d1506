// Starts a widget's Web Worker under the page's Content-Security-Policy.
// A worker loaded from its own URL runs under the policy of that script's response headers, not
// the page's <meta> policy: on a host that cannot send headers, the worker that reads everything
// pasted would have no connect-src limit at all. A worker started from a blob: URL inherits the
// page's policy instead, so each widget starts a one-line blob: module that imports the real
// worker script (allowed by script-src 'self'); the policy allows blob: workers for that
// (worker-src 'self' blob:, src/plugins/csp.mjs).

const boots = new Map<string, string>();

/** A module worker running the script at `scriptUrl` (a Vite `?worker&url` import). */
export function startPolicyWorker(scriptUrl: string): Worker {
  const url = new URL(scriptUrl, document.baseURI).href;
  let boot = boots.get(url);
  if (!boot) {
    boot = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }));
    boots.set(url, boot);
  }
  return new Worker(boot, { type: 'module' });
}
