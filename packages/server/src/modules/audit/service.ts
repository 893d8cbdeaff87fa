import type { DbExecutor } from '../../db/database';
import { newId } from '../../ids';

export interface AuditEntry {
  actorType: 'agent' | 'system' | 'customer' | 'anonymous';
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data?: Record<string, unknown>;
}

/** Records who did what to which record; called inside the use-case's transaction. */
export async function recordAudit(db: DbExecutor, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud'),
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      data: JSON.stringify(entry.data ?? {}),
      created_at: now.toISOString(),
    })
    .execute();
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
