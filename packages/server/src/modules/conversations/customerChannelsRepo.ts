import type { DbExecutor } from '../../db/database';

/**
 * The channels the shopper wrote on in a conversation, the one they wrote on last first (the order of
 * `findLastCustomerChannel`): where an agent's reply may go out.
 */
export async function listCustomerChannels(
  db: DbExecutor,
  conversationId: string,
): Promise<{ channel: string; lastWroteAt: string }[]> {
  const rows = await db
    .selectFrom('messages')
    .select((eb) => ['channel', eb.fn.max('id').as('last_id'), eb.fn.max('created_at').as('last_wrote_at')])
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'customer')
    .where('channel', 'is not', null)
    .groupBy('channel')
    .orderBy('last_id', 'desc')
    .execute();
  return rows.flatMap((row) =>
    row.channel === null ? [] : [{ channel: row.channel, lastWroteAt: row.last_wrote_at }],
  );
}
