import { KefuError } from '../../errors';
import type { KefuServices } from '../../services';
import type { ShopIdentityClaim } from './shopIdentity';
import { linkVerifiedShopIdentity, verifyShopIdentity } from './shopIdentity';

/** For session routes: a verified shop identity makes this visitor that shop customer; a forged one is refused. */
export async function linkShopIdentity(
  services: Pick<KefuServices, 'clock' | 'config' | 'database'>,
  channel: string,
  visitorId: string,
  claim: ShopIdentityClaim,
): Promise<void> {
  if (!verifyShopIdentity(claim, services.config.commerce.identitySecret))
    throw new KefuError('shop_identity_invalid');
  await linkVerifiedShopIdentity(
    services.database.db,
    { channel, externalId: visitorId, shopCustomerId: claim.shopCustomerId },
    services.clock.now(),
  );
}
