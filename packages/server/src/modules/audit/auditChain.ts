import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../db/schema';

/** What the hash of an audit entry covers: everything it says, and the hash of the entry before it. */
export type ChainedAuditFields = Omit<AuditLogTable, 'sequence' | 'previous_hash' | 'hash'> & {
  sequence: number;
};

/** The hash before the first entry. */
export const auditChainStart = '0'.repeat(64);

/**
 * SHA-256 over the previous entry's hash and this entry's fields (JSON, fixed order): changing, removing or
 * reordering any entry breaks every hash after it.
 */
export function hashAuditEntry(previousHash: string, entry: ChainedAuditFields): string {
  const fields = [
    entry.sequence,
    entry.id,
    entry.actor_type,
    entry.actor_id,
    entry.action,
    entry.target_type,
    entry.target_id,
    entry.data,
    entry.created_at,
  ];
  return createHash('sha256').update(previousHash).update(JSON.stringify(fields)).digest('hex');
}
