import type { Db } from '../../db/database';
import type { UnitOfWork } from '../../events/outbox';
import type { ChannelKind } from '../../channelKinds';
import type { ConversationMover } from '../customers';
import { attachVerifiedKeys } from '../customers';
import type { ChannelAdapter } from './channelAdapter';

export interface VerifiedKeyLookupDependencies {
  db: Db;
  unitOfWork: UnitOfWork;
  conversations: ConversationMover;
  adapterFor(kind: ChannelKind, accountId: string | null): Promise<ChannelAdapter>;
}

/**
 * The job of `customer.created` on a platform that vouches for keys (WeChat's unionid): asks the platform
 * about the new customer's sender id and attaches what it names, which joins them to the customer already
 * known by the same key (the shopper signed in to the shop's app with WeChat, say).
 */
export async function lookUpVerifiedKeys(
  dependencies: VerifiedKeyLookupDependencies,
  created: { customerId: string; channel: ChannelKind },
): Promise<void> {
  const first = await dependencies.db
    .selectFrom('inbound_messages')
    .select(['account_id', 'sender_external_id'])
    .where('customer_id', '=', created.customerId)
    .where('channel', '=', created.channel)
    .orderBy('received_at')
    .limit(1)
    .executeTakeFirst();
  if (!first?.sender_external_id) return;
  const adapter = await dependencies.adapterFor(created.channel, first.account_id);
  const keys = (await adapter.verifiedKeysOf?.(first.sender_external_id)) ?? [];
  if (keys.length === 0) return;
  await dependencies.unitOfWork.run((context) =>
    attachVerifiedKeys(
      context.trx,
      dependencies.conversations,
      { customerId: created.customerId, keys },
      context.now,
    ),
  );
}
