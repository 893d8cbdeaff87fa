import { toNumber, whereFacts } from '../factQuery';
import type { LabeledKey } from '../labels';
import { labeled } from '../labels';
import type { ReportContext } from '../reports/reportContext';
import { offsetInSegments } from '../timeZone';

/** One conversation with all its metrics, as the per-conversation export and its API list it. */
export interface ConversationMetricsRow {
  conversationId: string;
  createdAt: string;
  /** The start in the report's time zone, `YYYY-MM-DD HH:mm`. */
  createdLocal: string;
  channel: LabeledKey;
  category: LabeledKey;
  intent: LabeledKey;
  product: { id: string; name: string } | null;
  agent: { id: string; name: string } | null;
  status: LabeledKey;
  customerMessages: number;
  botMessages: number;
  agentMessages: number;
  botContained: boolean;
  handedOff: boolean;
  handoffReason: LabeledKey | null;
  firstResponseSeconds: number | null;
  handlingSeconds: number | null;
  resolutionSeconds: number | null;
  csatRating: number | null;
  qaScore: number | null;
  issueReason: LabeledKey | null;
  lastSentiment: LabeledKey | null;
}

export async function countConversationRows(context: ReportContext): Promise<number> {
  const row = await context.db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, context.filter))
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return toNumber(row.count);
}

/** The conversations a filter selects, oldest first, `limit` after the cursor (a conversation id). */
export async function listConversationRows(
  context: ReportContext,
  page: { limit: number; after: { createdMinute: number; conversationId: string } | null },
): Promise<ConversationMetricsRow[]> {
  const { db, filter, names } = context;
  const { locale, range } = filter;
  const { after } = page;
  let query = db
    .selectFrom('analytics_conversations')
    .selectAll()
    .where((eb) => whereFacts(eb, filter));
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_minute', '>', after.createdMinute),
        eb.and([
          eb('created_minute', '=', after.createdMinute),
          eb('conversation_id', '>', after.conversationId),
        ]),
      ]),
    );
  const rows = await query.orderBy('created_minute').orderBy('conversation_id').limit(page.limit).execute();
  return rows.map((row) => ({
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    createdLocal: new Date(
      (row.created_minute + offsetInSegments(range.segments, row.created_minute)) * 60_000,
    )
      .toISOString()
      .slice(0, 16)
      .replace('T', ' '),
    channel: labeled('channel', row.channel, locale),
    category: labeled('category', row.category, locale),
    intent: labeled('intent', row.intent, locale),
    product: row.product_id ? { id: row.product_id, name: names.productName(row.product_id) } : null,
    agent: row.agent_id ? { id: row.agent_id, name: names.agentName(row.agent_id) } : null,
    status: labeled('status', row.status, locale),
    customerMessages: row.customer_messages,
    botMessages: row.bot_messages,
    agentMessages: row.agent_messages,
    botContained: row.bot_contained === 1,
    handedOff: row.handed_off === 1,
    handoffReason: row.handoff_reason ? labeled('handoffReason', row.handoff_reason, locale) : null,
    firstResponseSeconds: row.first_response_seconds,
    handlingSeconds: row.handling_seconds,
    resolutionSeconds: row.resolution_seconds,
    csatRating: row.csat_rating,
    qaScore: row.qa_score === null ? null : Math.round(row.qa_score * 10) / 10,
    issueReason: row.issue_reason ? labeled('issueReason', row.issue_reason, locale) : null,
    lastSentiment: row.last_sentiment ? labeled('sentiment', row.last_sentiment, locale) : null,
  }));
}
