import { PostgresAdapter, sql } from 'kysely';
import type { DbExecutor } from '../../db/database';
import { newId } from '../../ids';
import { auditChainStart, hashAuditEntry } from './auditChain';

export interface AuditEntry {
  actorType: 'agent' | 'api_token' | 'system' | 'customer' | 'anonymous';
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends who did what to which record to the hash-chained audit log; inside the use-case's transaction when
 * given one (its own otherwise), so an entry exists exactly when the change does. Entries are only ever added.
 */
export async function recordAudit(db: DbExecutor, entry: AuditEntry, now: Date): Promise<void> {
  if (db.isTransaction) return appendChained(db, entry, now);
  await db.transaction().execute((trx) => appendChained(trx, entry, now));
}

export async function listAuditEntries(db: DbExecutor, targetType: string, targetId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
}

async function appendChained(trx: DbExecutor, entry: AuditEntry, now: Date): Promise<void> {
  // One writer at a time extends the chain; SQLite's single writer already guarantees it.
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(${auditChainLockId})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['sequence', 'hash'])
    .where('sequence', 'is not', null)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const previousHash = last?.hash ?? auditChainStart;
  const fields = {
    sequence: Number(last?.sequence ?? 0) + 1,
    id: newId('aud'),
    actor_type: entry.actorType,
    actor_id: entry.actorId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    data: JSON.stringify(entry.data ?? {}),
    created_at: now.toISOString(),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...fields, previous_hash: previousHash, hash: hashAuditEntry(previousHash, fields) })
    .execute();
}

/** Any fixed number: the advisory lock that serialises appends to the audit chain on PostgreSQL. */
const auditChainLockId = 727_001;
