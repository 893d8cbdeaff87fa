import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { KefuError } from '../../../errors';
import type { ChannelAdapter } from '../channelAdapter';
import type { ChannelKind } from '../../../channelKinds';
import { channelKindSchema } from '../../../channelKinds';
import type { InboundRow } from '../inboundRepo';
import { findLatestInboundOfConversation } from '../inboundRepo';

export interface ReplyWindowDependencies {
  db: Db;
  clock: Clock;
  adapterFor(kind: ChannelKind, accountId: string | null): Promise<ChannelAdapter>;
}

/** Whether the platform of a channel takes a reply now, and until when (or since when it does not). */
export interface ReplyWindow {
  open: boolean;
  /** Open: when the window closes; closed: when it closed; null when the channel has no window. */
  closesAt: string | null;
  /** The platform's window, in hours after the shopper's last message there; null when it has none. */
  windowHours: number | null;
  /** The channel account the shopper last wrote to on this channel (null: the channel has no accounts). */
  accountId: string | null;
}

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
 * The reply window of the channel a reply goes out on (by default the one of the shopper's latest platform
 * message). A conversation that never received a platform message there (the widget, apps) has no window.
 */
export async function readReplyWindow(
  dependencies: ReplyWindowDependencies,
  conversationId: string,
  channel?: ChannelKind,
): Promise<ReplyWindow> {
  const latest = await findLatestInboundOfConversation(dependencies.db, conversationId, channel);
  const kind = channelKindSchema.safeParse(latest?.channel);
  if (!latest || !kind.success) return { open: true, closesAt: null, windowHours: null, accountId: null };
  const adapter = await dependencies.adapterFor(kind.data, latest.account_id);
  const windowMs = adapter.capabilities.replyWindowMs;
  return {
    open: !replyWindowClosed(adapter, latest, dependencies.clock.now()),
    closesAt: windowMs === null ? null : new Date(Date.parse(latest.received_at) + windowMs).toISOString(),
    windowHours: windowMs === null ? null : windowHours(adapter),
    accountId: latest.account_id,
  };
}

/**
 * An agent's reply is refused before it is stored when the shopper's platform would refuse it (WeChat's 48 hours
 * after the follower's last message): the console says so at once instead of a delivery failing later.
 */
export async function assertReplyWindowOpen(
  dependencies: ReplyWindowDependencies,
  conversationId: string,
  /** The channel the reply goes out on; the shopper's latest platform message of any channel by default. */
  channel?: ChannelKind,
): Promise<void> {
  const window = await readReplyWindow(dependencies, conversationId, channel);
  if (window.open) return;
  throw new KefuError(
    'reply_window_closed',
    `The shopper's channel takes replies only within ${window.windowHours ?? 0} hours of their last message; wait until they write again`,
  );
}
