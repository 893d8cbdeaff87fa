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

/** A fresh database per suite on the shared server, dropped afterwards. */
async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
