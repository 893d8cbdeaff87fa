import path from 'node:path';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { KyselyPlugin, Migration, MigrationProvider, Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import * as migration0001 from './migrations/0001_core';
import * as migration0002 from './migrations/0002_shop';
import * as migration0003 from './migrations/0003_knowledge';
import * as migration0004 from './migrations/0004_routing';
import * as migration0005 from './migrations/0005_commerce';
import * as migration0006 from './migrations/0006_message_cards';
import * as migration0007 from './migrations/0007_jobs';
import * as migration0008 from './migrations/0008_product_dispatch';
import * as migration0009 from './migrations/0009_channel_messages';
import * as migration0010 from './migrations/0010_trust';
import * as migration0011 from './migrations/0011_access';
import * as migration0012 from './migrations/0012_analytics';
import * as migration0013 from './migrations/0013_spike_alerts';
import * as migration0014 from './migrations/0014_quality_inspection';
import * as migration0015 from './migrations/0015_report_indexes';
import * as migration0016 from './migrations/0016_privacy';
import * as migration0017 from './migrations/0017_console_live';
import * as migration0018 from './migrations/0018_intent_examples';
import * as migration0019 from './migrations/0019_channel_accounts';
import * as migration0020 from './migrations/0020_intent_models';
import * as migration0021 from './migrations/0021_inbound_threads';
import * as migration0022 from './migrations/0022_customer_merges';
import * as migration0024 from './migrations/0024_app_push_and_calls';
import * as migration0025 from './migrations/0025_outbound_webhooks';
import * as migration0026 from './migrations/0026_trust_access';
import * as migration0027 from './migrations/0027_passive_replies';
import * as migration0028 from './migrations/0028_upload_files';
import * as migration0029 from './migrations/0029_app_connections';
import * as migration0030 from './migrations/0030_imap_mailboxes';
import * as migration0031 from './migrations/0031_delivery_parts';
import * as migration0032 from './migrations/0032_marketing_offers';
import * as migration0033 from './migrations/0033_experiments';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type DbTransaction = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type DbExecutor = Kysely<Database> | Transaction<Database>;

export interface KefuDatabase {
  db: Db;
  dialect: Dialect;
  /** Resolves once every connection is closed (on PostgreSQL: once the server has let go of each one). */
  close(): Promise<void>;
}

export interface DatabaseLogger {
  warn(details: object, message: string): void;
}

export interface OpenDatabaseOptions {
  /** Told about connections the server ended (restart, failover, an administrator); never given secrets. */
  logger?: DatabaseLogger;
  /** Applied to every query after the migrations ran (encryption of personal data at rest). */
  plugins?: KyselyPlugin[];
}

const migrations: Record<string, Migration> = {
  '0001_core': migration0001,
  '0002_shop': migration0002,
  '0003_knowledge': migration0003,
  '0004_routing': migration0004,
  '0005_commerce': migration0005,
  '0006_message_cards': migration0006,
  '0007_jobs': migration0007,
  '0008_product_dispatch': migration0008,
  '0009_channel_messages': migration0009,
  '0010_trust': migration0010,
  '0011_access': migration0011,
  '0012_analytics': migration0012,
  '0013_spike_alerts': migration0013,
  '0014_quality_inspection': migration0014,
  '0015_report_indexes': migration0015,
  '0016_privacy': migration0016,
  '0017_console_live': migration0017,
  '0018_intent_examples': migration0018,
  '0019_channel_accounts': migration0019,
  '0020_intent_models': migration0020,
  '0021_inbound_threads': migration0021,
  '0022_customer_merges': migration0022,
  '0024_app_push_and_calls': migration0024,
  '0025_outbound_webhooks': migration0025,
  '0026_trust_access': migration0026,
  '0027_passive_replies': migration0027,
  '0028_upload_files': migration0028,
  '0029_app_connections': migration0029,
  '0030_imap_mailboxes': migration0030,
  '0031_delivery_parts': migration0031,
  '0032_marketing_offers': migration0032,
  '0033_experiments': migration0033,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Opens SQLite (`sqlite:/path/file.sqlite`) or PostgreSQL (`postgres://…`) and applies pending migrations. */
export async function openDatabase(
  databaseUrl: string,
  options: OpenDatabaseOptions = {},
): Promise<KefuDatabase> {
  const kefuDatabase = databaseUrl.startsWith('sqlite:')
    ? openSqlite(databaseUrl)
    : openPostgres(databaseUrl, options.logger ?? silentLogger);
  await migrateToLatest(kefuDatabase.db);
  const plugins = options.plugins ?? [];
  if (plugins.length === 0) return kefuDatabase;
  const db = plugins.reduce((withPlugins, plugin) => withPlugins.withPlugin(plugin), kefuDatabase.db);
  return { ...kefuDatabase, db };
}

export async function migrateToLatest(db: Db): Promise<void> {
  // Independent migrations written side by side may land in any order; each runs once.
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
  }
}

export async function checkDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

function openSqlite(databaseUrl: string): KefuDatabase {
  const filePath = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (filePath !== ':memory:') createPrivateFile(filePath);
  const connection = new SqliteDatabase(filePath);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * The database file is for its owner only (0600) whatever the umask: SQLite gives the -wal and -shm files it
 * creates beside it the same mode.
 */
function createPrivateFile(filePath: string): void {
  mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  if (!existsSync(filePath)) closeSync(openSync(filePath, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(`${filePath}${suffix}`)) chmodSync(`${filePath}${suffix}`, 0o600);
}

/**
 * Kysely prepares every query anew; compiling SQL is a large share of a small query's cost on SQLite,
 * so prepared statements are kept per SQL text (statements run synchronously, so reuse is safe).
 */
function withStatementCache(connection: SqliteDatabase.Database, capacity = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sqlText: string) {
      const cached = statements.get(sqlText);
      if (cached) return cached;
      const statement = connection.prepare(sqlText);
      if (statements.size >= capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sqlText, statement);
      return statement;
    },
  };
}

function openPostgres(databaseUrl: string, logger: DatabaseLogger): KefuDatabase {
  // A connection attempt that hangs (an unreachable host) fails after 5 s instead of holding requests forever.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection the server ends (restart, failover, pg_terminate_backend) is reported here; without a
  // listener the pool's `error` event would end the process. The pool has already dropped that client and
  // opens a new one for the next query.
  pool.on('error', (error) =>
    logger.warn({ err: describeDatabaseError(error) }, 'PostgreSQL ended an idle connection; dropped it'),
  );
  const openClients = new Set<pg.PoolClient>();
  pool.on('connect', (client) => {
    openClients.add(client);
    // A connection ended while checked out between two queries (inside a transaction) emits `error` on the
    // client, not the pool; without a listener that would end the process. The next query on it fails (and
    // the request answers 503), and the pool discards the broken client when it is released.
    client.on('error', () => undefined);
  });
  const allClosed = new ClosedSignal(() => openClients.size === 0);
  pool.on('remove', (client) => {
    openClients.delete(client);
    allClosed.check();
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    // `pool.end()` resolves once each client was asked to end, not once it has: wait for each goodbye, so a
    // caller that drops the database afterwards does not cut a connection that is still closing.
    close: async () => {
      await db.destroy();
      await allClosed.wait();
    },
  };
}

/** The parts of a driver error that are safe to log: its error object also carries the connection settings. */
export function describeDatabaseError(error: unknown): { message: string; code?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { message: error.message, ...(code !== undefined && { code }) };
}

const silentLogger: DatabaseLogger = { warn: () => undefined };

/** Resolves waiters once a condition holds; `check()` is called whenever it may have changed. */
class ClosedSignal {
  private waiters: (() => void)[] = [];

  constructor(private readonly isClosed: () => boolean) {}

  wait(): Promise<void> {
    if (this.isClosed()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  check(): void {
    if (!this.isClosed()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
