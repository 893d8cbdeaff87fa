import type { OfferRuleFigures, OfferSkipReason } from '@kefu/sdk';
import { offerSkipReasons } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { findCustomerIdOfShopCustomer } from '../customers';
import type { OfferRules } from './offerRules';
import * as repo from './repo';

const tokenPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** Clicks on recommendation links, coupon redemptions the shop reports, and the per-rule figures. */
export class OfferTracking {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rules: OfferRules,
  ) {}

  /**
   * The product page behind a click-tracking token, counting the item's first click only. Only the address stored
   * with the offer is ever returned, so the redirect cannot be pointed anywhere else.
   */
  async followClick(token: string): Promise<string> {
    const item = tokenPattern.test(token) ? await repo.findItemByToken(this.db, token) : undefined;
    if (!item) throw new KefuError('offer_link_not_found');
    await repo.recordFirstClick(this.db, item.id, this.clock.now().toISOString());
    return item.url;
  }

  /**
   * The shop reports an order that used a coupon: the latest unredeemed offer that gave this shopper that code is
   * marked redeemed (once). False when no offer gave them the code (the coupon came from elsewhere).
   */
  async recordRedemption(input: {
    code: string;
    orderNumber: string;
    shopCustomerId: string;
  }): Promise<boolean> {
    const customerId = await findCustomerIdOfShopCustomer(this.db, input.shopCustomerId);
    if (!customerId) return false;
    const offer = await repo.findUnredeemedOfferWithCoupon(this.db, customerId, input.code);
    if (!offer) return false;
    return repo.markRedeemed(this.db, offer.id, input.orderNumber, this.clock.now().toISOString());
  }

  /** Per rule, offers made in [from, to): sent, skipped by reason, clicked, redeemed and their rates. */
  async figures(period: { from: string; to: string }): Promise<OfferRuleFigures[]> {
    const rules = await this.rules.list();
    const offers = await repo.listOffersMadeBetween(
      this.db,
      new Date(period.from).toISOString(),
      new Date(period.to).toISOString(),
    );
    return rules.map((rule) => {
      const ofRule = offers.filter((offer) => offer.rule_id === rule.id);
      const sent = ofRule.filter((offer) => offer.status === 'sent');
      const clicked = sent.filter((offer) => isTrue(offer.clicked)).length;
      const couponsSent = sent.filter((offer) => offer.coupon_code !== null).length;
      const redeemed = sent.filter((offer) => offer.redeemed_at !== null).length;
      return {
        ruleId: rule.id,
        ruleName: rule.name,
        sent: sent.length,
        skipped: countSkipped(ofRule),
        clicked,
        clickRate: rate(clicked, sent.length),
        couponsSent,
        redeemed,
        redemptionRate: rate(redeemed, couponsSent),
      };
    });
  }
}

function countSkipped(offers: readonly { status: string; skip_reason: string | null }[]) {
  const counts = Object.fromEntries(offerSkipReasons.map((reason) => [reason, 0]));
  for (const offer of offers)
    if (offer.status === 'skipped' && offer.skip_reason !== null && isSkipReason(offer.skip_reason))
      counts[offer.skip_reason] = (counts[offer.skip_reason] ?? 0) + 1;
  const count = (reason: OfferSkipReason) => counts[reason] ?? 0;
  return {
    opted_out: count('opted_out'),
    frequency_cap: count('frequency_cap'),
    customer_erased: count('customer_erased'),
    reply_window_closed: count('reply_window_closed'),
    conversation_active: count('conversation_active'),
    nothing_to_offer: count('nothing_to_offer'),
    shop_unavailable: count('shop_unavailable'),
    rule_not_matched: count('rule_not_matched'),
    conversation_closed: count('conversation_closed'),
  };
}

function isSkipReason(value: string): value is OfferSkipReason {
  return offerSkipReasons.some((reason) => reason === value);
}

/** SQLite answers EXISTS with 1/0, PostgreSQL with a boolean. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
