// Starts one server for the benchmark in its own process and prints `READY <port>`.
//   kefu: the full app on the embedded default (SQLite file, in-process bus), demo data seeded
//   bare: a Fastify route that does no work, the ceiling for this machine
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp, loadConfig, loadTestingLimitsEnvironment } from '@kefu/server';

async function startServer(mode: string): Promise<number> {
  if (mode === 'bare') {
    const app = Fastify({ logger: false });
    app.post('/bare', async (_request, reply) => reply.status(201).send({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return portOf(app.server.address());
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-bench-'));
  const config = loadConfig({
    KEFU_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    KEFU_ADMIN_PASSWORD: 'bench-password-1',
    ...loadTestingLimitsEnvironment,
    // The WeChat bench compares passive replies with the customer-service API path (0: no passive replies).
    ...(process.env.KEFU_WECHAT_PASSIVE_WAIT_MS && {
      KEFU_WECHAT_PASSIVE_WAIT_MS: process.env.KEFU_WECHAT_PASSIVE_WAIT_MS,
    }),
  });
  const { app } = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return portOf(app.server.address());
}

function portOf(address: string | AddressInfo | null): number {
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

startServer(process.argv[2] ?? 'kefu')
  .then((port) => process.stdout.write(`READY ${port}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
