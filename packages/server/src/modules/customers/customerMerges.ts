import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CustomerMergesTable } from '../../db/schema';
import type { DbExecutor } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import * as customersRepo from './repo';
import type { CustomerRow } from './repo';

/** Moves a customer's conversations; the conversations module does it (it owns them). */
export interface ConversationMover {
  /** Gives every conversation of `fromCustomerId` to `toCustomerId`; returns the ids moved. */
  moveConversationsOfCustomer(
    db: DbExecutor,
    fromCustomerId: string,
    toCustomerId: string,
  ): Promise<string[]>;
  /** Gives these conversations (back) to `toCustomerId`. */
  moveConversations(db: DbExecutor, conversationIds: readonly string[], toCustomerId: string): Promise<void>;
}

export interface MergeRequest {
  survivingId: string;
  mergedId: string;
  reason: 'verified_key' | 'manual';
  /** The kind of verified key both held (automatic merges). */
  keyKind: string | null;
  /** The agent who merged them (manual merges). */
  agentId: string | null;
}

export interface CustomerMerge {
  id: string;
  survivingCustomerId: string;
  mergedCustomerId: string;
  reason: string;
  keyKind: string | null;
  movedIdentities: number;
  movedConversations: number;
  mergedBy: string | null;
  createdAt: string;
  undoneAt: string | null;
}

/** Profile fields the survivor takes from the merged customer when it has none of its own. */
const copiableFields = [
  'display_name',
  'phone',
  'email',
  'locale',
  'shop_customer_id',
  'phone_index',
  'email_index',
] as const;
type CopiableField = (typeof copiableFields)[number];
const idListSchema = z.array(z.string());

/**
 * Makes two customers one, inside the caller's transaction: the merged customer's identities and conversations
 * move to the survivor, which takes the profile fields it lacks. The merge record lists what moved, so
 * `undoCustomerMerge` can give it all back; both are in the audit log.
 */
export async function mergeCustomers(
  trx: DbExecutor,
  mover: ConversationMover,
  request: MergeRequest,
  now: Date,
): Promise<CustomerMerge> {
  if (request.survivingId === request.mergedId) throw new KefuError('customer_merge_same');
  const surviving = await requireActiveCustomer(trx, request.survivingId);
  const merged = await requireActiveCustomer(trx, request.mergedId);
  const identities = await customersRepo.listIdentitiesOfCustomer(trx, merged.id);
  await trx
    .updateTable('customer_identities')
    .set({ customer_id: surviving.id })
    .where('customer_id', '=', merged.id)
    .execute();
  const conversationIds = await mover.moveConversationsOfCustomer(trx, merged.id, surviving.id);
  const copied = copiableFields.filter((field) => surviving[field] === null && merged[field] !== null);
  if (copied.length > 0)
    await trx
      .updateTable('customers')
      .set({ ...pickFields(merged, copied), updated_at: now.toISOString() })
      .where('id', '=', surviving.id)
      .execute();
  const row = {
    id: newId('cmg'),
    surviving_customer_id: surviving.id,
    merged_customer_id: merged.id,
    reason: request.reason,
    key_kind: request.keyKind,
    moved_identity_ids: JSON.stringify(identities.map((identity) => identity.id)),
    moved_conversation_ids: JSON.stringify(conversationIds),
    copied_fields: JSON.stringify(copied),
    merged_by: request.agentId,
    created_at: now.toISOString(),
    undone_at: null,
    undone_by: null,
  };
  await trx.insertInto('customer_merges').values(row).execute();
  await recordAudit(
    trx,
    {
      actorType: request.agentId ? 'agent' : 'system',
      actorId: request.agentId,
      action: 'customer.merged',
      targetType: 'customer',
      targetId: surviving.id,
      data: {
        mergeId: row.id,
        mergedCustomerId: merged.id,
        reason: request.reason,
        keyKind: request.keyKind,
        identities: identities.length,
        conversations: conversationIds.length,
      },
    },
    now,
  );
  return toCustomerMerge(row);
}

/** Gives the merged customer back what the merge moved (identities, conversations) and clears copied fields. */
export async function undoCustomerMerge(
  trx: DbExecutor,
  mover: ConversationMover,
  input: { mergeId: string; agentId: string },
  now: Date,
): Promise<CustomerMerge> {
  const row = await trx
    .selectFrom('customer_merges')
    .selectAll()
    .where('id', '=', input.mergeId)
    .executeTakeFirst();
  if (!row) throw new KefuError('customer_merge_not_found');
  if (row.undone_at !== null) throw new KefuError('customer_merge_undone');
  const identityIds = parseJsonColumn(row.moved_identity_ids, idListSchema);
  if (identityIds.length > 0)
    await trx
      .updateTable('customer_identities')
      .set({ customer_id: row.merged_customer_id })
      .where('id', 'in', identityIds)
      .execute();
  await mover.moveConversations(
    trx,
    parseJsonColumn(row.moved_conversation_ids, idListSchema),
    row.merged_customer_id,
  );
  const copied = parseJsonColumn(row.copied_fields, idListSchema).filter(isCopiableField);
  if (copied.length > 0)
    await trx
      .updateTable('customers')
      .set({ ...Object.fromEntries(copied.map((field) => [field, null])), updated_at: now.toISOString() })
      .where('id', '=', row.surviving_customer_id)
      .execute();
  const undone = { ...row, undone_at: now.toISOString(), undone_by: input.agentId };
  await trx
    .updateTable('customer_merges')
    .set({ undone_at: undone.undone_at, undone_by: undone.undone_by })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(
    trx,
    {
      actorType: 'agent',
      actorId: input.agentId,
      action: 'customer.unmerged',
      targetType: 'customer',
      targetId: row.surviving_customer_id,
      data: { mergeId: row.id, restoredCustomerId: row.merged_customer_id },
    },
    now,
  );
  return toCustomerMerge(undone);
}

/** Merges into a customer (not undone), newest first: what an agent may undo from the survivor's view. */
export async function listMergesInto(db: DbExecutor, customerId: string): Promise<CustomerMerge[]> {
  const rows = await db
    .selectFrom('customer_merges')
    .selectAll()
    .where('surviving_customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map(toCustomerMerge);
}

/** The customer a merged one became (following later merges); the id itself when it was never merged away. */
export async function currentCustomerId(db: DbExecutor, customerId: string): Promise<string> {
  let current = customerId;
  for (let hop = 0; hop < 10; hop += 1) {
    const merge = await activeMergeOf(db, current);
    if (!merge) return current;
    current = merge.surviving_customer_id;
  }
  return current;
}

/** True when these two were merged once and an agent undid it: a verified key does not merge them again. */
export async function mergeWasUndone(db: DbExecutor, first: string, second: string): Promise<boolean> {
  const row = await db
    .selectFrom('customer_merges')
    .select('id')
    .where('undone_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('surviving_customer_id', '=', first), eb('merged_customer_id', '=', second)]),
        eb.and([eb('surviving_customer_id', '=', second), eb('merged_customer_id', '=', first)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

function activeMergeOf(db: DbExecutor, customerId: string) {
  return db
    .selectFrom('customer_merges')
    .select('surviving_customer_id')
    .where('merged_customer_id', '=', customerId)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
}

async function requireActiveCustomer(db: DbExecutor, customerId: string): Promise<CustomerRow> {
  const customer = await customersRepo.findCustomerById(db, customerId);
  if (!customer) throw new KefuError('customer_not_found');
  if (await activeMergeOf(db, customerId)) throw new KefuError('customer_merged_away');
  return customer;
}

function pickFields(customer: CustomerRow, fields: readonly CopiableField[]): Partial<CustomerRow> {
  return Object.fromEntries(fields.map((field) => [field, customer[field]]));
}

function isCopiableField(value: string): value is CopiableField {
  return copiableFields.some((field) => field === value);
}

function toCustomerMerge(row: Selectable<CustomerMergesTable>): CustomerMerge {
  return {
    id: row.id,
    survivingCustomerId: row.surviving_customer_id,
    mergedCustomerId: row.merged_customer_id,
    reason: row.reason,
    keyKind: row.key_kind,
    movedIdentities: parseJsonColumn(row.moved_identity_ids, idListSchema).length,
    movedConversations: parseJsonColumn(row.moved_conversation_ids, idListSchema).length,
    mergedBy: row.merged_by,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
  };
}
