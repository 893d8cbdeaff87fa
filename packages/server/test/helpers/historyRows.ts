// Writes a generated history into the real tables, as the conversation, handoff, CSAT, knowledge and ticket
// modules would have recorded it, so report tests run on thousands of conversations without replaying them.
import type { Db } from '../../src/db/database';
import type { ModelConversation, ModelMessage } from './historyModel';

const iso = (at: number) => new Date(at).toISOString();

export async function writeHistory(db: Db, conversations: readonly ModelConversation[]): Promise<void> {
  const customerIds = [...new Set(conversations.map((conversation) => conversation.customerId))];
  const firstSeen = conversations[0]?.createdAt ?? Date.now();
  await inChunks(
    customerIds.map((id) => ({
      id,
      display_name: null,
      email: null,
      phone: null,
      locale: 'zh-CN',
      vip_tier: 'none',
      tags: '[]',
      shop_customer_id: null,
      created_at: iso(firstSeen),
      updated_at: iso(firstSeen),
    })),
    (chunk) => db.insertInto('customers').values(chunk).execute(),
  );
  await inChunks(conversations.map(toConversationRow), (chunk) =>
    db.insertInto('conversations').values(chunk).execute(),
  );
  await inChunks(conversations.flatMap(toMessageRows), (chunk) =>
    db.insertInto('messages').values(chunk).execute(),
  );
  await inChunks(
    conversations.flatMap((conversation) =>
      conversation.handoffs.map((handoff, index) => ({
        id: `hof_${conversation.id}_${index}`,
        conversation_id: conversation.id,
        reason: handoff.reason,
        summary: '{}',
        created_at: iso(handoff.at),
      })),
    ),
    (chunk) => db.insertInto('conversation_handoffs').values(chunk).execute(),
  );
  await inChunks(
    conversations.flatMap((conversation) =>
      conversation.surveys.map((survey, index) => ({
        id: `csat_${conversation.id}_${index}`,
        conversation_id: conversation.id,
        customer_id: conversation.customerId,
        channel: conversation.channel,
        agent_id: conversation.assigneeId,
        resolved_at: iso(conversation.resolvedAt ?? survey.requestedAt),
        rating: survey.rating,
        comment: null,
        requested_at: iso(survey.requestedAt),
        responded_at: survey.respondedAt === null ? null : iso(survey.respondedAt),
      })),
    ),
    (chunk) => db.insertInto('csat_surveys').values(chunk).execute(),
  );
  await inChunks(
    conversations.flatMap((conversation) =>
      conversation.questions.map((question, index) => ({
        id: `kbq_${conversation.id}_${index}`,
        conversation_id: conversation.id,
        message_id: `msg_${conversation.id}_q${index}`,
        channel: conversation.channel,
        locale: 'zh-CN',
        question: question.text,
        outcome: question.outcome,
        entry_id: null,
        score: 0.5,
        candidates: '[]',
        product_id: question.productId,
        feedback: question.feedback,
        feedback_at: question.feedback ? iso(question.at) : null,
        correction: null,
        corrected_by: null,
        corrected_at: null,
        drafted_entry_id: null,
        created_at: iso(question.at),
      })),
    ),
    (chunk) => db.insertInto('knowledge_queries').values(chunk).execute(),
  );
  await writeTickets(db, conversations);
}

function toConversationRow(conversation: ModelConversation) {
  const lastAt = Math.max(
    conversation.createdAt,
    conversation.resolvedAt ?? 0,
    ...conversation.messages.map((message) => message.at),
  );
  const firstAgent = conversation.messages.find(
    (message) => message.sender === 'agent' && !message.isPrivate,
  );
  return {
    id: conversation.id,
    customer_id: conversation.customerId,
    channel: conversation.channel,
    status: conversation.status,
    priority: 'normal',
    category: conversation.category,
    assignee_id: conversation.assigneeId,
    subject: null,
    locale: 'zh-CN',
    page_url: null,
    page_product_id: conversation.pageProductId,
    bot_state: '{}',
    last_message_at: iso(lastAt),
    first_agent_reply_at: firstAgent ? iso(firstAgent.at) : null,
    created_at: iso(conversation.createdAt),
    updated_at: iso(lastAt),
    resolved_at: conversation.resolvedAt === null ? null : iso(conversation.resolvedAt),
  };
}

function toMessageRows(conversation: ModelConversation) {
  return conversation.messages.map((message, index) => ({
    id: `msg_${conversation.id}_${String(index).padStart(3, '0')}`,
    conversation_id: conversation.id,
    sender: message.sender,
    sender_id: message.senderId,
    sender_name: null,
    text: message.text,
    attachments: '[]',
    quick_replies: '[]',
    is_private: message.isPrivate ? 1 : 0,
    client_message_id: null,
    reply_to_message_id: null,
    analysis: message.sender === 'customer' ? analysisOf(message) : null,
    card: null,
    created_at: iso(message.at),
  }));
}

function analysisOf(message: ModelMessage): string | null {
  if (message.intent === null) return null;
  const label = message.sentiment ?? 'neutral';
  return JSON.stringify({
    lang: 'zh',
    intent: { id: message.intent, confidence: 0.9, alternatives: [] },
    entities: [],
    sentiment: { score: label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0, label, anger: false },
    answeredBy: null,
  });
}

async function writeTickets(db: Db, conversations: readonly ModelConversation[]): Promise<void> {
  const ticketed = conversations.flatMap((conversation) =>
    conversation.ticket ? [{ conversation, ticket: conversation.ticket }] : [],
  );
  await inChunks(
    ticketed.map(({ conversation, ticket }) => ({
      id: `tkt_${conversation.id}`,
      subject: '跟进',
      description: '跟进',
      status: 'open',
      priority: 'normal',
      category: ticket.category,
      channel: ticket.channel,
      source: 'handoff',
      customer_id: conversation.customerId,
      assignee_id: ticket.assigneeId,
      team_id: ticket.teamId,
      created_by: null,
      first_responded_at: null,
      solved_at: null,
      closed_at: null,
      created_at: iso(conversation.createdAt),
      updated_at: iso(conversation.createdAt),
    })),
    (chunk) => db.insertInto('tickets').values(chunk).execute(),
  );
  await inChunks(
    ticketed.flatMap(({ conversation, ticket }) =>
      ticket.targets.map((target) => ({
        id: `slt_${conversation.id}_${target.target}`,
        ticket_id: `tkt_${conversation.id}`,
        policy_id: 'sla_generated',
        target: target.target,
        started_at: iso(conversation.createdAt),
        warn_at: iso(target.dueAt - 600_000),
        due_at: iso(target.dueAt),
        met_at: target.metAt === null ? null : iso(target.metAt),
        cancelled_at: null,
        warned_at: null,
        breached_at: target.breachedAt === null ? null : iso(target.breachedAt),
      })),
    ),
    (chunk) => db.insertInto('ticket_sla_targets').values(chunk).execute(),
  );
}

async function inChunks<Row>(
  rows: readonly Row[],
  insert: (chunk: Row[]) => Promise<unknown>,
): Promise<void> {
  for (let index = 0; index < rows.length; index += 200) await insert(rows.slice(index, index + 200));
}
