import type { Webhook, WebhookDelivery, WebhookInput } from '@kefu/sdk';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import type { FieldCipher } from '../privacy';
import type { WebhookDeliveries } from './webhookDeliveries';
import { isActive, readEvents, secretColumn } from './webhookDeliveries';
import type { WebhookEventType } from './webhookEventTypes';
import { isWebhookEventType } from './webhookEventTypes';
import type { DeliveryRow, SubscriptionRow } from './webhookRepo';
import * as repo from './webhookRepo';
import { checkWebhookTarget } from './webhookTarget';

export type WebhookSubscriptionInput = WebhookInput;

export type WebhookSubscriptionChange = Partial<WebhookSubscriptionInput>;

export type WebhookSubscriptionView = Webhook;

export type WebhookDeliveryView = WebhookDelivery;

const deliveryLogSize = 100;

/**
 * Admins' webhooks: where to post which events. The signing secret is made by Kefu, returned once by `create`,
 * stored sealed, and never read back through the API. Every change is audited (without the secret).
 */
export class WebhookSubscriptions {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  async list(): Promise<WebhookSubscriptionView[]> {
    return (await repo.listSubscriptions(this.db)).map(toSubscriptionView);
  }

  async create(
    input: WebhookSubscriptionInput,
    agentId: string,
  ): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
    await checkWebhookTarget(input.url, input.allowPrivateNetwork);
    const id = newId('whs');
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_subscriptions')
        .values({
          id,
          name: input.name,
          url: input.url,
          events: JSON.stringify(uniqueEvents(input.events)),
          secret: this.cipher.encrypt(secret, secretColumn),
          enabled: input.enabled ? 1 : 0,
          allow_private_network: input.allowPrivateNetwork ? 1 : 0,
          failed_in_a_row: 0,
          paused_at: null,
          created_by: agentId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.audit(trx, agentId, 'webhook.created', id, describe(input));
    });
    return { subscription: toSubscriptionView(await repo.requireSubscription(this.db, id)), secret };
  }

  /** Enabling a paused webhook resumes it (its failure count starts again). */
  async update(
    id: string,
    change: WebhookSubscriptionChange,
    agentId: string,
  ): Promise<WebhookSubscriptionView> {
    const current = await repo.requireSubscription(this.db, id);
    const url = change.url ?? current.url;
    const allowPrivateNetwork = change.allowPrivateNetwork ?? current.allow_private_network === 1;
    if (change.url !== undefined || change.allowPrivateNetwork === false)
      await checkWebhookTarget(url, allowPrivateNetwork);
    const resumes = change.enabled === true;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('webhook_subscriptions')
        .set({
          name: change.name ?? current.name,
          url,
          events: change.events ? JSON.stringify(uniqueEvents(change.events)) : current.events,
          enabled: change.enabled === undefined ? current.enabled : change.enabled ? 1 : 0,
          allow_private_network: allowPrivateNetwork ? 1 : 0,
          ...(resumes && { paused_at: null, failed_in_a_row: 0 }),
          updated_at: this.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit(trx, agentId, 'webhook.updated', id, describe(change));
    });
    return toSubscriptionView(await repo.requireSubscription(this.db, id));
  }

  async remove(id: string, agentId: string): Promise<void> {
    await repo.requireSubscription(this.db, id);
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteSubscription(trx, id);
      await this.audit(trx, agentId, 'webhook.deleted', id, {});
    });
  }

  /** Sends a `webhook.test` event now, enabled or not (to check the receiver before switching it on). */
  async sendTest(id: string): Promise<WebhookDeliveryView> {
    const subscription = await repo.requireSubscription(this.db, id);
    const deliveryId = await this.deliveries.sendTest(subscription);
    return toDeliveryView(await repo.requireDelivery(this.db, id, deliveryId));
  }

  async listDeliveries(id: string): Promise<WebhookDeliveryView[]> {
    await repo.requireSubscription(this.db, id);
    return (await repo.listDeliveries(this.db, id, deliveryLogSize)).map(toDeliveryView);
  }

  /** Sends a finished delivery again (same body and `webhook-id`), with a fresh round of attempts. */
  async redeliver(id: string, deliveryId: string, agentId: string): Promise<WebhookDeliveryView> {
    const subscription = await repo.requireSubscription(this.db, id);
    const delivery = await repo.requireDelivery(this.db, id, deliveryId);
    if (delivery.status === 'pending')
      throw new KefuError('conflict', 'This delivery is still being attempted');
    if (!isActive(subscription) && delivery.event_type !== 'webhook.test')
      throw new KefuError('conflict', 'Enable the webhook before redelivering');
    const updated = await this.db
      .updateTable('webhook_subscription_deliveries')
      .set({ status: 'pending', attempts_before_redelivery: delivery.attempts, next_attempt_at: null })
      .where('id', '=', deliveryId)
      .where('status', '=', delivery.status)
      .where('attempts', '=', delivery.attempts)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new KefuError('conflict');
    await this.deliveries.enqueueAttempt(deliveryId, delivery.attempts + 1);
    await this.audit(this.db, agentId, 'webhook.redelivered', id, { deliveryId });
    return toDeliveryView(await repo.requireDelivery(this.db, id, deliveryId));
  }

  private audit(
    db: Parameters<typeof recordAudit>[0],
    agentId: string,
    action: string,
    subscriptionId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return recordAudit(
      db,
      { actorType: 'agent', actorId: agentId, action, targetType: 'webhook', targetId: subscriptionId, data },
      this.clock.now(),
    );
  }
}

function uniqueEvents(events: readonly WebhookEventType[]): WebhookEventType[] {
  return [...new Set(events)];
}

function describe(change: WebhookSubscriptionChange): Record<string, unknown> {
  const { name, url, events, enabled, allowPrivateNetwork } = change;
  // Only where it points: a query string may carry the receiver's own token.
  const target = url === undefined ? undefined : `${new URL(url).origin}${new URL(url).pathname}`;
  return { name, target, events, enabled, allowPrivateNetwork };
}

function toSubscriptionView(row: SubscriptionRow): WebhookSubscriptionView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: readEvents(row).filter(isWebhookEventType),
    enabled: row.enabled === 1,
    allowPrivateNetwork: row.allow_private_network === 1,
    pausedAt: row.paused_at,
    failedInARow: row.failed_in_a_row,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventType: row.event_type,
    status: row.status === 'delivered' || row.status === 'failed' ? row.status : 'pending',
    attempts: row.attempts,
    statusCode: row.status_code,
    latencyMs: row.latency_ms,
    responseExcerpt: row.response_excerpt,
    error: row.error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
  };
}
