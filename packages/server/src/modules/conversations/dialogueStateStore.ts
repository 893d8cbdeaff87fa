import type { Db } from '../../db/database';

/**
 * The bot's dialogue state lives in `conversations.bot_state` (JSON text). The bot owns its content; this
 * store only reads and writes it, and finds the latest state of the same customer on another channel so a
 * shopper who moves from the web to the app continues where they were.
 */
export class DialogueStateStore {
  constructor(private readonly db: Db) {}

  async read(conversationId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('conversations')
      .select('bot_state')
      .where('id', '=', conversationId)
      .executeTakeFirst();
    return row?.bot_state ?? null;
  }

  /** The most recently updated non-empty state among the customer's other open conversations. */
  async readLatestOfCustomer(customerId: string, exceptConversationId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('conversations')
      .select('bot_state')
      .where('customer_id', '=', customerId)
      .where('id', '!=', exceptConversationId)
      .where('status', 'in', ['bot', 'queued', 'assigned'])
      .where('bot_state', '!=', '{}')
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.bot_state ?? null;
  }

  async write(conversationId: string, state: string): Promise<void> {
    await this.db
      .updateTable('conversations')
      .set({ bot_state: state })
      .where('id', '=', conversationId)
      .execute();
  }
}
