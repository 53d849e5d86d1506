import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new','--no-sandbox','--disable-gpu'] });
for (const path of process.argv.slice(2)) {
  const r = await lighthouse(process.env.BASE + path, { port: chrome.port, output: 'json', logLevel: 'error' });
  const a = r.lhr.audits;
  console.log(path, 'perf', r.lhr.categories.performance.score, 'FCP', a['first-contentful-paint'].numericValue|0, 'LCP', a['largest-contentful-paint'].numericValue|0, 'SI', a['speed-index'].numericValue|0);
  console.log(' lcp el', String(JSON.stringify(a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet)).slice(0,300));
  console.log(' phases', String(JSON.stringify(a['largest-contentful-paint-element']?.details?.items?.[1]?.items)).slice(0,500));
  console.log(' render-blocking', String(JSON.stringify((a['render-blocking-insight'] ?? a['render-blocking-resources'])?.details?.items?.map(i=>[i.url, i.wastedMs, i.totalBytes]))).slice(0,500));
  console.log(' requests', a['network-requests'].details.items.map(i=>`${i.url.replace('http://127.0.0.1:4399','')} ${i.transferSize}`).join(' | ').slice(0,800));
}
chrome.kill();
