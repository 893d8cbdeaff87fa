// `npm run bench`: end-to-end visitor messages/s and latency on the embedded default, next to a bare
// Fastify route on the same machine in the same run. Servers run in child processes; the load comes
// from this process over loopback HTTP (autocannon).
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { withBenchServer } from './bench/benchChild';

const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const visitorCount = 200;
const shopperTexts = [
  '你好',
  '在吗',
  'hello',
  '请问什么时候发货',
  '这个有优惠吗',
  'how long does delivery take',
  '谢谢',
  '我想问一下尺码',
];

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
}

async function main(): Promise<void> {
  printConditions();
  const bare = await withBenchServer('bare', (baseUrl) =>
    runLoad({
      url: `${baseUrl}/bare`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    }),
  );
  const kefu = await withBenchServer('kefu', async (baseUrl) => {
    const tokens = await createVisitorSessions(baseUrl, visitorCount);
    let next = 0;
    return runLoad({
      url: baseUrl,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/visitor/messages',
          setupRequest: (request) => {
            next += 1;
            const token = tokens[next % tokens.length] ?? '';
            const text = shopperTexts[next % shopperTexts.length] ?? 'hi';
            return {
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ text, clientMessageId: `bench-${next}` }),
            };
          },
        },
      ],
    });
  });
  printTable([
    ['bare Fastify route (ceiling)', bare],
    ['Kefu visitor message → bot reply (SQLite)', kefu],
  ]);
  console.log(
    `\nKefu / ceiling throughput ratio: ${(kefu.requestsPerSecond / bare.requestsPerSecond).toFixed(3)}`,
  );
}

function printConditions(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log('Kefu server benchmark');
  console.log(`  machine: ${cpus().length} cores (${cpu}), Node ${process.version}, ${process.platform}`);
  console.log(
    `  load: autocannon over loopback HTTP, ${connections} connections, ${durationSeconds}s per target, after a 2s warm-up`,
  );
  console.log(
    `  Kefu: embedded default (SQLite WAL file, in-process bus), ${visitorCount} visitors, full bot pipeline (NLU, rules, flows, knowledge base, fallback)`,
  );
  console.log(
    '  each visitor message: auth, understanding, 2 transactions (message + outbox, bot replies + outbox), events published\n',
  );
}

async function createVisitorSessions(baseUrl: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${baseUrl}/api/v1/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bench-visitor-${index}` }),
    });
    const body: unknown = await response.json();
    if (!body || typeof body !== 'object' || !('token' in body) || typeof body.token !== 'string')
      throw new Error('no session token');
    tokens.push(body.token);
  }
  return tokens;
}

async function runLoad(options: autocannon.Options): Promise<LoadResult> {
  await autocannon({ ...options, connections, duration: 2 });
  const result = await autocannon({ ...options, connections, duration: durationSeconds });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

function printTable(rows: [string, LoadResult][]): void {
  console.log('| target | req/s | p50 ms | p99 ms | requests | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, result] of rows) {
    console.log(
      `| ${name} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50Ms} | ${result.p99Ms} | ${result.total} | ${result.errors} | ${result.non2xx} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
