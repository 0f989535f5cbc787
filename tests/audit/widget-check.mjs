// Serves a partner page from an origin of its own that embeds the NewsApi headlines widget, opens it in Debian's
// Chromium, and prints what a reader sees in the widget, as JSON.
// Usage: node widget-check.mjs http://127.0.0.1:PORT/ [count]
import http from 'node:http';
import { chromium } from 'playwright-core';

const api = new URL(process.argv[2]);
const count = process.argv[3] ?? '5';
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body><h1>A partner's page</h1>
<script src="${new URL('widget/headlines.js', api)}" data-count="${count}" async></script></body></html>`;
const partner = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page);
});
await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
// "localhost" and "127.0.0.1" are different origins: the widget's requests are cross-origin, as on a real partner site.
const partnerUrl = `http://localhost:${partner.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(partnerUrl);
  await tab.waitForSelector('.newsapi-headlines[data-state]', { state: 'attached', timeout: 15000 });
  const seen = await tab.evaluate(() => {
    const host = document.querySelector('.newsapi-headlines');
    const box = host.shadowRoot.querySelector('.box');
    return {
      origin: location.origin,
      state: host.dataset.state,
      dir: box.getAttribute('dir'),
      lang: box.getAttribute('lang'),
      direction: getComputedStyle(box).direction,
      title: box.querySelector('h2')?.textContent,
      headlines: [...box.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.href })),
    };
  });
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
  partner.close();
}
