// Fills a Kefu database with a synthetic history for the reports benchmark: conversations over the last N days
// with about 10 messages each (shopper, bot, agent, system), handoffs, CSAT surveys, knowledge-base questions and
// ticket SLA targets, written in large batches straight into the tables the modules keep.
import type { Insertable } from 'kysely';
import type { Db, DbTransaction } from '../../packages/server/src/db/database';
import type {
  ConversationHandoffsTable,
  ConversationsTable,
  CsatSurveysTable,
  CustomersTable,
  KnowledgeQueriesTable,
  MessagesTable,
  TicketSlaTargetsTable,
  TicketsTable,
} from '../../packages/server/src/db/schema';
import { createRandom } from '../../packages/server/test/helpers/historyModel';

export interface HistoryPlan {
  messages: number;
  days: number;
  end: number;
  agentIds: string[];
  productIds: string[];
}

interface Batch {
  customers: Insertable<CustomersTable>[];
  conversations: Insertable<ConversationsTable>[];
  messages: Insertable<MessagesTable>[];
  handoffs: Insertable<ConversationHandoffsTable>[];
  surveys: Insertable<CsatSurveysTable>[];
  questions: Insertable<KnowledgeQueriesTable>[];
  tickets: Insertable<TicketsTable>[];
  targets: Insertable<TicketSlaTargetsTable>[];
}

const intents = ['order_tracking', 'refund', 'product_inquiry', 'return_exchange', 'complaint', 'invoice'];
const words = [
  '保质期',
  '尺码',
  '快递',
  '发票',
  '退款',
  '颜色',
  '电池',
  '充电',
  '过敏',
  '安装',
  '保修',
  '优惠券',
];
const reasons = ['customer_request', 'bot_failures', 'anger', 'complaint', 'vip', 'not_helpful'];
const channels = ['web', 'app', 'wechat', 'email'];
const batchConversations = 1_000;
const iso = (at: number) => new Date(at).toISOString();

/** Deterministic: the same plan writes the same history. Returns what it wrote. */
export async function fillReportHistory(
  db: Db,
  plan: HistoryPlan,
): Promise<{ conversations: number; messages: number }> {
  const random = createRandom(20_260_101);
  let written = 0;
  let conversations = 0;
  while (written < plan.messages) {
    const batch: Batch = {
      customers: [],
      conversations: [],
      messages: [],
      handoffs: [],
      surveys: [],
      questions: [],
      tickets: [],
      targets: [],
    };
    for (let index = 0; index < batchConversations && written < plan.messages; index++) {
      written += addConversation(batch, conversations, plan, random);
      conversations += 1;
    }
    await db.transaction().execute((trx) => insertBatch(trx, batch));
  }
  return { conversations, messages: written };
}

function addConversation(batch: Batch, number: number, plan: HistoryPlan, random: () => number): number {
  const id = `conv_bench${String(number).padStart(7, '0')}`;
  const customerId = `cus_bench${String(Math.floor(number / 2)).padStart(7, '0')}`;
  const createdAt = plan.end - Math.floor(random() * plan.days * 86_400_000);
  const channel = pick(random, channels);
  const intent = pick(random, intents);
  const productId = random() < 0.5 ? pick(random, plan.productIds) : null;
  if (number % 2 === 0)
    batch.customers.push({
      id: customerId,
      vip_tier: 'none',
      tags: '[]',
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    });
  const handedOff = random() < 0.35;
  const agentId = handedOff && random() < 0.9 ? pick(random, plan.agentIds) : null;
  const resolvedAt =
    agentId && random() < 0.85 ? createdAt + 600_000 + Math.floor(random() * 3_000_000) : null;
  const count = 4 + Math.floor(random() * 13);
  let at = createdAt;
  for (let index = 0; index < count; index++) {
    at += 5_000 + Math.floor(random() * 60_000);
    const sender =
      index % 2 === 0 ? 'customer' : agentId && index > 3 ? 'agent' : index === 3 ? 'system' : 'bot';
    const text =
      sender === 'customer'
        ? `请问${pick(random, words)}的问题，${pick(random, words)}怎么办`
        : '好的，我来帮您处理';
    batch.messages.push({
      id: `msg_${id}_${String(index).padStart(2, '0')}`,
      conversation_id: id,
      sender,
      sender_id: sender === 'agent' ? agentId : null,
      text,
      attachments: '[]',
      quick_replies: '[]',
      is_private: 0,
      analysis:
        sender === 'customer' ? analysisOf(index === 0 ? intent : pick(random, intents), random) : null,
      created_at: iso(at),
    });
  }
  if (handedOff)
    batch.handoffs.push({
      id: `hof_${id}`,
      conversation_id: id,
      reason: pick(random, reasons),
      summary: '{}',
      created_at: iso(createdAt + 60_000),
    });
  if (resolvedAt && random() < 0.8)
    batch.surveys.push({
      id: `csat_${id}`,
      conversation_id: id,
      customer_id: customerId,
      channel,
      agent_id: agentId,
      resolved_at: iso(resolvedAt),
      rating: random() < 0.5 ? 1 + Math.floor(random() * 5) : null,
      requested_at: iso(resolvedAt),
    });
  batch.questions.push({
    id: `kbq_${id}`,
    conversation_id: id,
    message_id: `msg_${id}_00`,
    channel,
    locale: 'zh-CN',
    question: `${pick(random, words)}${pick(random, ['多久', '怎么办', '可以吗', '在哪里看'])}`,
    outcome: pick(random, ['answered', 'answered', 'suggested', 'unanswered']),
    score: 0.5,
    candidates: '[]',
    product_id: productId,
    created_at: iso(createdAt + 10_000),
  });
  if (handedOff && random() < 0.15) addTicket(batch, id, customerId, channel, agentId, createdAt, random);
  batch.conversations.push({
    id,
    customer_id: customerId,
    channel,
    status: resolvedAt ? 'resolved' : agentId ? 'assigned' : handedOff ? 'queued' : 'bot',
    priority: 'normal',
    bot_state: '{}',
    category: handedOff ? intent : null,
    assignee_id: agentId,
    page_product_id: productId,
    last_message_at: iso(at),
    created_at: iso(createdAt),
    updated_at: iso(Math.max(at, resolvedAt ?? 0)),
    resolved_at: resolvedAt ? iso(resolvedAt) : null,
  });
  return count;
}

function addTicket(
  batch: Batch,
  conversationId: string,
  customerId: string,
  channel: string,
  agentId: string | null,
  createdAt: number,
  random: () => number,
): void {
  const ticketId = `tkt_${conversationId}`;
  batch.tickets.push({
    id: ticketId,
    subject: '跟进',
    description: '跟进',
    status: 'open',
    priority: 'normal',
    category: 'general',
    channel,
    source: 'handoff',
    customer_id: customerId,
    assignee_id: agentId,
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
  });
  for (const [target, minutes] of [
    ['first_response', 60],
    ['resolution', 1_440],
  ] as const) {
    const dueAt = createdAt + minutes * 60_000;
    const met = random() < 0.7;
    batch.targets.push({
      id: `slt_${conversationId}_${target}`,
      ticket_id: ticketId,
      policy_id: 'sla_bench',
      target,
      started_at: iso(createdAt),
      warn_at: iso(dueAt - 600_000),
      due_at: iso(dueAt),
      met_at: met ? iso(dueAt - 60_000) : null,
      breached_at: met ? null : iso(dueAt),
    });
  }
}

async function insertBatch(trx: DbTransaction, batch: Batch): Promise<void> {
  for (const chunk of chunks(batch.customers)) await trx.insertInto('customers').values(chunk).execute();
  for (const chunk of chunks(batch.conversations))
    await trx.insertInto('conversations').values(chunk).execute();
  for (const chunk of chunks(batch.messages)) await trx.insertInto('messages').values(chunk).execute();
  for (const chunk of chunks(batch.handoffs))
    await trx.insertInto('conversation_handoffs').values(chunk).execute();
  for (const chunk of chunks(batch.surveys)) await trx.insertInto('csat_surveys').values(chunk).execute();
  for (const chunk of chunks(batch.questions))
    await trx.insertInto('knowledge_queries').values(chunk).execute();
  for (const chunk of chunks(batch.tickets)) await trx.insertInto('tickets').values(chunk).execute();
  for (const chunk of chunks(batch.targets))
    await trx.insertInto('ticket_sla_targets').values(chunk).execute();
}

function chunks<Row>(rows: readonly Row[], size = 500): Row[][] {
  const result: Row[][] = [];
  for (let index = 0; index < rows.length; index += size) result.push(rows.slice(index, index + size));
  return result;
}

function analysisOf(intent: string, random: () => number): string {
  const label = random() < 0.2 ? 'negative' : 'neutral';
  return JSON.stringify({
    lang: 'zh',
    intent: { id: intent, confidence: 0.9, alternatives: [] },
    entities: [],
    sentiment: { score: label === 'negative' ? -0.6 : 0, label, anger: false },
    answeredBy: null,
  });
}

function pick<Value>(random: () => number, values: readonly Value[]): Value {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('empty choice');
  return value;
}
