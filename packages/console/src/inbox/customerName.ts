import type { CustomerProfile } from '@kefu/sdk';
import type { Translate } from '../i18n/I18nContext';

/** The customer's name, or "Visitor" and the end of their id while the shop does not know them. */
export function customerDisplayName(
  customer: CustomerProfile | undefined,
  customerId: string,
  t: Translate,
): string {
  if (customer?.displayName) return customer.displayName;
  return t('visitor', { id: customerId.slice(-4).toUpperCase() });
}
