import type { DbExecutor } from '../../db/database';
import type { InboundMessage } from './channelAdapter';

/** References beyond these (the newest are kept) are not looked up: a thread is found by its latest mails. */
const maxReferencesLookedUp = 50;

/**
 * The conversation a threaded message (e-mail) belongs to: the one of the newest message it refers to
 * (In-Reply-To and References), whether that was the shopper's own earlier mail or Kefu's reply to it; null
 * when it refers to nothing Kefu knows (a new thread). Undefined for messages of channels without threads.
 */
export async function findThreadConversation(
  db: DbExecutor,
  inbound: InboundMessage,
): Promise<{ conversationId: string | null } | undefined> {
  if (!inbound.thread) return undefined;
  const references = inbound.thread.references.slice(-maxReferencesLookedUp);
  if (references.length === 0) return { conversationId: null };
  const [received, sent] = await Promise.all([
    db
      .selectFrom('inbound_messages')
      .select(['external_message_id as reference', 'conversation_id'])
      .where('channel', '=', inbound.channel)
      .where('account_id', '=', inbound.accountId)
      .where('external_message_id', 'in', references)
      .execute(),
    db
      .selectFrom('message_deliveries')
      .select(['external_id as reference', 'conversation_id'])
      .where('channel', '=', inbound.channel)
      .where('account_id', '=', inbound.accountId)
      .where('external_id', 'in', references)
      .execute(),
  ]);
  const known = new Map<string, string>();
  for (const row of [...received, ...sent])
    if (row.reference && row.conversation_id) known.set(row.reference, row.conversation_id);
  const newest = [...references].reverse().find((reference) => known.has(reference));
  return { conversationId: newest ? (known.get(newest) ?? null) : null };
}

/** True when the message id is one Kefu itself sent on this channel account (a mail come back: a loop). */
export async function isOwnSentMessage(db: DbExecutor, inbound: InboundMessage): Promise<boolean> {
  const sent = await db
    .selectFrom('message_deliveries')
    .select('id')
    .where('channel', '=', inbound.channel)
    .where('account_id', '=', inbound.accountId)
    .where('external_id', '=', inbound.externalMessageId)
    .executeTakeFirst();
  return sent !== undefined;
}
