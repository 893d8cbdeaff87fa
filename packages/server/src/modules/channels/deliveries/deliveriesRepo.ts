import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { MessageDeliveriesTable } from '../../../db/schema';
import { newId } from '../../../ids';

export type DeliveryRow = Selectable<MessageDeliveriesTable>;

export interface NewDelivery {
  messageId: string;
  conversationId: string;
  channel: string;
  accountId: string | null;
  recipientExternalId: string | null;
  idempotencyKey: string;
}

/** The delivery of a message to its channel, created once whatever repeats: returns the stored row. */
export async function insertDeliveryOnce(
  db: DbExecutor,
  delivery: NewDelivery,
  now: Date,
): Promise<DeliveryRow> {
  await db
    .insertInto('message_deliveries')
    .values({
      id: newId('dlv'),
      message_id: delivery.messageId,
      conversation_id: delivery.conversationId,
      channel: delivery.channel,
      account_id: delivery.accountId,
      recipient_external_id: delivery.recipientExternalId,
      idempotency_key: delivery.idempotencyKey,
      status: 'pending',
      external_id: null,
      attempts: 0,
      next_attempt_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      sent_at: null,
      parts_sent: 0,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .execute();
  return db
    .selectFrom('message_deliveries')
    .selectAll()
    .where('idempotency_key', '=', delivery.idempotencyKey)
    .executeTakeFirstOrThrow();
}

export async function markDeliverySent(
  db: DbExecutor,
  id: string,
  outcome: { externalId: string | null; attempts: number; now: Date },
): Promise<void> {
  await db
    .updateTable('message_deliveries')
    .set({
      status: 'sent',
      external_id: outcome.externalId,
      attempts: outcome.attempts,
      next_attempt_at: null,
      last_error: null,
      updated_at: outcome.now.toISOString(),
      sent_at: outcome.now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** The platform accepted the delivery's first `partsSent` parts (a message it takes in several calls). */
export async function recordPartsSent(
  db: DbExecutor,
  id: string,
  partsSent: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('message_deliveries')
    .set({ parts_sent: partsSent, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt: `nextAttemptAt` null means no further attempt (the delivery has failed). */
export async function recordDeliveryFailure(
  db: DbExecutor,
  id: string,
  failure: { error: string; attempts: number; nextAttemptAt: Date | null; now: Date },
): Promise<void> {
  await db
    .updateTable('message_deliveries')
    .set({
      status: failure.nextAttemptAt ? 'pending' : 'failed',
      attempts: failure.attempts,
      next_attempt_at: failure.nextAttemptAt?.toISOString() ?? null,
      last_error: failure.error,
      updated_at: failure.now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export function listDeliveriesOfConversation(db: DbExecutor, conversationId: string): Promise<DeliveryRow[]> {
  return db
    .selectFrom('message_deliveries')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .execute();
}
