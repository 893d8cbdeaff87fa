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
      sent_via: null,
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

/** Who takes a pending delivery: the send API's job (with its attempt number) or the push's passive reply. */
export type DeliveryClaim = { via: 'api'; attempt: number } | { via: 'passive' };

/**
 * Takes a delivery for one sender with a conditional UPDATE, so of any number of concurrent claimants exactly
 * one wins and only the winner sends; the others leave it alone.
 * - `passive` takes only a pending delivery and records it sent at once: the reply is handed to the platform in
 *   the response to its push (see passiveReply.ts for what a platform's retry of that push then gets).
 * - `api` takes a pending delivery as `sending` under the job's attempt number, and also one its own job's
 *   earlier attempt held when that attempt's process died mid-send (a lower attempt number): the queue re-runs a
 *   job only after its lease ran out, so that sender is gone. Such a re-run may send again what the dead
 *   attempt sent before recording it (at-least-once across a crash, as before claims existed); a passive reply
 *   is never taken this way.
 */
export async function claimDelivery(
  db: DbExecutor,
  id: string,
  claim: DeliveryClaim,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result =
    claim.via === 'passive'
      ? await db
          .updateTable('message_deliveries')
          .set((eb) => ({
            status: 'sent',
            sent_via: 'passive',
            attempts: eb('attempts', '+', 1),
            next_attempt_at: null,
            last_error: null,
            updated_at: at,
            sent_at: at,
          }))
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst()
      : await db
          .updateTable('message_deliveries')
          .set({ status: 'sending', sent_via: 'api', attempts: claim.attempt, updated_at: at })
          .where('id', '=', id)
          .where((eb) =>
            eb.or([
              eb('status', '=', 'pending'),
              eb.and([
                eb('status', '=', 'sending'),
                eb('sent_via', '=', 'api'),
                eb('attempts', '<', claim.attempt),
              ]),
            ]),
          )
          .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The send API's claim ended in a sent message. */
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
    .where('status', '=', 'sending')
    .execute();
}

/**
 * The platform accepted the delivery's first `partsSent` parts (a message it takes in several calls), recorded
 * while the send that claimed it is under way.
 */
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
    .where('status', '=', 'sending')
    .execute();
}

/**
 * A failed attempt of the send API's claim: `nextAttemptAt` null means no further attempt (the delivery has
 * failed); otherwise it is pending again, for the next attempt or a passive reply, whichever claims it first.
 */
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
    .where('status', '=', 'sending')
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

export function findDelivery(db: DbExecutor, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('message_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}
