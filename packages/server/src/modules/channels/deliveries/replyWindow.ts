import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { KefuError } from '../../../errors';
import type { ChannelAdapter } from '../channelAdapter';
import type { ChannelKind } from '../../../channelKinds';
import { channelKindSchema } from '../../../channelKinds';
import type { InboundRow } from '../inboundRepo';
import { findLatestInboundOfConversation } from '../inboundRepo';

/** True when the platform no longer takes messages for the shopper (their last message is too long ago). */
export function replyWindowClosed(
  adapter: ChannelAdapter,
  latestInbound: InboundRow | null,
  now: Date,
): boolean {
  const windowMs = adapter.capabilities.replyWindowMs;
  if (windowMs === null) return false;
  if (!latestInbound) return true;
  return now.getTime() - Date.parse(latestInbound.received_at) > windowMs;
}

export function describeClosedWindow(adapter: ChannelAdapter): string {
  return `the reply window has closed: the platform takes messages only within ${windowHours(adapter)} hours of the shopper's last message`;
}

function windowHours(adapter: ChannelAdapter): number {
  return Math.round((adapter.capabilities.replyWindowMs ?? 0) / 3_600_000);
}

/**
 * An agent's reply is refused before it is stored when the shopper's platform would refuse it (WeChat's 48 hours
 * after the follower's last message): the console says so at once instead of a delivery failing later. A
 * conversation that never received a platform message (the widget, apps) has no window.
 */
export async function assertReplyWindowOpen(
  dependencies: {
    db: Db;
    clock: Clock;
    adapterFor(kind: ChannelKind, accountId: string | null): Promise<ChannelAdapter>;
  },
  conversationId: string,
  /** The channel the reply goes out on; the shopper's latest platform message of any channel by default. */
  channel?: ChannelKind,
): Promise<void> {
  const latest = await findLatestInboundOfConversation(dependencies.db, conversationId, channel);
  const kind = channelKindSchema.safeParse(latest?.channel);
  if (!latest || !kind.success) return;
  const adapter = await dependencies.adapterFor(kind.data, latest.account_id);
  if (!replyWindowClosed(adapter, latest, dependencies.clock.now())) return;
  throw new KefuError(
    'reply_window_closed',
    `The shopper's channel takes replies only within ${windowHours(adapter)} hours of their last message; wait until they write again`,
  );
}
