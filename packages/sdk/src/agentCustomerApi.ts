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

export class KefuCustomerApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  /** The customer's messages on every channel, oldest first, each with its channel. */
  async timeline(customerId: string): Promise<CustomerTimelineItem[]> {
    const body = await this.client.requestJson('GET', `${customerPath(customerId)}/timeline`);
    return readList(body, 'items', parseTimelineItem);
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
