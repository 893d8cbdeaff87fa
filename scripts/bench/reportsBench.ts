// `npm run bench` (reports part): report query times over a history of 1,000,000 messages, on SQLite and on
// PostgreSQL (a throw-away server, or BENCH_POSTGRES_URL). Each figure is a request to the real app through
// Fastify's inject (authentication, validation, queries, JSON), first run and median of the following runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, loadConfig } from '@kefu/server';
import type { KefuApp } from '@kefu/server';
import { fillReportHistory } from './reportHistory';
import { startThrowawayPostgres } from './throwawayPostgres';

const messageTarget = Number(process.env.BENCH_REPORT_MESSAGES ?? 1_000_000);
const repeats = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const historyDays = 90;
const adminPassword = 'bench-password-1';

interface Measurement {
  name: string;
  firstMs: number;
  medianMs: number;
  /** CPU time of this process (the whole work on SQLite; on PostgreSQL the server's share is not in it). */
  medianCpuMs: number;
  detail: string;
}

async function main(): Promise<void> {
  console.log(`\n## Reports over ${messageTarget.toLocaleString('en')} messages`);
  console.log(
    `  machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `  history: ${messageTarget.toLocaleString('en')} messages (≈10 per conversation) over ${historyDays} days, written in batches; metrics refreshed once, then each request ${repeats + 1}× (first, median of the rest)`,
  );
  const directory = mkdtempSync(path.join(tmpdir(), 'kefu-report-bench-'));
  try {
    await benchmark('SQLite (WAL file)', `sqlite:${path.join(directory, 'kefu.sqlite')}`, directory);
    if (process.env.BENCH_REPORT_SQLITE_ONLY === '1') return;
    const postgres = process.env.BENCH_POSTGRES_URL
      ? { url: process.env.BENCH_POSTGRES_URL, version: 'BENCH_POSTGRES_URL', stop: () => undefined }
      : await startThrowawayPostgres();
    if (!postgres) {
      console.log('\nPostgreSQL: skipped (no server binaries; set BENCH_POSTGRES_URL)');
      return;
    }
    try {
      const databaseUrl = await createDatabase(postgres.url, 'kefu_report_bench');
      await benchmark(`PostgreSQL (${postgres.version}, fsync off)`, databaseUrl, directory);
    } finally {
      postgres.stop();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchmark(label: string, databaseUrl: string, dataDirectory: string): Promise<void> {
  const config = loadConfig({
    KEFU_DATA_DIR: dataDirectory,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    KEFU_ADMIN_PASSWORD: adminPassword,
  });
  const kefu = await buildApp(config, { logger: false, routingTimers: false });
  try {
    const { services } = kefu;
    const agentIds: string[] = [];
    for (let index = 0; index < 12; index++)
      agentIds.push(
        (
          await services.agents.createAgent(
            {
              email: `agent${index}@bench.test`,
              displayName: `客服${index}`,
              password: adminPassword,
              role: 'agent',
            },
            null,
          )
        ).id,
      );
    const productIds = (await services.catalog.listProducts('zh-CN')).map((product) => product.id);
    let started = performance.now();
    const written = await fillReportHistory(services.database.db, {
      messages: messageTarget,
      days: historyDays,
      end: Date.now(),
      agentIds,
      productIds,
    });
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await services.analytics.refresher.refresh();
    const refreshSeconds = (performance.now() - started) / 1000;
    console.log(
      `\n### ${label}\n  ${written.messages.toLocaleString('en')} messages in ${written.conversations.toLocaleString('en')} conversations written in ${loadSeconds.toFixed(0)} s; first metrics refresh (all conversations) ${refreshSeconds.toFixed(0)} s`,
    );
    printTable(await measureAll(kefu));
  } finally {
    await kefu.app.close();
  }
}

async function measureAll(kefu: KefuApp): Promise<Measurement[]> {
  const login = await kefu.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'admin@kefu.local', password: adminPassword },
  });
  const token = String(login.json<{ token: string }>().token);
  const get = (url: string) => async () => {
    const response = await kefu.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response;
  };
  const range = (days: number) => {
    const to = new Date();
    const from = new Date(to.getTime() - (days - 1) * 86_400_000);
    return `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}&timeZone=Asia/Shanghai`;
  };
  const measurements: Measurement[] = [];
  for (const days of [7, 30, 90]) {
    measurements.push(
      await measure(
        `dashboard, ${days} days (all 11 reports)`,
        get(`/api/v1/reports/dashboard?${range(days)}`),
        (response) =>
          `${response.json<{ overview: { conversations: number } }>().overview.conversations.toLocaleString('en')} conversations`,
      ),
    );
  }
  measurements.push(
    await measure(
      'dashboard, 30 days, one agent',
      get(`/api/v1/reports/dashboard?${range(30)}&agentId=${await firstAgent(kefu)}`),
      () => '',
    ),
  );
  for (const report of [
    'overview',
    'volume',
    'topics',
    'response-times',
    'backlog',
    'agents',
    'questions',
    'product-issues',
  ])
    measurements.push(
      await measure(`${report}, 30 days`, get(`/api/v1/reports/${report}?${range(30)}`), () => ''),
    );
  measurements.push(
    await measure(
      'CSV export, 7 days',
      get(`/api/v1/reports/conversations/export?${range(7)}&format=csv`),
      (response) => `${(response.body.split('\r\n').length - 2).toLocaleString('en')} rows`,
    ),
  );
  measurements.push(
    await measure(
      'spike detection (last hour vs 7 days)',
      () => kefu.services.analytics.spikes.detect(),
      () => '',
    ),
  );
  measurements.push(
    await measure(
      'metrics refresh, nothing changed',
      () => kefu.services.analytics.refresher.refresh(),
      () => '',
    ),
  );
  return measurements;
}

async function measure<Result>(
  name: string,
  run: () => Promise<Result>,
  describe: (result: Result) => string,
): Promise<Measurement> {
  let started = performance.now();
  const first = await run();
  const firstMs = performance.now() - started;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let index = 0; index < repeats; index++) {
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    await run();
    const cpu = process.cpuUsage(cpuBefore);
    times.push(performance.now() - started);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return {
    name,
    firstMs,
    medianMs: median(times) ?? firstMs,
    medianCpuMs: median(cpuTimes) ?? 0,
    detail: describe(first),
  };
}

function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

async function firstAgent(kefu: KefuApp): Promise<string> {
  const agents = await kefu.services.agents.listAgents();
  return agents.find((agent) => agent.role === 'agent')?.id ?? '';
}

function printTable(measurements: readonly Measurement[]): void {
  console.log('\n| request | first ms | median ms | median node CPU ms | |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const row of measurements)
    console.log(
      `| ${row.name} | ${row.firstMs.toFixed(0)} | ${row.medianMs.toFixed(0)} | ${row.medianCpuMs.toFixed(0)} | ${row.detail} |`,
    );
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
