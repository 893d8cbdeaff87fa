import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppDependencies, KefuApp } from '../../src/app';
import { buildApp } from '../../src/app';
import type { Clock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import type { JobQueueOptions } from '../../src/jobs/jobQueue';
import { loadTestingLimitsEnvironment } from '../../src/http/abuseLimitsConfig';
import type { TestDatabase } from './testDatabase';
import { testDatabaseTargets } from './testDatabase';

export const testAdminEmail = 'admin@kefu.test';
export const testAdminPassword = 'correct horse battery staple';

export interface TestServer {
  kefu: KefuApp;
  baseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** Signs the first admin in and returns the bearer token. */
  loginAdmin(): Promise<string>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: 'sqlite' | 'postgres';
  clock?: Clock;
  seedDemo?: boolean;
  environment?: Record<string, string>;
  /**
   * A database the caller created (see testDatabase.ts) to share between several servers, as instances
   * of one deployment do; the caller drops it. Without it each server gets a fresh database of its own.
   */
  sharedDatabaseUrl?: string;
  routingTimers?: boolean;
  /** The job queue's timings (suites shorten back-off and polling to see retries without long waits). */
  jobOptions?: Partial<JobQueueOptions>;
  /** The built-in sentences intent training uses (suites that train pass a small share). */
  intentCorpus?: AppDependencies['intentCorpus'];
  /** Every log line at debug level and above goes here (suites that check what is never logged). */
  logLines?: string[];
}

/** The real app on a real port (127.0.0.1, random), on a throw-away database and data directory. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dialect = options.dialect ?? 'sqlite';
  const database: TestDatabase = options.sharedDatabaseUrl
    ? { url: options.sharedDatabaseUrl, drop: async () => undefined }
    : await createTestDatabase(dialect);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-test-data-'));
  const config = loadConfig({
    KEFU_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    KEFU_ADMIN_EMAIL: testAdminEmail,
    KEFU_ADMIN_PASSWORD: testAdminPassword,
    KEFU_SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
    LOG_LEVEL: 'silent',
    ...loadTestingLimitsEnvironment,
    ...options.environment,
  });
  const kefu = await buildApp(config, {
    logger: options.logLines
      ? { level: 'debug', stream: { write: (line: string) => options.logLines?.push(line) } }
      : process.env.KEFU_TEST_LOGS === '1'
        ? { level: 'error' }
        : false,
    // Periodic queue/SLA checks off by default: suites drive them with the manual clock.
    routingTimers: options.routingTimers ?? false,
    ...(options.clock && { clock: options.clock }),
    ...(options.jobOptions && { jobOptions: options.jobOptions }),
    ...(options.intentCorpus && { intentCorpus: options.intentCorpus }),
  });
  await kefu.app.listen({ port: 0, host: '127.0.0.1' });
  const address = kefu.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const login = async (email: string, password: string): Promise<string> => {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const body: unknown = await response.json();
    if (!body || typeof body !== 'object' || !('token' in body) || typeof body.token !== 'string')
      throw new Error('no token');
    return body.token;
  };

  return {
    kefu,
    baseUrl,
    dialect,
    login,
    loginAdmin: () => login(testAdminEmail, testAdminPassword),
    close: async () => {
      await kefu.app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const target = testDatabaseTargets().find((candidate) => candidate.dialect === dialect);
  if (!target) throw new Error(`No test database for ${dialect}: set KEFU_TEST_DATABASE_URL`);
  return target.create();
}
