// Opens NewsApi's GraphiQL in Debian's Chromium, runs a query and a subscription from the IDE's own editor, and prints
// what the IDE showed and every host the page requested, as JSON.
// Usage: node graphiql-check.mjs http://127.0.0.1:PORT/ EDITOR_KEY
import { chromium } from 'playwright-core';

const api = new URL(process.argv[2]);
const editorKey = process.argv[3];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const hosts = new Set();
const frames = [];
try {
  const tab = await browser.newPage();
  tab.on('request', (request) => hosts.add(new URL(request.url()).host));
  tab.on('websocket', (ws) => {
    hosts.add(new URL(ws.url()).host);
    ws.on('framesent', (frame) => frames.push(JSON.parse(frame.payload).type));
  });
  await tab.goto(new URL('graphql', api).href);
  await tab.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror', { timeout: 60000 });

  const run = async (text) => {
    await tab.evaluate((value) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(value), text);
    await tab.click('.graphiql-execute-button');
  };
  const waitForResult = async (text, what) => {
    try {
      await tab.waitForFunction((t) => (document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() ?? '').includes(t), text, { timeout: 60000 });
    } catch (error) {
      throw new Error(`${what}: no "${text}" in the result pane: ${await result()} (frames sent: ${frames.join(', ')})`, { cause: error });
    }
  };
  const result = () => tab.evaluate(() => document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() ?? '');

  await run('{ ticker { headline } }');
  await waitForResult('"headline"', 'the query');
  const query = await result();

  // An editor puts an item on air; the subscription, resumed from the start of the log, must show it whenever it attaches.
  const headline = 'خبر عاجل من GraphiQL';
  const created = await fetch(new URL('graphql', api), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': editorKey },
    body: JSON.stringify({ query: 'mutation($h: String!) { createTickerItem(input: { headline: $h }) { tickerItem { id } userErrors { code } } }', variables: { h: headline } }),
  });
  if (!created.ok) throw new Error(`createTickerItem: ${created.status} ${await created.text()}`);
  await run('subscription { tickerChanged(since: "0") { kind sequence item { headline } } }');
  await waitForResult(headline, 'the subscription');
  const subscription = await result();

  console.log(JSON.stringify({ query, subscription, hosts: [...hosts], frames }));
} finally {
  await browser.close();
}
