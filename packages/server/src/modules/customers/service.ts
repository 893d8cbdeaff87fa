import { z } from 'zod';
import { KefuError } from '../../errors';
import type { DbExecutor } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import type { EmitEvent } from '../../events/outbox';
import { newId } from '../../ids';
import * as customersRepo from './repo';
import type { CustomerRow } from './repo';

export interface CustomerProfile {
  id: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  vipTier: string;
  tags: string[];
  identities: { channel: string; externalId: string; lastSeenAt: string }[];
  createdAt: string;
}

export interface IdentityInput {
  channel: string;
  externalId: string;
  displayName?: string | undefined;
  locale?: string | undefined;
}

/** Finds the customer behind a channel identity, creating both on first contact. */
export async function resolveCustomerByIdentity(
  db: DbExecutor,
  emit: EmitEvent,
  input: IdentityInput,
  now: Date,
): Promise<{ customer: CustomerRow; created: boolean }> {
  const timestamp = now.toISOString();
  const identity = await customersRepo.findIdentity(db, input.channel, input.externalId);
  if (identity) {
    await customersRepo.touchIdentity(db, identity.id, timestamp);
    const customer = await customersRepo.findCustomerById(db, identity.customer_id);
    if (!customer) throw new KefuError('customer_not_found');
    const changes = profileChanges(customer, input);
    if (changes) {
      await customersRepo.updateCustomerProfile(db, customer.id, { ...changes, updated_at: timestamp });
      return { customer: { ...customer, ...changes, updated_at: timestamp }, created: false };
    }
    return { customer, created: false };
  }
  const customer = customersRepo.newCustomerRow(timestamp, {
    display_name: input.displayName ?? null,
    locale: input.locale ?? null,
  });
  await customersRepo.insertCustomer(db, customer);
  await customersRepo.insertIdentity(db, {
    id: newId('cid'),
    customer_id: customer.id,
    channel: input.channel,
    external_id: input.externalId,
    created_at: timestamp,
    last_seen_at: timestamp,
  });
  await emit('customer.created', { customerId: customer.id, channel: input.channel });
  return { customer, created: true };
}

/** The customer's VIP tier (`none` for a customer not known, or not VIP). */
export async function findVipTierOfCustomer(db: DbExecutor, customerId: string): Promise<string> {
  const customer = await customersRepo.findCustomerById(db, customerId);
  return customer?.vip_tier ?? 'none';
}

export async function getCustomerProfile(db: DbExecutor, customerId: string): Promise<CustomerProfile> {
  const customer = await customersRepo.findCustomerById(db, customerId);
  if (!customer) throw new KefuError('customer_not_found');
  const identities = await customersRepo.listIdentitiesOfCustomer(db, customerId);
  return {
    id: customer.id,
    displayName: customer.display_name,
    email: customer.email,
    phone: customer.phone,
    locale: customer.locale,
    vipTier: customer.vip_tier,
    tags: parseJsonColumn(customer.tags, z.array(z.string())),
    identities: identities.map((identity) => ({
      channel: identity.channel,
      externalId: identity.external_id,
      lastSeenAt: identity.last_seen_at,
    })),
    createdAt: customer.created_at,
  };
}

function profileChanges(
  customer: CustomerRow,
  input: IdentityInput,
): { display_name?: string; locale?: string } | null {
  const changes: { display_name?: string; locale?: string } = {};
  if (input.displayName && input.displayName !== customer.display_name)
    changes.display_name = input.displayName;
  if (input.locale && input.locale !== customer.locale) changes.locale = input.locale;
  return Object.keys(changes).length > 0 ? changes : null;
}
