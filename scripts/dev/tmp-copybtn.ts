import { chromium } from 'playwright-core';
import { startStaticServer } from '../../tests/helpers/server.ts';
const server = await startStaticServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
for (const path of process.argv.slice(2)) {
  await page.goto(server.url + path);
  const frames = await page.$$eval('.expressive-code .frame', (els) => els.map((frame) => {
    frame.scrollIntoView();
    const code = frame.querySelector('.ec-line .code') as HTMLElement | null;
    const btn = frame.querySelector('.copy button');
    if (!code || !btn) return null;
    const box = code.getBoundingClientRect();
    const end = box.right - parseFloat(getComputedStyle(code).paddingInlineEnd);
    const b = btn.getBoundingClientRect();
    return { cls: frame.className, first: code.textContent?.slice(0, 50), end: Math.round(end), btnLeft: Math.round(b.left), btnBottom: Math.round(b.bottom), top: Math.round(box.top), pad: getComputedStyle(code).paddingInlineEnd };
  }));
  console.log(path, JSON.stringify(frames.filter((f) => f && f.end > f.btnLeft && f.btnBottom > f.top), null, 1));
}
await browser.close(); server.stop();
