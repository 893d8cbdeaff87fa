import type { ChannelKind } from '../../../channelKinds';
import { channelKindSchema } from '../../../channelKinds';
import type { ChannelAccountView } from '../accounts/channelAccountSchemas';
import type { ReplyWindow, ReplyWindowDependencies } from './replyWindow';
import { readReplyWindow } from './replyWindow';

/** A channel an agent's reply may go out on in a conversation, as the console's channel picker shows it. */
export interface ReplyChannel {
  channel: ChannelKind;
  /** The channel account's name when the shop has several accounts of this kind; otherwise null. */
  accountName: string | null;
  /** The channel the shopper wrote on last: a reply goes out there unless the agent picks another. */
  isDefault: boolean;
  /** When the shopper last wrote on it in the conversation. */
  lastWroteAt: string;
  window: Omit<ReplyWindow, 'accountId'> & {
    /** Why a reply cannot go out on it now (`window_expired`: too long since the shopper wrote there). */
    closedReason: 'window_expired' | null;
  };
}

/**
 * The reply windows of the channels the shopper wrote on in a conversation (the one they wrote on last first,
 * and the default), read with the same rule that refuses a reply on a closed window.
 */
export async function describeReplyChannels(
  dependencies: ReplyWindowDependencies & { listAccounts(): Promise<ChannelAccountView[]> },
  conversationId: string,
  used: readonly { channel: string; lastWroteAt: string }[],
): Promise<ReplyChannel[]> {
  const accounts = await dependencies.listAccounts();
  const channels: ReplyChannel[] = [];
  for (const entry of used) {
    const kind = channelKindSchema.safeParse(entry.channel);
    if (!kind.success) continue;
    const { accountId, ...window } = await readReplyWindow(dependencies, conversationId, kind.data);
    const sameKind = accounts.filter((account) => account.kind === kind.data);
    const account =
      sameKind.length > 1 ? sameKind.find((candidate) => candidate.id === accountId) : undefined;
    channels.push({
      channel: kind.data,
      accountName: account?.name ?? null,
      isDefault: channels.length === 0,
      lastWroteAt: entry.lastWroteAt,
      window: { ...window, closedReason: window.open ? null : 'window_expired' },
    });
  }
  return channels;
}
