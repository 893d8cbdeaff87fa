import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { CommerceConfig } from '../commerce';
import { localizeReply, normaliseLocale } from '../../replyLocale';
import { findLatestConversationOfCustomer, postProactiveMessage } from '../conversations';
import { findCustomerIdOfShopCustomer } from '../customers';
import type { Db } from '../../db/database';
import type { EventJobs } from '../../events/eventJobs';
import type { UnitOfWork } from '../../events/outbox';
import { newId } from '../../ids';
import type { ScenarioMessage } from './scenarioMessages';
import { pickScenarioText, scenarioForOrderUpdate, scenarioForShipmentUpdate } from './scenarioMessages';

const sweepIntervalMs = 60_000;

/**
 * Proactive messages after order and shipment events: recorded first (one per order milestone), then posted
 * on the shopper's latest conversation — unless they opted out — or held until quiet hours end. The record
 * makes a crash between the two harmless: the sweep posts whatever is due and still pending.
 */
export class ScenarioNotifier {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly settings: CommerceConfig['scenarioMessages'],
    private readonly logger: FastifyBaseLogger,
  ) {}

  /** The messages follow shop events as jobs: once across all processes, in order per order. */
  listenTo(eventJobs: EventJobs): void {
    if (!this.settings.enabled) return;
    const byOrder = {
      orderingKey: ({ payload }: { payload: { orderNumber: string } }) => `order:${payload.orderNumber}`,
    };
    eventJobs.listen(
      'commerce.order_updated',
      'notifications.scenario_message_for_order',
      ({ payload }) => this.schedule(scenarioForOrderUpdate(payload)),
      byOrder,
    );
    eventJobs.listen(
      'commerce.shipment_updated',
      'notifications.scenario_message_for_shipment',
      ({ payload }) => this.schedule(scenarioForShipmentUpdate(payload)),
      byOrder,
    );
  }

  startSweeping(): void {
    if (!this.settings.enabled || this.timer) return;
    this.timer = setInterval(() => {
      this.deliverDue().catch((error: unknown) =>
        this.logger.error({ err: error }, 'scenario message sweep failed'),
      );
    }, sweepIntervalMs);
    this.timer.unref();
  }

  stopSweeping(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async setOptOut(customerId: string, optedOut: boolean): Promise<void> {
    const updatedAt = this.clock.now().toISOString();
    await this.db
      .insertInto('notification_preferences')
      .values({ customer_id: customerId, opted_out: optedOut ? 1 : 0, updated_at: updatedAt })
      .onConflict((conflict) =>
        conflict.column('customer_id').doUpdateSet({ opted_out: optedOut ? 1 : 0, updated_at: updatedAt }),
      )
      .execute();
  }

  async isOptedOut(customerId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('notification_preferences')
      .select('opted_out')
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row?.opted_out === 1;
  }

  async schedule(message: ScenarioMessage | null): Promise<void> {
    if (!message) return;
    const customerId = await findCustomerIdOfShopCustomer(this.db, message.shopCustomerId);
    if (!customerId) return;
    const now = this.clock.now();
    const optedOut = await this.isOptedOut(customerId);
    const inserted = await this.db
      .insertInto('scenario_notifications')
      .values({
        id: newId('ntf'),
        customer_id: customerId,
        order_number: message.orderNumber,
        kind: message.kind,
        dedupe_key: `${message.orderNumber}:${message.kind}`,
        text_zh: message.zh,
        text_en: message.en,
        status: optedOut ? 'skipped' : 'pending',
        due_at: this.endOfQuietHours(now).toISOString(),
        conversation_id: null,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 && !optedOut) await this.deliverDue();
  }

  /** Posts every pending message whose time has come; returns how many were posted. */
  async deliverDue(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await this.db
      .selectFrom('scenario_notifications')
      .selectAll()
      .where('status', '=', 'pending')
      .where('due_at', '<=', now)
      .orderBy('created_at')
      .limit(100)
      .execute();
    let posted = 0;
    for (const notification of due) {
      const claimed = await this.db
        .updateTable('scenario_notifications')
        .set({ status: 'sending' })
        .where('id', '=', notification.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      const sent = (await this.isOptedOut(notification.customer_id))
        ? null
        : await this.post(notification.customer_id, notification);
      await this.db
        .updateTable('scenario_notifications')
        .set({
          status: sent ? 'sent' : 'skipped',
          conversation_id: sent,
          sent_at: sent ? this.clock.now().toISOString() : null,
        })
        .where('id', '=', notification.id)
        .execute();
      if (sent) posted += 1;
    }
    return posted;
  }

  private async post(
    customerId: string,
    message: { text_zh: string; text_en: string },
  ): Promise<string | null> {
    const conversation = await findLatestConversationOfCustomer(this.unitOfWork, customerId);
    if (!conversation) return null;
    const locale = normaliseLocale(conversation.locale);
    const text = localizeReply(
      pickScenarioText({ zh: message.text_zh, en: message.text_en }, locale),
      locale,
    );
    return (await postProactiveMessage(this.unitOfWork, conversation.id, text)) ? conversation.id : null;
  }

  /** Now, or the end of the shop's quiet hours when now falls inside them (local time of the shop). */
  private endOfQuietHours(now: Date): Date {
    const { quietStartHour, quietEndHour, utcOffsetHours } = this.settings;
    if (quietStartHour === quietEndHour) return now;
    const localHour = (now.getUTCHours() + utcOffsetHours + 24) % 24;
    const quiet =
      quietStartHour > quietEndHour
        ? localHour >= quietStartHour || localHour < quietEndHour
        : localHour >= quietStartHour && localHour < quietEndHour;
    if (!quiet) return now;
    const hoursUntilEnd = (quietEndHour - localHour + 24) % 24 || 24;
    const end = new Date(now.getTime() + hoursUntilEnd * 3_600_000);
    end.setUTCMinutes(0, 0, 0);
    return end;
  }
}
