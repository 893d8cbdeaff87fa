import type { Db } from '../../db/database';
import { erasedText } from './customerErasure';

export interface PurgeReport {
  conversations: number;
  messages: number;
}

const batchSize = 200;

/**
 * The retention policy: messages of conversations resolved or closed before `cutoff` are deleted; the
 * conversation stays (times, status, category for reports) with the bot's memory and subject cleared, and the
 * questions it asked the knowledge base are blanked. Open conversations are never touched.
 */
export async function purgeOldTranscripts(db: Db, cutoff: Date): Promise<PurgeReport> {
  const report: PurgeReport = { conversations: 0, messages: 0 };
  for (;;) {
    const batch = await db
      .selectFrom('conversations')
      .select('id')
      .where('status', 'in', ['resolved', 'closed'])
      .where('updated_at', '<', cutoff.toISOString())
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('messages')
            .select('messages.id')
            .whereRef('messages.conversation_id', '=', 'conversations.id'),
        ),
      )
      .limit(batchSize)
      .execute();
    const ids = batch.map((conversation) => conversation.id);
    if (ids.length === 0) return report;
    await db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst();
      await trx
        .updateTable('conversations')
        .set({ bot_state: '{}', subject: null, page_url: null })
        .where('id', 'in', ids)
        .execute();
      await trx
        .updateTable('knowledge_queries')
        .set({ question: erasedText })
        .where('conversation_id', 'in', ids)
        .execute();
      report.messages += Number(deleted.numDeletedRows);
    });
    report.conversations += ids.length;
  }
}
