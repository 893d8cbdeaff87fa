import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { DomainEvent } from '../../events/catalog';
import type { JobQueue } from '../../jobs/jobQueue';
import { recordAudit } from '../audit';
import { parseWebhookSecret, webhookHeaders } from '../channels';
import type { FieldCipher } from '../privacy';
import { postWebhook } from './postWebhook';
import type { WebhookDeliveryPolicy } from './webhookDeliveryPolicy';
import { judgeAnswer, nextAttemptDelayMs } from './webhookDeliveryPolicy';
import { testEventType, toWebhookEvent } from './webhookEventTypes';
import type { DeliveryRow, SubscriptionRow } from './webhookRepo';
import { claimDelivery, findDelivery, findSubscription, listActiveSubscriptions } from './webhookRepo';

export const deliverWebhookJob = 'integrations.deliver_webhook';
export const secretColumn = 'webhook_subscriptions.secret';

export interface WebhookDeliveryDependencies {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  cipher: FieldCipher;
  policy: WebhookDeliveryPolicy;
  logger: FastifyBaseLogger;
}

/**
 * Fans a domain event out to the subscriptions that want it — one delivery row and one job per subscription,
 * both keyed so that a second fan-out (a retried job, another process) adds nothing — and makes each attempt:
 * a signed POST, then delivered, another attempt later, or failed.
 */
export class WebhookDeliveries {
  constructor(private readonly dependencies: WebhookDeliveryDependencies) {}

  async fanOut(event: DomainEvent): Promise<void> {
    const webhookEvent = toWebhookEvent(event);
    if (!webhookEvent) return;
    const { db } = this.dependencies;
    for (const subscription of await listActiveSubscriptions(db)) {
      if (!readEvents(subscription).includes(webhookEvent.type)) continue;
      const payload = JSON.stringify({
        type: webhookEvent.type,
        timestamp: event.occurredAt,
        data: webhookEvent.data,
      });
      const delivery = await claimDelivery(db, {
        subscriptionId: subscription.id,
        eventId: event.id,
        eventType: webhookEvent.type,
        payload,
        now: this.dependencies.clock.now(),
      });
      if (delivery.attempts === 0) await this.enqueueAttempt(delivery.id, 1);
    }
  }

  /** A test event for this subscription, delivered like any other; returns the delivery's id. */
  async sendTest(subscription: SubscriptionRow): Promise<string> {
    const now = this.dependencies.clock.now();
    const eventId = `test_${now.getTime()}_${Math.random().toString(36).slice(2, 10)}`;
    const payload = JSON.stringify({
      type: testEventType,
      timestamp: now.toISOString(),
      data: { subscriptionId: subscription.id, message: 'A test event from Kefu' },
    });
    const delivery = await claimDelivery(this.dependencies.db, {
      subscriptionId: subscription.id,
      eventId,
      eventType: testEventType,
      payload,
      now,
    });
    await this.enqueueAttempt(delivery.id, 1);
    return delivery.id;
  }

  enqueueAttempt(deliveryId: string, attempt: number, runAt?: Date): Promise<string> {
    return this.dependencies.jobs.enqueue({
      name: deliverWebhookJob,
      payload: { deliveryId, attempt },
      idempotencyKey: `${deliverWebhookJob}:${deliveryId}:${attempt}`,
      orderingKey: `webhook-delivery:${deliveryId}`,
      ...(runAt && { runAt }),
    });
  }

  /** One attempt (the `attempt`-th of the delivery, counting every round); a stale or repeated job does nothing. */
  async attempt(deliveryId: string, attempt: number): Promise<void> {
    const { db } = this.dependencies;
    const delivery = await findDelivery(db, deliveryId);
    if (!delivery || delivery.status !== 'pending') return;
    if (delivery.attempts >= attempt) return this.resumeScheduledAttempt(delivery, attempt);
    if (delivery.attempts + 1 !== attempt) return;
    const subscription = await findSubscription(db, delivery.subscription_id);
    if (!subscription) return;
    if (!isActive(subscription) && delivery.event_type !== testEventType)
      return this.finish(delivery, subscription, { attempt, error: 'The webhook was disabled or paused' });
    await this.post(delivery, subscription, attempt);
  }

  private async post(delivery: DeliveryRow, subscription: SubscriptionRow, attempt: number): Promise<void> {
    const { clock, cipher, policy } = this.dependencies;
    const secret = cipher.decrypt(subscription.secret, secretColumn);
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const answer = await postWebhook({
      url: new URL(subscription.url),
      headers: webhookHeaders(parseWebhookSecret(secret), { id: delivery.id, timestamp }, delivery.payload),
      body: delivery.payload,
      allowPrivateNetwork: subscription.allow_private_network === 1,
      timeoutMs: policy.timeoutMs,
    });
    const statusCode = answer.kind === 'answered' ? answer.statusCode : null;
    const result: AttemptResult = {
      attempt,
      statusCode,
      latencyMs: answer.latencyMs,
      excerpt: answer.kind === 'answered' ? redactSecret(answer.excerpt, secret) : null,
      error: answer.kind === 'unreachable' ? answer.error : null,
    };
    const verdict = judgeAnswer(statusCode);
    const roundAttempts = attempt - delivery.attempts_before_redelivery;
    if (verdict === 'retry' && roundAttempts < policy.maxAttempts) {
      const retryAfter = answer.kind === 'answered' ? answer.retryAfter : null;
      const now = clock.now();
      const runAt = new Date(now.getTime() + nextAttemptDelayMs(policy, roundAttempts, retryAfter, now));
      await this.record(delivery.id, result, 'pending', runAt);
      await this.enqueueAttempt(delivery.id, attempt + 1, runAt);
      return;
    }
    await this.finish(delivery, subscription, result, verdict === 'delivered');
  }

  /** The attempt ran but its successor was not enqueued (a crash in between): enqueue it now. */
  private async resumeScheduledAttempt(delivery: DeliveryRow, attempt: number): Promise<void> {
    if (delivery.attempts === attempt && delivery.next_attempt_at)
      await this.enqueueAttempt(delivery.id, attempt + 1, new Date(delivery.next_attempt_at));
  }

  private async finish(
    delivery: DeliveryRow,
    subscription: SubscriptionRow,
    result: Partial<AttemptResult> & { attempt: number },
    delivered = false,
  ): Promise<void> {
    await this.record(delivery.id, result, delivered ? 'delivered' : 'failed', null);
    if (delivery.event_type === testEventType) return;
    if (delivered) {
      await this.dependencies.db
        .updateTable('webhook_subscriptions')
        .set({ failed_in_a_row: 0 })
        .where('id', '=', subscription.id)
        .execute();
      return;
    }
    await this.countFailure(subscription.id);
  }

  private async countFailure(subscriptionId: string): Promise<void> {
    const { db, clock, policy, logger } = this.dependencies;
    await db
      .updateTable('webhook_subscriptions')
      .set((eb) => ({ failed_in_a_row: eb('failed_in_a_row', '+', 1) }))
      .where('id', '=', subscriptionId)
      .execute();
    const now = clock.now();
    const paused = await db
      .updateTable('webhook_subscriptions')
      .set({ paused_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', subscriptionId)
      .where('paused_at', 'is', null)
      .where('failed_in_a_row', '>=', policy.pauseAfterFailures)
      .executeTakeFirst();
    if (Number(paused.numUpdatedRows) === 0) return;
    logger.warn({ subscriptionId }, 'webhook paused after failed deliveries in a row');
    await recordAudit(
      db,
      {
        actorType: 'system',
        actorId: null,
        action: 'webhook.paused',
        targetType: 'webhook',
        targetId: subscriptionId,
        data: { failedInARow: policy.pauseAfterFailures },
      },
      now,
    );
  }

  private async record(
    deliveryId: string,
    result: Partial<AttemptResult> & { attempt: number },
    status: 'pending' | 'delivered' | 'failed',
    nextAttemptAt: Date | null,
  ): Promise<void> {
    await this.dependencies.db
      .updateTable('webhook_subscription_deliveries')
      .set({
        status,
        attempts: result.attempt,
        status_code: result.statusCode ?? null,
        latency_ms: result.latencyMs ?? null,
        response_excerpt: result.excerpt ?? null,
        error: result.error ?? null,
        next_attempt_at: nextAttemptAt?.toISOString() ?? null,
        last_attempt_at: this.dependencies.clock.now().toISOString(),
      })
      .where('id', '=', deliveryId)
      .execute();
  }
}

interface AttemptResult {
  attempt: number;
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
}

export function readEvents(subscription: SubscriptionRow): string[] {
  const parsed: unknown = JSON.parse(subscription.events);
  return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === 'string') : [];
}

export function isActive(subscription: SubscriptionRow): boolean {
  return subscription.enabled === 1 && subscription.paused_at === null;
}

/** A receiver that echoes what it got must not put the signing secret into Kefu's delivery log. */
function redactSecret(excerpt: string, secret: string): string {
  const key = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  return excerpt
    .split(secret)
    .join('[secret]')
    .split(key)
    .join('[secret]')
    .replace(/whsec_[A-Za-z0-9+/=]+/g, '[secret]');
}
