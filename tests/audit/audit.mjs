// Runs the graphql-http server audit (GraphQL over HTTP spec conformance) against a running NewsApi.
// Usage: node audit.mjs [url]   (or GRAPHQL_URL=...; default http://127.0.0.1:5301/graphql)
// Exits 1 when any MUST or SHOULD audit fails; MAY audits are reported but never fail the run.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? process.env.GRAPHQL_URL ?? 'http://127.0.0.1:5301/graphql';
const levels = ['MUST', 'SHOULD', 'MAY'];
const counts = Object.fromEntries(levels.map((level) => [level, { passed: 0, total: 0 }]));

const results = await auditServer({ url });
for (const result of results) {
  const level = levels.find((l) => result.name.startsWith(`${l} `)) ?? 'MAY';
  counts[level].total += 1;
  if (result.status === 'ok') {
    counts[level].passed += 1;
    console.log(`ok    ${result.id} ${result.name}`);
    continue;
  }

  let body = '';
  try {
    body = await result.response.text();
  } catch {
    // The audit may already have consumed the body; the reason is enough then.
  }
  console.log(`FAIL  ${result.id} ${result.name}\n      ${result.reason}` +
    `\n      status ${result.response.status}, content-type ${result.response.headers.get('content-type')}` +
    (body ? `\n      body ${body.slice(0, 300)}` : ''));
}

console.log(`\naudit of ${url}`);
for (const level of levels) {
  console.log(`${level} ${counts[level].passed}/${counts[level].total}`);
}

const failed = counts.MUST.total - counts.MUST.passed + counts.SHOULD.total - counts.SHOULD.passed;
process.exitCode = failed > 0 ? 1 : 0;
