import type { UnitOfWork } from '../../events/outbox';
import { appendMessage } from './conversationWrites';
import type { ConversationRow } from './repo';

/** The conversation a proactive message goes to: the customer's most recently active one, on any channel. */
export async function findLatestConversationOfCustomer(
  unitOfWork: UnitOfWork,
  customerId: string,
): Promise<Pick<ConversationRow, 'id' | 'channel' | 'locale'> | null> {
  return unitOfWork.run(async ({ trx }) => {
    const row = await trx
      .selectFrom('conversations')
      .select(['id', 'channel', 'locale'])
      .where('customer_id', '=', customerId)
      .where('status', '!=', 'closed')
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  });
}

/** Posts a bot message the shopper did not ask for (a parcel update); pushed live like any other message. */
export async function postProactiveMessage(
  unitOfWork: UnitOfWork,
  conversationId: string,
  text: string,
  quickReplies: { label: string; text: string }[] = [],
): Promise<boolean> {
  return unitOfWork.run(async (context) => {
    const conversation = await context.trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!conversation || conversation.status === 'closed') return false;
    await appendMessage(context, conversation, {
      sender: 'bot',
      senderId: null,
      senderName: null,
      text,
      quickReplies,
    });
    return true;
  });
}
