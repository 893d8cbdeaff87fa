import type { Conversation } from '@kefu/sdk';
import type { Db, DbExecutor } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import { localizeReply, normaliseLocale, pickLocalizedText } from '../../replyLocale';
import { appendMessage, requireConversation, findLatestOpenConversation } from '../conversations';
import type { ConversationRow, MessageRow } from '../conversations';

export interface CsatSurvey {
  id: string;
  conversationId: string;
  agentId: string | null;
  rating: number | null;
  comment: string | null;
  requestedAt: string;
  respondedAt: string | null;
}

const ratingPattern =
  /^(?:(?:评分|評分|满意度|滿意度|rating)\s*[:：]?\s*)?([1-5])\s*(?:分|星|stars?|\/\s*5)?$/i;

/** "评分：5", "5分", "Rating: 4", "3 stars" or a bare digit; null when the text is not a rating. */
export function parseRatingText(text: string): number | null {
  const match = ratingPattern.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/** Customer satisfaction: asked on the shopper's channel after an agent resolves, answered by button or API. */
export class CsatService {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** On `conversation.resolved`: one survey per resolution, a system message with 1–5 quick replies. */
  async requestRating(conversation: Conversation): Promise<void> {
    if (!conversation.resolvedAt || !conversation.assigneeId) return;
    const resolvedAt = conversation.resolvedAt;
    await this.unitOfWork.run(async (context) => {
      const inserted = await context.trx
        .insertInto('csat_surveys')
        .values({
          id: newId('csat'),
          conversation_id: conversation.id,
          customer_id: conversation.customerId,
          channel: conversation.channel,
          agent_id: conversation.assigneeId,
          resolved_at: resolvedAt,
          rating: null,
          comment: null,
          requested_at: context.now.toISOString(),
          responded_at: null,
        })
        .onConflict((conflict) => conflict.columns(['conversation_id', 'resolved_at']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return;
      const row = await requireConversation(context, conversation.id);
      await appendMessage(context, row, {
        sender: 'system',
        senderId: null,
        senderName: null,
        ...surveyMessage(row),
      });
    });
  }

  /**
   * A rating typed or tapped in the chat while the survey waits, inside the caller's transaction (a channel's
   * ingest): the message is stored as answered, the rating recorded and thanked. Null when no survey waits.
   */
  async answerRatingMessage(
    context: UnitOfWorkContext,
    input: {
      customerId: string;
      channel: string;
      text: string;
      rating: number;
      clientMessageId?: string | null;
    },
  ): Promise<{ message: MessageRow; replies: MessageRow[] } | null> {
    const conversation = await findLatestOpenConversation(context.trx, input.customerId, input.channel);
    if (!conversation || conversation.status !== 'resolved') return null;
    const survey = await findPendingSurvey(context.trx, conversation.id);
    if (!survey) return null;
    const stored = await appendMessage(context, conversation, {
      sender: 'customer',
      senderId: input.customerId,
      senderName: null,
      text: input.text,
      clientMessageId: input.clientMessageId ?? null,
      answeredAt: context.now.toISOString(),
    });
    const thanks = await this.recordRating(context, stored.conversation, survey.id, input.rating, null, {
      replyToMessageId: stored.message.id,
    });
    return { message: stored.message, replies: thanks ? [thanks] : [] };
  }

  /** The visitor API: rate the latest survey of the shopper's conversation, with an optional comment. */
  async submit(
    customerId: string,
    channel: string,
    input: { rating: number; comment?: string | undefined },
  ): Promise<CsatSurvey> {
    const survey = await this.db
      .selectFrom('csat_surveys')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('channel', '=', channel)
      .orderBy('requested_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!survey) throw new KefuError('survey_not_found');
    await this.unitOfWork.run(async (context) => {
      const conversation = await requireConversation(context, survey.conversation_id);
      await this.recordRating(
        context,
        conversation,
        survey.id,
        input.rating,
        input.comment ?? null,
        survey.rating === null && { replyToMessageId: null },
      );
    });
    return this.requireSurvey(survey.id);
  }

  /** The shopper's rating of the conversation's latest rated survey; null when they gave none. */
  async latestRatingOf(conversationId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('csat_surveys')
      .select('rating')
      .where('conversation_id', '=', conversationId)
      .where('rating', 'is not', null)
      .orderBy('responded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.rating ?? null;
  }

  async listRecent(limit: number): Promise<{ surveys: CsatSurvey[]; averageRating: number | null }> {
    const rows = await this.db
      .selectFrom('csat_surveys')
      .selectAll()
      .orderBy('requested_at', 'desc')
      .limit(limit)
      .execute();
    const rated = rows.flatMap((row) => (row.rating === null ? [] : [row.rating]));
    const average = rated.length > 0 ? rated.reduce((sum, rating) => sum + rating, 0) / rated.length : null;
    return {
      surveys: rows.map(toSurvey),
      averageRating: average === null ? null : Math.round(average * 100) / 100,
    };
  }

  private async recordRating(
    context: UnitOfWorkContext,
    conversation: ConversationRow,
    surveyId: string,
    rating: number,
    comment: string | null,
    thank: { replyToMessageId: string | null } | false = { replyToMessageId: null },
  ) {
    const updated = await context.trx
      .updateTable('csat_surveys')
      .set({ rating, ...(comment !== null && { comment }), responded_at: context.now.toISOString() })
      .where('id', '=', surveyId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await context.emit('csat.submitted', {
      conversationId: conversation.id,
      surveyId,
      rating,
      agentId: updated.agent_id,
    });
    if (!thank) return null;
    const locale = normaliseLocale(conversation.locale);
    const text = localizeReply(
      pickLocalizedText(locale, {
        zh: `感谢您的评价（${rating} 分）！欢迎随时再来咨询。`,
        en: `Thank you for rating us ${rating}/5! We are here whenever you need us.`,
      }),
      locale,
    );
    const { message } = await appendMessage(context, conversation, {
      sender: 'system',
      senderId: null,
      senderName: null,
      text,
      replyToMessageId: thank.replyToMessageId,
    });
    return message;
  }

  private async requireSurvey(surveyId: string): Promise<CsatSurvey> {
    const row = await this.db
      .selectFrom('csat_surveys')
      .selectAll()
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    return toSurvey(row);
  }
}

function surveyMessage(conversation: ConversationRow) {
  const locale = normaliseLocale(conversation.locale);
  const english = locale === 'en';
  const labels = english
    ? ['1 ★ Very poor', '2 ★ Poor', '3 ★ OK', '4 ★ Good', '5 ★ Excellent']
    : ['1 分 非常不满意', '2 分 不满意', '3 分 一般', '4 分 满意', '5 分 非常满意'];
  return {
    text: localizeReply(
      pickLocalizedText(locale, {
        zh: '本次服务已结束。请为我们的服务打分（1–5 分），您的反馈会帮助我们做得更好：',
        en: 'This conversation is resolved. How would you rate our service (1–5)? Your feedback helps us improve:',
      }),
      locale,
    ),
    quickReplies: labels.map((label, index) => ({
      label: localizeReply(label, locale),
      text: english ? `Rating: ${index + 1}` : localizeReply(`评分：${index + 1}`, locale),
    })),
  };
}

function toSurvey(row: {
  id: string;
  conversation_id: string;
  agent_id: string | null;
  rating: number | null;
  comment: string | null;
  requested_at: string;
  responded_at: string | null;
}): CsatSurvey {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    agentId: row.agent_id,
    rating: row.rating,
    comment: row.comment,
    requestedAt: row.requested_at,
    respondedAt: row.responded_at,
  };
}

function findPendingSurvey(db: DbExecutor, conversationId: string) {
  return db
    .selectFrom('csat_surveys')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('rating', 'is', null)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
