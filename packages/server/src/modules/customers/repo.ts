import { newId } from '../../ids';
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { CustomerIdentitiesTable, CustomersTable } from '../../db/schema';

export type CustomerRow = Selectable<CustomersTable>;
export type CustomerIdentityRow = Selectable<CustomerIdentitiesTable>;

export async function findCustomerById(db: DbExecutor, customerId: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
}

export async function findIdentity(
  db: DbExecutor,
  channel: string,
  externalId: string,
): Promise<CustomerIdentityRow | undefined> {
  return db
    .selectFrom('customer_identities')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** A new customer's row: nothing known beyond `fields`. */
export function newCustomerRow(
  timestamp: string,
  fields: Partial<Pick<CustomerRow, 'display_name' | 'phone' | 'locale' | 'shop_customer_id'>>,
): CustomerRow {
  return {
    id: newId('cus'),
    display_name: null,
    email: null,
    phone: null,
    locale: null,
    vip_tier: 'none',
    tags: '[]',
    shop_customer_id: null,
    created_at: timestamp,
    updated_at: timestamp,
    phone_index: null,
    email_index: null,
    ...fields,
  };
}

export async function insertCustomer(db: DbExecutor, row: CustomerRow): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

export async function insertIdentity(db: DbExecutor, row: CustomerIdentityRow): Promise<void> {
  await db.insertInto('customer_identities').values(row).execute();
}

export async function touchIdentity(db: DbExecutor, identityId: string, seenAt: string): Promise<void> {
  await db
    .updateTable('customer_identities')
    .set({ last_seen_at: seenAt })
    .where('id', '=', identityId)
    .execute();
}

export async function updateCustomerProfile(
  db: DbExecutor,
  customerId: string,
  changes: { display_name?: string; locale?: string; updated_at: string },
): Promise<void> {
  await db.updateTable('customers').set(changes).where('id', '=', customerId).execute();
}

export async function listIdentitiesOfCustomer(
  db: DbExecutor,
  customerId: string,
): Promise<CustomerIdentityRow[]> {
  return db
    .selectFrom('customer_identities')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .execute();
}
