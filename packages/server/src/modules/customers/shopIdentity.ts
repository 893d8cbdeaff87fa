import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import * as customersRepo from './repo';

export interface ShopIdentityClaim {
  shopCustomerId: string;
  /** hex HMAC-SHA256(shop identity secret, shopCustomerId), computed by the shop's own server. */
  signature: string;
}

/** Checks that the shop signed this shopper's id; constant-time so the signature cannot be probed. */
export function verifyShopIdentity(claim: ShopIdentityClaim, secret: string | null): boolean {
  if (!secret || !/^[0-9a-f]{64}$/i.test(claim.signature)) return false;
  const expected = createHmac('sha256', secret).update(claim.shopCustomerId).digest();
  return timingSafeEqual(expected, Buffer.from(claim.signature, 'hex'));
}

/**
 * Links a visitor's channel identity to the customer behind the verified shop identity, so every channel the
 * shopper signs in on reaches the same customer (and the bot's state and order access follow them).
 */
export async function linkVerifiedShopIdentity(
  db: Db,
  input: { channel: string; externalId: string; shopCustomerId: string },
  now: Date,
): Promise<string> {
  const timestamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const shopIdentity = await customersRepo.findIdentity(trx, 'shop', input.shopCustomerId);
    let customerId = shopIdentity?.customer_id;
    if (!customerId) {
      customerId = newId('cus');
      await customersRepo.insertCustomer(trx, {
        id: customerId,
        display_name: null,
        email: null,
        phone: null,
        locale: null,
        vip_tier: 'none',
        tags: '[]',
        shop_customer_id: input.shopCustomerId,
        created_at: timestamp,
        updated_at: timestamp,
        phone_index: null,
        email_index: null,
      });
      await customersRepo.insertIdentity(
        trx,
        identityRow(customerId, 'shop', input.shopCustomerId, timestamp),
      );
    }
    const visitorIdentity = await customersRepo.findIdentity(trx, input.channel, input.externalId);
    if (!visitorIdentity)
      await customersRepo.insertIdentity(
        trx,
        identityRow(customerId, input.channel, input.externalId, timestamp),
      );
    else if (visitorIdentity.customer_id !== customerId)
      await trx
        .updateTable('customer_identities')
        .set({ customer_id: customerId, last_seen_at: timestamp })
        .where('id', '=', visitorIdentity.id)
        .execute();
    return customerId;
  });
}

/** The shop customer a Kefu customer is, when known (signed in, or a shop-imported customer). */
export async function findShopCustomerId(db: Db, customerId: string): Promise<string | null> {
  const customer = await customersRepo.findCustomerById(db, customerId);
  if (!customer) throw new KefuError('customer_not_found');
  return customer.shop_customer_id;
}

function identityRow(customerId: string, channel: string, externalId: string, timestamp: string) {
  return {
    id: newId('cid'),
    customer_id: customerId,
    channel,
    external_id: externalId,
    created_at: timestamp,
    last_seen_at: timestamp,
  };
}

/** The Kefu customer behind a shop customer, through the `shop` identity (or the linked id). */
export async function findCustomerIdOfShopCustomer(db: Db, shopCustomerId: string): Promise<string | null> {
  const identity = await customersRepo.findIdentity(db, 'shop', shopCustomerId);
  if (identity) return identity.customer_id;
  const linked = await db
    .selectFrom('customers')
    .select('id')
    .where('shop_customer_id', '=', shopCustomerId)
    .executeTakeFirst();
  return linked?.id ?? null;
}
