// Drives a NewsApi server with the graphql-ws client, unchanged, as an app would.
// Usage: node graphql-ws-client.mjs ws://127.0.0.1:PORT/graphql
// Prints one JSON line per step; the test that runs it reads them.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.argv[2];
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
const say = (step, value) => console.log(JSON.stringify({ step, value }));

function once(payload) {
  return new Promise((resolve, reject) => {
    let last;
    client.subscribe(payload, { next: (value) => { last = value; }, error: reject, complete: () => resolve(last) });
  });
}

try {
  say('query', await once({ query: '{ ticker(first: 2) { headline dir } }' }));

  const change = await new Promise((resolve, reject) => {
    const dispose = client.subscribe(
      { query: 'subscription { tickerChanged { kind sequence item { headline } } }' },
      { next: (value) => { resolve(value); dispose(); }, error: reject, complete: () => {} });
    say('subscribed', null);
  });
  say('next', change);
  await client.dispose();
  process.exit(0);
} catch (error) {
  say('error', String(error?.message ?? JSON.stringify(error)));
  process.exit(1);
}
