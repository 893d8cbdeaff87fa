import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type {
  MarketingOfferItemsTable,
  MarketingOfferRulesTable,
  MarketingOffersTable,
} from '../../db/marketingSchema';

export type OfferRuleRow = Selectable<MarketingOfferRulesTable>;
export type OfferRow = Selectable<MarketingOffersTable>;
export type OfferItemRow = Selectable<MarketingOfferItemsTable>;

export function listRules(db: DbExecutor): Promise<OfferRuleRow[]> {
  return db.selectFrom('marketing_offer_rules').selectAll().orderBy('created_at').orderBy('id').execute();
}

export function findRule(db: DbExecutor, ruleId: string): Promise<OfferRuleRow | undefined> {
  return db.selectFrom('marketing_offer_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
}

export async function insertOfferOnce(db: DbExecutor, row: OfferRow): Promise<boolean> {
  const inserted = await db
    .insertInto('marketing_offers')
    .values(row)
    .onConflict((conflict) => conflict.columns(['conversation_id', 'resolved_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findOffer(db: DbExecutor, offerId: string): Promise<OfferRow | undefined> {
  return db.selectFrom('marketing_offers').selectAll().where('id', '=', offerId).executeTakeFirst();
}

/** The latest offer sent to the customer at or after `since`, other than `exceptOfferId`. */
export function findSentOfferSince(
  db: DbExecutor,
  customerId: string,
  since: string,
  exceptOfferId: string,
): Promise<OfferRow | undefined> {
  return db
    .selectFrom('marketing_offers')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'sent')
    .where('sent_at', '>=', since)
    .where('id', '!=', exceptOfferId)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Ends a scheduled offer once: false when another run already ended it. */
export async function finishOffer(
  db: DbExecutor,
  offerId: string,
  outcome:
    { status: 'sent'; sentAt: string; couponCode: string | null } | { status: 'skipped'; reason: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('marketing_offers')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.sentAt, coupon_code: outcome.couponCode, skip_reason: null }
        : { status: 'skipped', skip_reason: outcome.reason },
    )
    .where('id', '=', offerId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function insertOfferItems(db: DbExecutor, rows: OfferItemRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('marketing_offer_items').values(rows).execute();
}

export function listOfferItems(db: DbExecutor, offerId: string): Promise<OfferItemRow[]> {
  return db
    .selectFrom('marketing_offer_items')
    .selectAll()
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute();
}

export function findItemByToken(db: DbExecutor, token: string): Promise<OfferItemRow | undefined> {
  return db.selectFrom('marketing_offer_items').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Counts the first click only: later clicks of the same item change nothing. */
export async function recordFirstClick(db: DbExecutor, itemId: string, at: string): Promise<boolean> {
  const updated = await db
    .updateTable('marketing_offer_items')
    .set({ clicked_at: at })
    .where('id', '=', itemId)
    .where('clicked_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** The latest sent offer to the customer with this coupon code that is not yet redeemed. */
export function findUnredeemedOfferWithCoupon(
  db: DbExecutor,
  customerId: string,
  couponCode: string,
): Promise<OfferRow | undefined> {
  return db
    .selectFrom('marketing_offers')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'sent')
    .where('coupon_code', '=', couponCode)
    .where('redeemed_at', 'is', null)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function markRedeemed(
  db: DbExecutor,
  offerId: string,
  orderNumber: string,
  at: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('marketing_offers')
    .set({ redeemed_at: at, redeemed_order_number: orderNumber })
    .where('id', '=', offerId)
    .where('redeemed_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Offers made in [from, to), with whether any of their items was clicked. */
export function listOffersMadeBetween(db: DbExecutor, from: string, to: string) {
  return db
    .selectFrom('marketing_offers')
    .select((builder) => [
      'marketing_offers.rule_id',
      'marketing_offers.status',
      'marketing_offers.skip_reason',
      'marketing_offers.coupon_code',
      'marketing_offers.redeemed_at',
      builder
        .exists(
          builder
            .selectFrom('marketing_offer_items')
            .select('marketing_offer_items.id')
            .whereRef('marketing_offer_items.offer_id', '=', 'marketing_offers.id')
            .where('marketing_offer_items.clicked_at', 'is not', null),
        )
        .as('clicked'),
    ])
    .where('marketing_offers.created_at', '>=', from)
    .where('marketing_offers.created_at', '<', to)
    .execute();
}
