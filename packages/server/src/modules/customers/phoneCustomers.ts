import type { DbExecutor } from '../../db/database';
import * as customersRepo from './repo';

/**
 * The customer a phone number belongs to, found by the number's blind index (the store compares indexes, never
 * numbers in clear); a number Kefu has not seen becomes a new customer holding it, so the call has a home.
 */
export async function resolveCustomerByPhone(db: DbExecutor, phone: string, now: Date): Promise<string> {
  const known = await db
    .selectFrom('customers')
    .select('id')
    .where('phone', '=', phone)
    .orderBy('created_at')
    .executeTakeFirst();
  if (known) return known.id;
  const customer = customersRepo.newCustomerRow(now.toISOString(), { phone });
  await customersRepo.insertCustomer(db, customer);
  return customer.id;
}
