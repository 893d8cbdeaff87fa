import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { WebhookSubscriptionDeliveriesTable, WebhookSubscriptionsTable } from '../../db/schema';
import { KefuError } from '../../errors';
import { newId } from '../../ids';

export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
export type DeliveryRow = Selectable<WebhookSubscriptionDeliveriesTable>;

export async function requireSubscription(db: DbExecutor, id: string): Promise<SubscriptionRow> {
  const row = await findSubscription(db, id);
  if (!row) throw new KefuError('webhook_subscription_not_found');
  return row;
}

export function findSubscription(db: DbExecutor, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSubscriptions(db: DbExecutor): Promise<SubscriptionRow[]> {
  return db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Enabled, not paused subscriptions (their `events` still have to be checked). */
export function listActiveSubscriptions(db: DbExecutor): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('enabled', '=', 1)
    .where('paused_at', 'is', null)
    .execute();
}

export async function requireDelivery(
  db: DbExecutor,
  subscriptionId: string,
  deliveryId: string,
): Promise<DeliveryRow> {
  const row = await findDelivery(db, deliveryId);
  if (!row || row.subscription_id !== subscriptionId) throw new KefuError('webhook_delivery_not_found');
  return row;
}

export function findDelivery(db: DbExecutor, deliveryId: string): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_subscription_deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .executeTakeFirst();
}

export function listDeliveries(
  db: DbExecutor,
  subscriptionId: string,
  limit: number,
): Promise<DeliveryRow[]> {
  return db
    .selectFrom('webhook_subscription_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The delivery of this event to this subscription: created once (a unique index on both), found again when
 * the event is fanned out a second time, by this process or another.
 */
export async function claimDelivery(
  db: DbExecutor,
  entry: { subscriptionId: string; eventId: string; eventType: string; payload: string; now: Date },
): Promise<DeliveryRow> {
  await db
    .insertInto('webhook_subscription_deliveries')
    .values({
      id: newId('whd'),
      subscription_id: entry.subscriptionId,
      event_id: entry.eventId,
      event_type: entry.eventType,
      payload: entry.payload,
      status: 'pending',
      attempts: 0,
      attempts_before_redelivery: 0,
      status_code: null,
      latency_ms: null,
      response_excerpt: null,
      error: null,
      next_attempt_at: null,
      created_at: entry.now.toISOString(),
      last_attempt_at: null,
    })
    .onConflict((conflict) => conflict.columns(['subscription_id', 'event_id']).doNothing())
    .execute();
  return db
    .selectFrom('webhook_subscription_deliveries')
    .selectAll()
    .where('subscription_id', '=', entry.subscriptionId)
    .where('event_id', '=', entry.eventId)
    .executeTakeFirstOrThrow();
}

export async function deleteSubscription(db: DbExecutor, id: string): Promise<void> {
  await db.deleteFrom('webhook_subscription_deliveries').where('subscription_id', '=', id).execute();
  await db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
}
