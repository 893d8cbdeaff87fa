import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { PushNotificationsTable, PushRegistrationsTable } from '../../../db/schema';
import { newId } from '../../../ids';

export type PushRegistrationRow = Selectable<PushRegistrationsTable>;
export type PushNotificationRow = Selectable<PushNotificationsTable>;

/** The token's SHA-256: finds its registration without reading the sealed token (push tokens are random). */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The app's token for this shopper, once: registering again refreshes it. A device belongs to the shopper
 * signed in on it now, so the same token held for another customer is dropped.
 */
export async function registerPushToken(
  db: DbExecutor,
  input: { customerId: string; platform: string; token: string },
  now: Date,
): Promise<void> {
  const tokenHash = hashToken(input.token);
  const timestamp = now.toISOString();
  await db
    .deleteFrom('push_registrations')
    .where('token_hash', '=', tokenHash)
    .where('customer_id', '!=', input.customerId)
    .execute();
  await db
    .insertInto('push_registrations')
    .values({
      id: newId('psr'),
      customer_id: input.customerId,
      platform: input.platform,
      token: input.token,
      token_hash: tokenHash,
      created_at: timestamp,
      updated_at: timestamp,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['customer_id', 'token_hash'])
        .doUpdateSet({ platform: input.platform, updated_at: timestamp }),
    )
    .execute();
}

export async function removePushToken(db: DbExecutor, customerId: string, token: string): Promise<void> {
  await db
    .deleteFrom('push_registrations')
    .where('customer_id', '=', customerId)
    .where('token_hash', '=', hashToken(token))
    .execute();
}

export function listPushRegistrations(db: DbExecutor, customerId: string): Promise<PushRegistrationRow[]> {
  return db
    .selectFrom('push_registrations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .execute();
}

/** The notification of a message to one registration, created once whatever repeats. */
export async function insertPushNotificationOnce(
  db: DbExecutor,
  input: { registrationId: string; messageId: string; customerId: string },
  now: Date,
): Promise<PushNotificationRow> {
  await db
    .insertInto('push_notifications')
    .values({
      id: newId('psn'),
      registration_id: input.registrationId,
      message_id: input.messageId,
      customer_id: input.customerId,
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .onConflict((conflict) => conflict.columns(['message_id', 'registration_id']).doNothing())
    .execute();
  return db
    .selectFrom('push_notifications')
    .selectAll()
    .where('message_id', '=', input.messageId)
    .where('registration_id', '=', input.registrationId)
    .executeTakeFirstOrThrow();
}

export async function recordPushOutcome(
  db: DbExecutor,
  id: string,
  outcome: { status: 'sent' | 'pending' | 'failed'; attempts: number; error: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable('push_notifications')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      last_error: outcome.error,
      sent_at: outcome.status === 'sent' ? outcome.now.toISOString() : null,
    })
    .where('id', '=', id)
    .execute();
}

export function listPushNotificationsOfCustomer(
  db: DbExecutor,
  customerId: string,
): Promise<PushNotificationRow[]> {
  return db
    .selectFrom('push_notifications')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .execute();
}
