import type { Db } from '../../db/database';
import { auditChainStart, hashAuditEntry } from './auditChain';

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** ISO times, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Entries before this sequence number (the next page). */
  beforeSequence?: number | undefined;
  limit: number;
}

export interface AuditLogEntry {
  sequence: number;
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface ChainVerification {
  entries: number;
  valid: boolean;
  /** The first entry whose hash does not follow from the ones before it. */
  firstBrokenSequence: number | null;
}

/** Reads the audit log, newest first, with filters; checks its hash chain. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  async list(filter: AuditFilter): Promise<AuditLogEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().where('sequence', 'is not', null);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
    if (filter.from) query = query.where('created_at', '>=', filter.from);
    if (filter.to) query = query.where('created_at', '<=', filter.to);
    if (filter.beforeSequence !== undefined) query = query.where('sequence', '<', filter.beforeSequence);
    const rows = await query.orderBy('sequence', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      id: row.id,
      actorType: row.actor_type,
      actorId: row.actor_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      data: parseData(row.data),
      createdAt: row.created_at,
    }));
  }

  /** Recomputes every hash from the first entry on, in pages so a long log does not fill memory. */
  async verify(): Promise<ChainVerification> {
    let previousHash = auditChainStart;
    let expectedSequence = 1;
    let entries = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('sequence', '>=', expectedSequence)
        .orderBy('sequence')
        .limit(1000)
        .execute();
      for (const row of rows) {
        const sequence = Number(row.sequence);
        const fields = { ...row, sequence };
        if (
          sequence !== expectedSequence ||
          row.previous_hash !== previousHash ||
          row.hash !== hashAuditEntry(previousHash, fields)
        )
          return { entries, valid: false, firstBrokenSequence: expectedSequence };
        previousHash = row.hash;
        expectedSequence += 1;
        entries += 1;
      }
      if (rows.length < 1000) return { entries, valid: true, firstBrokenSequence: null };
    }
  }
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : {};
  } catch {
    return {};
  }
}
