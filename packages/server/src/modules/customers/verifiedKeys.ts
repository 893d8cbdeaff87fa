import type { DbExecutor } from '../../db/database';
import { newId } from '../../ids';
import type { ConversationMover } from './customerMerges';
import { currentCustomerId, mergeCustomers, mergeWasUndone } from './customerMerges';
import * as customersRepo from './repo';

/**
 * A key that proves who a shopper is, vouched for by a platform or the shop (never a display name): the same
 * WeChat unionid (one person across the shop's WeChat apps), a phone or e-mail the shop verified, the shop's
 * own customer id from its signed login.
 */
export type VerifiedKey =
  | { kind: 'wechat_unionid'; value: string }
  | { kind: 'shop'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'email'; value: string };

/**
 * Attaches verified keys to a customer inside the caller's transaction. When another customer already holds
 * a key, the two become one: the customer holding the key survives (it was known by it first) and this one is
 * merged into it. A pair an agent separated again is left apart. Returns the customer the shopper now is.
 */
export async function attachVerifiedKeys(
  trx: DbExecutor,
  mover: ConversationMover,
  input: { customerId: string; keys: readonly VerifiedKey[] },
  now: Date,
): Promise<string> {
  let customerId = await currentCustomerId(trx, input.customerId);
  for (const key of input.keys) {
    const holder = await findHolder(trx, key, customerId);
    if (holder === null) await attachKey(trx, customerId, key, now);
    else if (!(await mergeWasUndone(trx, holder, customerId))) {
      await mergeCustomers(
        trx,
        mover,
        {
          survivingId: holder,
          mergedId: customerId,
          reason: 'verified_key',
          keyKind: key.kind,
          agentId: null,
        },
        now,
      );
      customerId = holder;
    }
  }
  return customerId;
}

/** Another (not merged-away) customer holding this key; null when none does. */
async function findHolder(db: DbExecutor, key: VerifiedKey, customerId: string): Promise<string | null> {
  if (key.kind === 'wechat_unionid' || key.kind === 'shop') {
    const identity = await customersRepo.findIdentity(db, key.kind, key.value);
    return identity && identity.customer_id !== customerId ? identity.customer_id : null;
  }
  // `phone = …` compares blind indexes (the values are encrypted at rest).
  const holders = await db
    .selectFrom('customers')
    .select('id')
    .where(key.kind, '=', key.value)
    .where('id', '!=', customerId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('customer_merges')
            .select('customer_merges.id')
            .whereRef('customer_merges.merged_customer_id', '=', 'customers.id')
            .where('customer_merges.undone_at', 'is', null),
        ),
      ),
    )
    .orderBy('created_at')
    .limit(1)
    .execute();
  return holders[0]?.id ?? null;
}

async function attachKey(db: DbExecutor, customerId: string, key: VerifiedKey, now: Date): Promise<void> {
  const timestamp = now.toISOString();
  if (key.kind === 'wechat_unionid' || key.kind === 'shop') {
    const existing = await customersRepo.findIdentity(db, key.kind, key.value);
    if (existing) return customersRepo.touchIdentity(db, existing.id, timestamp);
    return customersRepo.insertIdentity(db, {
      id: newId('cid'),
      customer_id: customerId,
      channel: key.kind,
      external_id: key.value,
      created_at: timestamp,
      last_seen_at: timestamp,
    });
  }
  const customer = await customersRepo.findCustomerById(db, customerId);
  // A verified value fills an empty field; one the customer already has is not replaced.
  if (customer && customer[key.kind] === null)
    await db
      .updateTable('customers')
      .set({ [key.kind]: key.value, updated_at: timestamp })
      .where('id', '=', customerId)
      .execute();
}
