// Typed calls of one shopper across channels — the cross-channel timeline, merging two customers and undoing
// it — over an agent client's session: `new KefuCustomerApi(agentClient).timeline(id)`.
import type { KefuAgentClient } from './agentClient';
import type { ChannelKind, Message } from './types';
import { isChannelKind } from './types';
import {
  invalidResponseError,
  parseAgentMessage,
  readField,
  readList,
  readNullableString,
  readEnum,
  readNumber,
  readString,
  requireRecord,
} from './agentWire';

export interface CustomerTimelineItem {
  conversationId: string;
  channel: ChannelKind;
  message: Message;
}

export interface CustomerMerge {
  id: string;
  survivingCustomerId: string;
  mergedCustomerId: string;
  /** `verified_key` (the same verified key reached both) or `manual`. */
  reason: string;
  keyKind: string | null;
  movedIdentities: number;
  movedConversations: number;
  mergedBy: string | null;
  createdAt: string;
  undoneAt: string | null;
}

/** A channel an agent's reply may go out on in a conversation: one the shopper wrote on there. */
export interface ReplyChannel {
  channel: ChannelKind;
  /** The channel account's name when the shop has several accounts of this kind; otherwise null. */
  accountName: string | null;
  /** The channel the shopper wrote on last: a reply goes out there unless the agent picks another. */
  isDefault: boolean;
  lastWroteAt: string;
  window: {
    /** Whether the platform takes a reply on it now. */
    open: boolean;
    /** Open: when the window closes; closed: when it closed; null when the channel has no window. */
    closesAt: string | null;
    /** The platform's window in hours after the shopper's last message there (WeChat: 48); null: none. */
    windowHours: number | null;
    /** Why a reply cannot go out on it now: `window_expired` (too long since the shopper wrote there). */
    closedReason: 'window_expired' | null;
  };
}

export class KefuCustomerApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  /** The customer's messages on every channel, oldest first, each with its channel. */
  async timeline(customerId: string): Promise<CustomerTimelineItem[]> {
    const body = await this.client.requestJson('GET', `${customerPath(customerId)}/timeline`);
    return readList(body, 'items', parseTimelineItem);
  }

  /** The channels a reply may go out on in a conversation, the one the shopper wrote on last first. */
  async replyChannels(conversationId: string): Promise<ReplyChannel[]> {
    const body = await this.client.requestJson(
      'GET',
      `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}/reply-channels`,
    );
    return readList(body, 'channels', parseReplyChannel);
  }

  /** Customers merged into this one, newest first (undone ones included). */
  async merges(customerId: string): Promise<CustomerMerge[]> {
    const body = await this.client.requestJson('GET', `${customerPath(customerId)}/merges`);
    return readList(body, 'merges', parseCustomerMerge);
  }

  /** Merges another customer into this one (audited). */
  async merge(customerId: string, otherCustomerId: string): Promise<CustomerMerge> {
    const body = await this.client.requestJson('POST', `${customerPath(customerId)}/merge`, {
      customerId: otherCustomerId,
    });
    return parseCustomerMerge(readField(body, 'merge'));
  }

  /** Gives the merged customer back its identities and conversations (audited). */
  async undoMerge(mergeId: string): Promise<CustomerMerge> {
    const body = await this.client.requestJson(
      'POST',
      `/api/v1/agent/customer-merges/${encodeURIComponent(mergeId)}/undo`,
    );
    return parseCustomerMerge(readField(body, 'merge'));
  }
}

function customerPath(customerId: string): string {
  return `/api/v1/agent/customers/${encodeURIComponent(customerId)}`;
}

function parseTimelineItem(value: unknown): CustomerTimelineItem {
  const record = requireRecord(value);
  if (!isChannelKind(record.channel)) throw invalidResponseError();
  return {
    conversationId: readString(record, 'conversationId'),
    channel: record.channel,
    message: parseAgentMessage(record.message),
  };
}

function parseReplyChannel(value: unknown): ReplyChannel {
  const record = requireRecord(value);
  const window = requireRecord(record.window);
  if (!isChannelKind(record.channel)) throw invalidResponseError();
  if (typeof record.isDefault !== 'boolean' || typeof window.open !== 'boolean') throw invalidResponseError();
  return {
    channel: record.channel,
    accountName: readNullableString(record, 'accountName'),
    isDefault: record.isDefault,
    lastWroteAt: readString(record, 'lastWroteAt'),
    window: {
      open: window.open,
      closesAt: readNullableString(window, 'closesAt'),
      windowHours: window.windowHours === null ? null : readNumber(window, 'windowHours'),
      closedReason: window.closedReason === null ? null : readEnum(window.closedReason, ['window_expired']),
    },
  };
}

function parseCustomerMerge(value: unknown): CustomerMerge {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    survivingCustomerId: readString(record, 'survivingCustomerId'),
    mergedCustomerId: readString(record, 'mergedCustomerId'),
    reason: readString(record, 'reason'),
    keyKind: readNullableString(record, 'keyKind'),
    movedIdentities: readNumber(record, 'movedIdentities'),
    movedConversations: readNumber(record, 'movedConversations'),
    mergedBy: readNullableString(record, 'mergedBy'),
    createdAt: readString(record, 'createdAt'),
    undoneAt: readNullableString(record, 'undoneAt'),
  };
}
