import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { InboundMessagesTable } from '../../db/schema';
import { newId } from '../../ids';
import type { InboundMessage } from './channelAdapter';

export type InboundRow = Selectable<InboundMessagesTable>;

/**
 * Claims the platform's message id for this channel account: the row is inserted unless it exists, so of two
 * deliveries of one message (a platform's retry, two processes) exactly one gets the row; the other gets null.
 */
export async function claimInboundMessage(
  db: DbExecutor,
  inbound: InboundMessage,
  receivedAt: Date,
): Promise<InboundRow | null> {
  const row: InboundRow = {
    id: newId('inb'),
    channel: inbound.channel,
    account_id: inbound.accountId,
    external_message_id: inbound.externalMessageId,
    customer_id: null,
    conversation_id: null,
    message_id: null,
    sender_external_id: 'externalId' in inbound.sender ? inbound.sender.externalId : null,
    sent_at: inbound.sentAt?.toISOString() ?? null,
    received_at: receivedAt.toISOString(),
    thread_subject: inbound.thread?.subject ?? null,
    thread_references: inbound.thread ? JSON.stringify(inbound.thread.references) : null,
  };
  const inserted = await db
    .insertInto('inbound_messages')
    .values(row)
    .onConflict((conflict) => conflict.columns(['channel', 'account_id', 'external_message_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? row : null;
}

export function findInboundMessage(db: DbExecutor, inbound: InboundMessage): Promise<InboundRow | undefined> {
  return db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('channel', '=', inbound.channel)
    .where('account_id', '=', inbound.accountId)
    .where('external_message_id', '=', inbound.externalMessageId)
    .executeTakeFirst();
}

export async function attachStoredMessage(
  db: DbExecutor,
  inboundId: string,
  stored: { customerId: string; conversationId: string; messageId: string },
): Promise<void> {
  await db
    .updateTable('inbound_messages')
    .set({
      customer_id: stored.customerId,
      conversation_id: stored.conversationId,
      message_id: stored.messageId,
    })
    .where('id', '=', inboundId)
    .execute();
}

/** The conversation's latest inbound message: who to answer on the platform, and since when. */
export function findLatestInboundOfConversation(
  db: DbExecutor,
  conversationId: string,
  channel?: string,
): Promise<InboundRow | undefined> {
  let query = db.selectFrom('inbound_messages').selectAll().where('conversation_id', '=', conversationId);
  // A conversation may span channels: the shopper's latest message on the one a reply goes out on.
  if (channel !== undefined) query = query.where('channel', '=', channel);
  return query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
