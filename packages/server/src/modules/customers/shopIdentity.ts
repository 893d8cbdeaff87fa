import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { ConversationMover } from './customerMerges';
import * as customersRepo from './repo';
import type { VerifiedKey } from './verifiedKeys';
import { attachVerifiedKeys } from './verifiedKeys';

export interface ShopIdentityClaim {
  shopCustomerId: string;
  /** A phone the shop verified (an SMS code at sign-in), signed with the id. */
  phone?: string | undefined;
  /** An e-mail address the shop verified, signed with the id. */
  email?: string | undefined;
  /** The shopper's WeChat unionid, when they signed in to the shop with WeChat, signed with the id. */
  wechatUnionId?: string | undefined;
  /**
   * hex HMAC-SHA256(shop identity secret, payload), computed by the shop's own server. The payload is the
   * shopCustomerId alone, or followed by the verified keys it vouches for, each on its own line in this order:
   * `phone=…`, `email=…`, `unionid=…` (see README).
   */
  signature: string;
}

/** What the shop signs: the id, then the verified keys it vouches for. */
export function shopIdentityPayload(claim: Omit<ShopIdentityClaim, 'signature'>): string {
  const keys = [
    claim.phone === undefined ? null : `phone=${claim.phone}`,
    claim.email === undefined ? null : `email=${claim.email}`,
    claim.wechatUnionId === undefined ? null : `unionid=${claim.wechatUnionId}`,
  ].filter((line) => line !== null);
  return [claim.shopCustomerId, ...keys].join('\n');
}

/** Checks that the shop signed this shopper's id; constant-time so the signature cannot be probed. */
export function verifyShopIdentity(claim: ShopIdentityClaim, secret: string | null): boolean {
  if (!secret || !/^[0-9a-f]{64}$/i.test(claim.signature)) return false;
  const expected = createHmac('sha256', secret).update(shopIdentityPayload(claim)).digest();
  return timingSafeEqual(expected, Buffer.from(claim.signature, 'hex'));
}

/** The verified keys a signed claim vouches for, besides the shop's own id. */
export function verifiedKeysOfClaim(claim: ShopIdentityClaim): VerifiedKey[] {
  const keys: VerifiedKey[] = [];
  if (claim.phone !== undefined) keys.push({ kind: 'phone', value: claim.phone });
  if (claim.email !== undefined) keys.push({ kind: 'email', value: claim.email.toLowerCase() });
  if (claim.wechatUnionId !== undefined) keys.push({ kind: 'wechat_unionid', value: claim.wechatUnionId });
  return keys;
}

/**
 * Links a visitor's channel identity to the customer behind the verified shop identity, so every channel the
 * shopper signs in on reaches the same customer (and the bot's state and order access follow them).
 */
export async function linkVerifiedShopIdentity(
  db: Db,
  mover: ConversationMover,
  input: { channel: string; externalId: string; shopCustomerId: string; keys: readonly VerifiedKey[] },
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
    return attachVerifiedKeys(trx, mover, { customerId, keys: input.keys }, now);
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
