import { KefuError } from '../../errors';
import type { KefuServices } from '../../services';
import type { ConversationMover } from './customerMerges';
import type { ShopIdentityClaim } from './shopIdentity';
import { linkVerifiedShopIdentity, verifiedKeysOfClaim, verifyShopIdentity } from './shopIdentity';

/**
 * For session routes: a verified shop identity makes this visitor that shop customer, and the verified keys it
 * carries join the customer already known by them (a WeChat follower with the same unionid); a forged one is
 * refused.
 */
export async function linkShopIdentity(
  services: Pick<KefuServices, 'clock' | 'config' | 'database'> & { conversations: ConversationMover },
  channel: string,
  visitorId: string,
  claim: ShopIdentityClaim,
): Promise<void> {
  if (!verifyShopIdentity(claim, services.config.commerce.identitySecret))
    throw new KefuError('shop_identity_invalid');
  await linkVerifiedShopIdentity(
    services.database.db,
    services.conversations,
    {
      channel,
      externalId: visitorId,
      shopCustomerId: claim.shopCustomerId,
      keys: verifiedKeysOfClaim(claim),
    },
    services.clock.now(),
  );
}
