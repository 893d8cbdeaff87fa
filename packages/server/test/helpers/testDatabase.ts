import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseTarget {
  dialect: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

/**
 * The stores every store-touching suite runs on: a temporary SQLite file always, and PostgreSQL when
 * KEFU_TEST_DATABASE_URL points at a server (the full test command starts one).
 */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [{ dialect: 'sqlite', create: createSqliteDatabase }];
  const postgresUrl = process.env.KEFU_TEST_DATABASE_URL;
  if (postgresUrl) targets.push({ dialect: 'postgres', create: () => createPostgresDatabase(postgresUrl) });
  return targets;
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  const directory = mkdtempSync(path.join(tmpdir(), 'kefu-test-db-'));
  return {
    url: `sqlite:${path.join(directory, 'kefu.sqlite')}`,
    drop: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

/**
 * A fresh database per suite on the shared server, dropped afterwards. Close every server and pool that uses
 * it before `drop()`: the drop ends whatever connections are left.
 */
async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One statement on its own connection; a connection error is thrown here, never left as an `error` event. */
async function runAdminStatement(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  let connectionError: unknown = null;
  client.on('error', (error) => {
    connectionError = error;
  });
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (connectionError) throw connectionError;
}

/**
 * Ends every server connection to the database at `databaseUrl` from a separate connection, as a PostgreSQL
 * restart or failover would; returns how many it ended.
 */
export async function terminateDatabaseConnections(databaseUrl: string): Promise<number> {
  return terminateBackends(databaseUrl, 'pid <> pg_backend_pid()');
}

/**
 * Ends the server connections to the database at `databaseUrl` that are waiting for a lock — a query cut off
 * mid-run, as a failover would — and returns how many it ended.
 */
export async function terminateLockWaiters(databaseUrl: string): Promise<number> {
  return terminateBackends(databaseUrl, "wait_event_type = 'Lock'");
}

async function terminateBackends(
  databaseUrl: string,
  condition: 'pid <> pg_backend_pid()' | "wait_event_type = 'Lock'",
): Promise<number> {
  return withServerConnection(databaseUrl, async (client, databaseName) => {
    const result = await client.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and ${condition}`,
      [databaseName],
    );
    return result.rows.filter((row) => row.ended).length;
  });
}

/** Lets the database accept new connections or refuses them (an outage that lasts until it is lifted). */
export async function setDatabaseAcceptsConnections(databaseUrl: string, accepts: boolean): Promise<void> {
  await withServerConnection(databaseUrl, async (client, databaseName) => {
    // The name comes from createPostgresDatabase (kefu_test_ + hex), never from outside input.
    await client.query(`ALTER DATABASE ${databaseName} WITH ALLOW_CONNECTIONS ${accepts ? 'true' : 'false'}`);
  });
}

/** A connection to the server's maintenance database, beside the one `databaseUrl` names. */
async function withServerConnection<Result>(
  databaseUrl: string,
  work: (client: pg.Client, databaseName: string) => Promise<Result>,
): Promise<Result> {
  const url = new URL(databaseUrl);
  const databaseName = url.pathname.slice(1);
  if (!/^kefu_test_[0-9a-f]+$/.test(databaseName)) throw new Error(`not a test database: ${databaseName}`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client, databaseName);
  } finally {
    await client.end();
  }
}
