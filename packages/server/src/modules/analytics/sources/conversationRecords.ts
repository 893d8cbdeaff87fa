// Read-only report queries over the records other modules keep (conversations, messages, handoffs, CSAT
// surveys, knowledge questions). The analytics module never writes these tables; it reads them here only, to
// work out each conversation's metrics.
import type { MessageAnalysis } from '@kefu/sdk';
import type { DbExecutor } from '../../../db/database';
import { messageAnalysisSchema } from '../../../conversationWireSchemas';
import type { ConversationSource, SourceMessage } from '../facts/conversationSource';

export interface ChangeCursor {
  updatedAt: string;
  id: string;
}

/** Conversations changed at or after `since` (all of them when null), oldest change first, after the cursor. */
export async function listChangedConversations(
  db: DbExecutor,
  since: string | null,
  after: ChangeCursor | null,
  limit: number,
): Promise<ChangeCursor[]> {
  let query = db.selectFrom('conversations').select(['id', 'updated_at']);
  if (since !== null) query = query.where('updated_at', '>=', since);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('updated_at', '>', after.updatedAt),
        eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '>', after.id)]),
      ]),
    );
  const rows = await query.orderBy('updated_at').orderBy('id').limit(limit).execute();
  return rows.map((row) => ({ updatedAt: row.updated_at, id: row.id }));
}

/** Conversations whose survey was answered at or after `since` (a late rating does not touch the conversation). */
export async function listConversationsRatedSince(db: DbExecutor, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('csat_surveys')
    .select('conversation_id')
    .distinct()
    .where('responded_at', '>=', since)
    .execute();
  return rows.map((row) => row.conversation_id);
}

/** The records of these conversations, without their QA scores (the caller adds those). */
export async function loadConversationSources(
  db: DbExecutor,
  conversationIds: readonly string[],
): Promise<Omit<ConversationSource, 'qaScore'>[]> {
  if (conversationIds.length === 0) return [];
  const ids = [...conversationIds];
  const [conversations, messages, handoffs, surveys, questions] = await Promise.all([
    db
      .selectFrom('conversations')
      .select([
        'id',
        'customer_id',
        'channel',
        'locale',
        'status',
        'category',
        'assignee_id',
        'page_product_id',
        'created_at',
        'resolved_at',
      ])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('messages')
      .select(['conversation_id', 'sender', 'sender_id', 'is_private', 'text', 'created_at', 'analysis'])
      .where('conversation_id', 'in', ids)
      .orderBy('conversation_id')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('conversation_handoffs')
      .select(['conversation_id', 'reason', 'created_at'])
      .where('conversation_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('csat_surveys')
      .select(['conversation_id', 'rating', 'responded_at'])
      .where('conversation_id', 'in', ids)
      .orderBy('requested_at')
      .execute(),
    db
      .selectFrom('knowledge_queries')
      .select(['conversation_id', 'product_id'])
      .where('conversation_id', 'in', ids)
      .where('product_id', 'is not', null)
      .orderBy('created_at')
      .execute(),
  ]);
  const messagesByConversation = groupBy(messages, (row) => row.conversation_id);
  const handoffsByConversation = groupBy(handoffs, (row) => row.conversation_id);
  const surveysByConversation = groupBy(surveys, (row) => row.conversation_id);
  const productByConversation = new Map(questions.map((row) => [row.conversation_id, row.product_id]));
  return conversations.map((conversation) => {
    const conversationSurveys = surveysByConversation.get(conversation.id) ?? [];
    const rated = conversationSurveys.filter((survey) => survey.rating !== null);
    return {
      id: conversation.id,
      customerId: conversation.customer_id,
      channel: conversation.channel,
      locale: conversation.locale,
      status: conversation.status,
      category: conversation.category,
      assigneeId: conversation.assignee_id,
      pageProductId: conversation.page_product_id,
      createdAt: conversation.created_at,
      resolvedAt: conversation.resolved_at,
      messages: (messagesByConversation.get(conversation.id) ?? []).map(toSourceMessage),
      handoffs: (handoffsByConversation.get(conversation.id) ?? []).map((row) => ({
        reason: row.reason,
        createdAt: row.created_at,
      })),
      csat: {
        requested: conversationSurveys.length > 0,
        rating: rated[rated.length - 1]?.rating ?? null,
      },
      discussedProductId: productByConversation.get(conversation.id) ?? null,
    };
  });
}

function toSourceMessage(row: {
  sender: string;
  sender_id: string | null;
  is_private: number;
  text: string;
  created_at: string;
  analysis: string | null;
}): SourceMessage {
  return {
    sender: row.sender,
    senderId: row.sender_id,
    isPrivate: row.is_private === 1,
    text: row.text,
    createdAt: row.created_at,
    analysis: parseAnalysis(row.analysis),
  };
}

/** A stored analysis, or null when there is none or it cannot be read (it is then left out of the metrics). */
function parseAnalysis(text: string | null): MessageAnalysis | null {
  if (!text) return null;
  try {
    const parsed = messageAnalysisSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function groupBy<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The first thing the shopper wrote in each conversation (for alert examples). */
export async function listOpeningCustomerTexts(
  db: DbExecutor,
  conversationIds: readonly string[],
): Promise<Map<string, string>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages')
    .select(['conversation_id', 'text'])
    .where('conversation_id', 'in', [...conversationIds])
    .where('sender', '=', 'customer')
    .orderBy('conversation_id')
    .orderBy('id')
    .execute();
  const texts = new Map<string, string>();
  for (const row of rows) if (!texts.has(row.conversation_id)) texts.set(row.conversation_id, row.text);
  return texts;
}
