import type { Conversation, OfferRule, OfferSkipReason } from '@kefu/sdk';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Db, DbExecutor } from '../../db/database';
import type { UnitOfWork } from '../../events/outbox';
import { newId } from '../../ids';
import type { JobContext, JobQueue } from '../../jobs/jobQueue';
import { normaliseLocale } from '../../replyLocale';
import type { CommerceConnector, CommerceProduct, CommercePromotion } from '../commerce';
import { appendMessage, findConversationById, requireConversation, toConversation } from '../conversations';
import { findShopCustomerId, findVipTierOfCustomer, getCustomerProfile } from '../customers';
import type { MarketingConsents } from './marketingConsent';
import { composeOfferMessages } from './offerMessages';
import type { OfferRules } from './offerRules';
import { readResolutionFacts, ruleMatches } from './offerTriggers';
import { isLinkableProductPage, recommendProducts, ShopUnavailableError } from './recommendProducts';
import type { OfferItemRow, OfferRow } from './repo';
import * as repo from './repo';

export const sendOfferJob = 'marketing.send_offer';
const ordersRead = 20;
const dayMs = 24 * 60 * 60_000;

export interface OfferSenderDependencies {
  db: Db;
  clock: Clock;
  unitOfWork: UnitOfWork;
  jobs: JobQueue;
  connector: CommerceConnector;
  rules: OfferRules;
  consents: MarketingConsents;
  /** The shopper's rating of this conversation, when they gave one. */
  csatRatingOf(conversationId: string): Promise<number | null>;
  /** False when the shopper's channel no longer takes messages (a platform's reply window). */
  replyWindowOpen(conversationId: string): Promise<boolean>;
  /** Where click-tracking links point; relative to the Kefu server when not configured. */
  publicUrl: string | null;
}

/**
 * After-conversation offers. A resolution that matches an enabled rule (the first, in creation order) gets one
 * offer row, keyed by (conversation, resolution), and a durable job due after the rule's delay; the job sends it
 * once — or records it as skipped, with why: the shopper opted out or was erased, the frequency cap, the channel's
 * reply window, the conversation is being served again, nothing to offer, or the shop could not be reached.
 */
export class OfferSender {
  constructor(private readonly dependencies: OfferSenderDependencies) {}

  /** On `conversation.resolved` (a job: safe to repeat, the offer row is unique per resolution). */
  async scheduleAfterResolution(conversation: Conversation): Promise<void> {
    const { db, clock, jobs } = this.dependencies;
    if (!conversation.resolvedAt) return;
    const rules = await this.dependencies.rules.listEnabled();
    if (rules.length === 0) return;
    const facts = await readResolutionFacts(db, conversation);
    const rating = await this.dependencies.csatRatingOf(conversation.id);
    const rule = rules.find((candidate) => ruleMatches(candidate, facts, rating));
    if (!rule) return;
    const dueAt = new Date(Date.parse(conversation.resolvedAt) + rule.delayMinutes * 60_000);
    const candidate: OfferRow = {
      id: newId('mko'),
      rule_id: rule.id,
      customer_id: conversation.customerId,
      conversation_id: conversation.id,
      resolved_at: conversation.resolvedAt,
      status: 'scheduled',
      skip_reason: null,
      coupon_code: null,
      due_at: dueAt.toISOString(),
      created_at: clock.now().toISOString(),
      sent_at: null,
      redeemed_at: null,
      redeemed_order_number: null,
    };
    await repo.insertOfferOnce(db, candidate);
    const offer = await db
      .selectFrom('marketing_offers')
      .selectAll()
      .where('conversation_id', '=', conversation.id)
      .where('resolved_at', '=', conversation.resolvedAt)
      .executeTakeFirstOrThrow();
    if (offer.status !== 'scheduled') return;
    await jobs.enqueue({
      name: sendOfferJob,
      payload: { offerId: offer.id },
      idempotencyKey: `${sendOfferJob}:${offer.id}`,
      runAt: new Date(offer.due_at),
    });
  }

  /** The job of one offer: sends it or records why not; a shop outage is retried, then recorded. */
  async send(offerId: string, job: JobContext): Promise<void> {
    const offer = await repo.findOffer(this.dependencies.db, offerId);
    if (!offer || offer.status !== 'scheduled') return;
    const rule = await this.dependencies.rules.find(offer.rule_id);
    const skipReason = await this.findSkipReason(offer, rule);
    if (skipReason || !rule) return this.skip(offer.id, skipReason ?? 'rule_not_matched');
    let content: { products: CommerceProduct[]; coupon: CommercePromotion | null };
    try {
      content = await this.pickContent(offer, rule);
    } catch (error) {
      if (!(error instanceof ShopUnavailableError) || job.retryDelayMs !== null) throw error;
      return this.skip(offer.id, 'shop_unavailable');
    }
    if (content.products.length === 0 && !content.coupon) return this.skip(offer.id, 'nothing_to_offer');
    await this.deliver(offer, rule, content);
  }

  private async findSkipReason(offer: OfferRow, rule: OfferRule | null): Promise<OfferSkipReason | null> {
    const { db, consents, clock } = this.dependencies;
    if (!rule || !rule.enabled) return 'rule_not_matched';
    const rating = await this.dependencies.csatRatingOf(offer.conversation_id);
    if (rule.conditions.minimumCsat !== null && rating !== null && rating < rule.conditions.minimumCsat)
      return 'rule_not_matched';
    if ((await consents.read(offer.customer_id)).optedOut) return 'opted_out';
    if (await isErased(db, offer.customer_id)) return 'customer_erased';
    const conversation = await findConversationById(db, offer.conversation_id);
    if (!conversation || conversation.status === 'closed') return 'conversation_closed';
    if (conversation.status !== 'resolved') return 'conversation_active';
    if (await this.capReached(db, offer, rule, clock.now())) return 'frequency_cap';
    if (!(await this.dependencies.replyWindowOpen(offer.conversation_id))) return 'reply_window_closed';
    return null;
  }

  private async capReached(db: DbExecutor, offer: OfferRow, rule: OfferRule, now: Date): Promise<boolean> {
    if (rule.capDays === 0) return false;
    const since = new Date(now.getTime() - rule.capDays * dayMs).toISOString();
    return (await repo.findSentOfferSince(db, offer.customer_id, since, offer.id)) !== undefined;
  }

  private async pickContent(offer: OfferRow, rule: OfferRule) {
    const { db, connector } = this.dependencies;
    const shopCustomerId = await findShopCustomerId(db, offer.customer_id);
    let orderedProductIds: string[] = [];
    if (shopCustomerId) {
      const orders = await connector.listOrders(shopCustomerId, ordersRead);
      if (!orders.ok) throw new ShopUnavailableError();
      orderedProductIds = orders.value.flatMap((order) => order.items.map((item) => item.productId));
    }
    const conversation = await findConversationById(db, offer.conversation_id);
    const facts = conversation ? await readResolutionFacts(db, toConversation(conversation)) : null;
    const products = await recommendProducts(connector, {
      discussedProductIds: facts?.discussedProductIds ?? [],
      orderedProductIds,
      count: rule.content.recommendations,
    });
    const coupon = rule.content.coupon ? await this.pickCoupon(offer.customer_id, shopCustomerId) : null;
    return { products, coupon };
  }

  /** The shop's most generous promotion the shopper may use (members-only ones for VIP tiers only). */
  private async pickCoupon(customerId: string, shopCustomerId: string | null) {
    const promotions = await this.dependencies.connector.listPromotions(
      shopCustomerId ? { customerId: shopCustomerId } : {},
    );
    if (!promotions.ok) throw new ShopUnavailableError();
    const member = (await findVipTierOfCustomer(this.dependencies.db, customerId)) !== 'none';
    const eligible = promotions.value.filter((promotion) => member || !promotion.membersOnly);
    return eligible.sort((left, right) => right.discountCents - left.discountCents)[0] ?? null;
  }

  private async deliver(
    offer: OfferRow,
    rule: OfferRule,
    content: { products: CommerceProduct[]; coupon: CommercePromotion | null },
  ): Promise<void> {
    const items: OfferItemRow[] = content.products.map((product, position) => ({
      id: newId('mki'),
      offer_id: offer.id,
      position,
      product_id: product.id,
      url: isLinkableProductPage(product.url) ? product.url : '/',
      token: randomBytes(24).toString('base64url'),
      clicked_at: null,
    }));
    await this.dependencies.unitOfWork.run(async (context) => {
      // Checked again in the transaction that sends: two offers for one shopper due together send one.
      if (await this.capReached(context.trx, offer, rule, context.now))
        return repo.finishOffer(context.trx, offer.id, { status: 'skipped', reason: 'frequency_cap' });
      const finished = await repo.finishOffer(context.trx, offer.id, {
        status: 'sent',
        sentAt: context.now.toISOString(),
        couponCode: content.coupon?.code ?? null,
      });
      if (!finished) return false;
      await repo.insertOfferItems(context.trx, items);
      let conversation = await requireConversation(context, offer.conversation_id);
      const messages = composeOfferMessages(normaliseLocale(conversation.locale), {
        products: content.products.map((product, position) => ({
          product,
          trackingUrl: this.trackingUrl(items[position]?.token ?? ''),
        })),
        coupon: content.coupon,
      });
      for (const message of messages) {
        const appended = await appendMessage(context, conversation, {
          sender: 'bot',
          senderId: null,
          senderName: null,
          text: message.text,
          card: message.card,
        });
        conversation = appended.conversation;
      }
      return true;
    });
  }

  private skip(offerId: string, reason: OfferSkipReason): Promise<void> {
    return repo
      .finishOffer(this.dependencies.db, offerId, { status: 'skipped', reason })
      .then(() => undefined);
  }

  private trackingUrl(token: string): string {
    const base = this.dependencies.publicUrl?.replace(/\/+$/, '') ?? '';
    return `${base}/r/${token}`;
  }
}

/** An erased shopper keeps a pseudonymous record without any way to reach them. */
async function isErased(db: Db, customerId: string): Promise<boolean> {
  const profile = await getCustomerProfile(db, customerId).catch(() => null);
  return profile === null || profile.identities.length === 0;
}
