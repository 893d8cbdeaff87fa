import { sql } from 'kysely';
import { toNullableNumber, toNumber, whereFacts } from '../factQuery';
import type { ReportContext } from './reportContext';
import { ratio } from './reportShapes';

export interface OverviewReport {
  conversations: number;
  /** Conversations in which the shopper wrote at least once. */
  engaged: number;
  botContained: number;
  containmentRate: number | null;
  handedOff: number;
  handoffRate: number | null;
  resolved: number;
  /** Resolved conversations after which the shopper did not start another one within 7 days. */
  firstContactResolved: number;
  firstContactResolutionRate: number | null;
  messages: { customer: number; bot: number; agent: number };
  csat: { rated: number; average: number | null };
  qa: { inspected: number; averageScore: number | null };
}

const repeatContactWindowMinutes = 7 * 1440;

/** The headline figures of the conversations a filter selects. */
export async function buildOverviewReport(context: ReportContext): Promise<OverviewReport> {
  const { db, filter } = context;
  const totals = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .select((eb) => [
      eb.fn.countAll<string | number>().as('conversations'),
      eb.fn.sum<string | number>(sql`case when customer_messages > 0 then 1 else 0 end`).as('engaged'),
      eb.fn.sum<string | number>('bot_contained').as('contained'),
      eb.fn.sum<string | number>('handed_off').as('handed_off'),
      eb.fn.count<string | number>('resolved_minute').as('resolved'),
      eb.fn.sum<string | number>('customer_messages').as('customer_messages'),
      eb.fn.sum<string | number>('bot_messages').as('bot_messages'),
      eb.fn.sum<string | number>('agent_messages').as('agent_messages'),
      eb.fn.count<string | number>('csat_rating').as('rated'),
      eb.fn.avg<string | number | null>('csat_rating').as('csat_average'),
      eb.fn.count<string | number>('qa_score').as('inspected'),
      eb.fn.avg<string | number | null>('qa_score').as('qa_average'),
    ])
    .executeTakeFirstOrThrow();
  const firstContact = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where('resolved_minute', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('analytics_conversations as later')
            .select('later.conversation_id')
            .whereRef('later.customer_id', '=', 'analytics_conversations.customer_id')
            .whereRef('later.created_minute', '>', 'analytics_conversations.created_minute')
            .where(
              'later.created_minute',
              '<=',
              sql<number>`analytics_conversations.resolved_minute + ${sql.lit(repeatContactWindowMinutes)}`,
            ),
        ),
      ),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  const engaged = toNumber(totals.engaged);
  const resolved = toNumber(totals.resolved);
  const firstContactResolved = toNumber(firstContact.count);
  return {
    conversations: toNumber(totals.conversations),
    engaged,
    botContained: toNumber(totals.contained),
    containmentRate: ratio(toNumber(totals.contained), engaged),
    handedOff: toNumber(totals.handed_off),
    handoffRate: ratio(toNumber(totals.handed_off), engaged),
    resolved,
    firstContactResolved,
    firstContactResolutionRate: ratio(firstContactResolved, resolved),
    messages: {
      customer: toNumber(totals.customer_messages),
      bot: toNumber(totals.bot_messages),
      agent: toNumber(totals.agent_messages),
    },
    csat: { rated: toNumber(totals.rated), average: toNullableNumber(totals.csat_average) },
    qa: { inspected: toNumber(totals.inspected), averageScore: toNullableNumber(totals.qa_average) },
  };
}
