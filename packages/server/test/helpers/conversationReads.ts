import assert from 'node:assert/strict';
import type { ChannelKind, Message } from '@kefu/sdk';
import type { TestServer } from './testServer';
import type { MessageDelivery } from '../../src/modules/channels/deliveries/messageDelivery';
import { requestJson } from './http';
import { waitUntil } from './waitUntil';

/** What an agent reads of a conversation through the API: its messages and their deliveries. */
/** `reader` is asked at each call (suites sign in after they define these). */
export function conversationReads(reader: () => { baseUrl: string; token: string }) {
  const messagesOf = async (conversationId: string) =>
    (
      await requestJson<{ messages: Message[] }>(
        reader().baseUrl,
        'GET',
        `/api/v1/agent/conversations/${conversationId}/messages`,
        { token: reader().token },
      )
    ).body.messages;
  const deliveriesOf = async (conversationId: string) => {
    const response = await requestJson<{ deliveries: MessageDelivery[] }>(
      reader().baseUrl,
      'GET',
      `/api/v1/agent/conversations/${conversationId}/deliveries`,
      { token: reader().token },
    );
    assert.equal(response.status, 200);
    return response.body.deliveries;
  };
  /** Waits until the conversation has `count` deliveries and none is pending. */
  const settledDeliveriesOf = async (conversationId: string, count: number) => {
    let deliveries: MessageDelivery[] = [];
    await waitUntil(
      async () => {
        deliveries = await deliveriesOf(conversationId);
        return deliveries.length >= count && deliveries.every((delivery) => delivery.status !== 'pending');
      },
      { description: `${count} settled deliveries`, timeoutMs: 120_000 },
    );
    return deliveries;
  };
  return { messagesOf, deliveriesOf, settledDeliveriesOf };
}

/** The inbound rows one platform sender's messages claimed, oldest first (read from the store). */
export function inboundRowsOf(server: TestServer, channel: ChannelKind, senderExternalId: string) {
  return server.kefu.services.database.db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('channel', '=', channel)
    .where('sender_external_id', '=', senderExternalId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}
