// Read-only report query over the conversations module's records: what the quality rules read.
import type { DbExecutor } from '../../../db/database';
import { messageAnalysisSchema } from '../../../conversationWireSchemas';
import type { Transcript, TranscriptMessage } from '../rules/transcript';

export interface InspectedConversation {
  transcript: Transcript;
  /** Who held it at the end. */
  assigneeId: string | null;
  resolvedAt: string | null;
}

const senders = ['customer', 'agent', 'bot', 'system'] as const;

/** The conversation's public messages and outcome; null when there is no such conversation. */
export async function loadInspectedConversation(
  db: DbExecutor,
  conversationId: string,
): Promise<InspectedConversation | null> {
  const conversation = await db
    .selectFrom('conversations')
    .select(['id', 'status', 'assignee_id', 'resolved_at'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return null;
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'sender', 'sender_id', 'text', 'analysis', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .where('is_private', '=', 0)
    .orderBy('id')
    .execute();
  const resolved = conversation.status === 'resolved' || conversation.status === 'closed';
  const resolvedAt = resolved ? conversation.resolved_at : null;
  return {
    assigneeId: conversation.assignee_id,
    resolvedAt,
    transcript: {
      conversationId,
      resolvedAt: resolvedAt === null ? null : Date.parse(resolvedAt),
      messages: rows.flatMap((row) => {
        const sender = senders.find((candidate) => candidate === row.sender);
        return sender
          ? [
              {
                id: row.id,
                sender,
                senderId: row.sender_id,
                text: row.text,
                at: Date.parse(row.created_at),
                sentiment: readSentiment(row.analysis),
              } satisfies TranscriptMessage,
            ]
          : [];
      }),
    },
  };
}

function readSentiment(analysis: string | null): TranscriptMessage['sentiment'] {
  if (!analysis) return null;
  try {
    const parsed = messageAnalysisSchema.safeParse(JSON.parse(analysis));
    return parsed.success ? { label: parsed.data.sentiment.label, anger: parsed.data.sentiment.anger } : null;
  } catch {
    return null;
  }
}
