import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { ConversationsTable, MessagesTable } from '../../db/schema';

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;

const openStatuses = ['bot', 'queued', 'assigned', 'resolved'];

export interface ConversationFilter {
  statuses?: string[] | undefined;
  assigneeId?: string | null | undefined;
  channel?: string | undefined;
  customerId?: string | undefined;
  /** Restricts to what `canAgentSeeConversation` lets this agent see. */
  visibleTo?: { agentId: string; teamIds: readonly string[] } | undefined;
  search?: string | undefined;
  beforeLastMessageAt?: string | undefined;
  limit: number;
}

export async function insertConversation(db: DbExecutor, row: ConversationRow): Promise<void> {
  await db.insertInto('conversations').values(row).execute();
}

export async function findConversationById(
  db: DbExecutor,
  conversationId: string,
): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirst();
}

/** Statuses of a conversation someone is serving (the bot or a person): the shopper's other channels join it. */
const activeStatuses = ['bot', 'queued', 'assigned'];

/**
 * The customer's current conversation as seen from a channel: their latest one on that channel that is not
 * closed (a resolved one may be reopened); without one, the conversation the bot or an agent is serving them in
 * on another channel, so the shopper who moves from WeChat to the app continues where they were.
 */
export async function findLatestOpenConversation(
  db: DbExecutor,
  customerId: string,
  channel: string,
): Promise<ConversationRow | undefined> {
  const onChannel = await db
    .selectFrom('conversations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('channel', '=', channel)
    .where('status', 'in', openStatuses)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (onChannel) return onChannel;
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', 'in', activeStatuses)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The channel the shopper last wrote on in a conversation; null before their first message. */
export async function findLastCustomerChannel(
  db: DbExecutor,
  conversationId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('messages')
    .select('channel')
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'customer')
    .where('channel', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.channel ?? null;
}

/** Whether the shopper wrote on this channel in the conversation (where an agent's reply may go). */
export async function customerWroteOnChannel(
  db: DbExecutor,
  conversationId: string,
  channel: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'customer')
    .where('channel', '=', channel)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every conversation of a customer, oldest first. */
export function listConversationsOfCustomer(db: DbExecutor, customerId: string): Promise<ConversationRow[]> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Gives conversations to another customer (a merge of two customers, or its undoing). */
export async function reassignConversationsToCustomer(
  db: DbExecutor,
  conversationIds: readonly string[],
  customerId: string,
): Promise<void> {
  if (conversationIds.length === 0) return;
  await db
    .updateTable('conversations')
    .set({ customer_id: customerId })
    .where('id', 'in', [...conversationIds])
    .execute();
}

export async function updateConversation(
  db: DbExecutor,
  conversationId: string,
  changes: Updateable<ConversationsTable>,
): Promise<ConversationRow> {
  return db
    .updateTable('conversations')
    .set(changes)
    .where('id', '=', conversationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listConversations(
  db: DbExecutor,
  filter: ConversationFilter,
): Promise<ConversationRow[]> {
  let query = db.selectFrom('conversations').selectAll();
  if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.assigneeId === null) query = query.where('assignee_id', 'is', null);
  else if (filter.assigneeId !== undefined) query = query.where('assignee_id', '=', filter.assigneeId);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId);
  if (filter.visibleTo) {
    const { agentId, teamIds } = filter.visibleTo;
    query = query.where((eb) =>
      eb.or([
        eb('assignee_id', '=', agentId),
        eb.and([
          eb('assignee_id', 'is', null),
          eb.or([eb('team_id', 'is', null), ...(teamIds.length > 0 ? [eb('team_id', 'in', teamIds)] : [])]),
        ]),
      ]),
    );
  }
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('subject', 'like', pattern),
        eb.exists(
          eb
            .selectFrom('messages')
            .select('messages.id')
            .whereRef('messages.conversation_id', '=', 'conversations.id')
            .where('messages.text', 'like', pattern),
        ),
      ]),
    );
  }
  if (filter.beforeLastMessageAt) query = query.where('last_message_at', '<', filter.beforeLastMessageAt);
  return query.orderBy('last_message_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function insertMessage(db: DbExecutor, row: MessageRow): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function findMessageById(db: DbExecutor, messageId: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
}

export async function findMessageByClientId(
  db: DbExecutor,
  conversationId: string,
  clientMessageId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_message_id', '=', clientMessageId)
    .executeTakeFirst();
}

export async function listRepliesTo(db: DbExecutor, messageId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('reply_to_message_id', '=', messageId)
    .orderBy('id')
    .execute();
}

export async function listMessages(
  db: DbExecutor,
  conversationId: string,
  options: { includePrivate: boolean; afterId?: string | undefined; limit: number },
): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (!options.includePrivate) query = query.where('is_private', '=', 0);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.orderBy('id').limit(options.limit).execute();
}

/** Marks a customer message answered; false when it already was (a repeated job). */
export async function markMessageAnswered(db: DbExecutor, messageId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ answered_at: now.toISOString() })
    .where('id', '=', messageId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setMessageAnalysis(db: DbExecutor, messageId: string, analysis: string): Promise<void> {
  await db.updateTable('messages').set({ analysis }).where('id', '=', messageId).execute();
}

/** The conversation's latest messages, oldest first (private notes included). */
export async function listLatestMessages(
  db: DbExecutor,
  conversationId: string,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** The agent who last held another conversation of this customer, for sticky routing. */
export async function findPreviousAssignee(
  db: DbExecutor,
  customerId: string,
  exceptConversationId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('conversations')
    .select('assignee_id')
    .where('customer_id', '=', customerId)
    .where('id', '!=', exceptConversationId)
    .where('assignee_id', 'is not', null)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.assignee_id ?? null;
}

/** How many conversations each agent holds now (status `assigned`). */
export async function countAssignedByAgent(db: DbExecutor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('conversations')
    .select(['assignee_id', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('status', '=', 'assigned')
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.flatMap((row) => (row.assignee_id ? [[row.assignee_id, Number(row.count)]] : [])));
}

export async function listConversationsByStatus(
  db: DbExecutor,
  statuses: readonly string[],
  options: { assigneeId?: string; limit: number },
): Promise<ConversationRow[]> {
  let query = db
    .selectFrom('conversations')
    .selectAll()
    .where('status', 'in', [...statuses]);
  if (options.assigneeId) query = query.where('assignee_id', '=', options.assigneeId);
  return query.orderBy('id').limit(options.limit).execute();
}

/** A guarded status change: applies only while the conversation is still in `expectedStatus`. */
export async function updateConversationIfStatus(
  db: DbExecutor,
  conversationId: string,
  expectedStatus: string,
  changes: Updateable<ConversationsTable>,
): Promise<ConversationRow | undefined> {
  return db
    .updateTable('conversations')
    .set(changes)
    .where('id', '=', conversationId)
    .where('status', '=', expectedStatus)
    .returningAll()
    .executeTakeFirst();
}

/** How many conversations ever came in through a channel (the set-up checklist's "the widget works"). */
export async function countConversationsOnChannel(db: DbExecutor, channel: string): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('channel', '=', channel)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
