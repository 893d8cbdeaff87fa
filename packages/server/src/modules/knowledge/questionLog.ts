import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import type { AuthenticatedAgent } from '../auth';
import type { BotMessageContext, ConversationService } from '../conversations';
import type { KnowledgeOutcome } from './answerer';
import * as knowledgeRepo from './repo';

export interface AskedQuestion {
  conversationId: string;
  messageId: string;
  channel: string;
  locale: string;
  question: string;
  outcome: KnowledgeOutcome;
  entryId: string | null;
  score: number;
  candidates: { entryId: string; score: number }[];
  productId: string | null;
}

/**
 * What shoppers asked and how the knowledge base did: the record behind "this" product resolution,
 * shopper ratings, agent corrections and the knowledge-gap report.
 */
export class KnowledgeQuestionLog {
  constructor(
    private readonly db: Db,
    private readonly conversations: ConversationService,
    private readonly clock: Clock,
  ) {}

  async record(asked: AskedQuestion): Promise<void> {
    await knowledgeRepo.insertQuery(this.db, {
      id: newId('kbq'),
      conversation_id: asked.conversationId,
      message_id: asked.messageId,
      channel: asked.channel,
      locale: asked.locale,
      question: asked.question.slice(0, 1000),
      outcome: asked.outcome,
      entry_id: asked.entryId,
      score: asked.score,
      candidates: JSON.stringify(asked.candidates),
      product_id: asked.productId,
      created_at: this.clock.now().toISOString(),
    });
  }

  async lastDiscussedProduct(conversationId: string): Promise<string | null> {
    return knowledgeRepo.findLastDiscussedProduct(this.db, conversationId);
  }

  /** A shopper rates a bot answer in their own conversation; rating again replaces the first rating. */
  async rateBotMessage(customerId: string, messageId: string, helpful: boolean): Promise<void> {
    const context = await this.conversations.findBotMessage(messageId);
    if (!context || context.customerId !== customerId) throw new KefuError('message_not_found');
    const queryId = await this.ensureQuery(context);
    await knowledgeRepo.updateQuery(this.db, queryId, {
      feedback: helpful ? 'helpful' : 'not_helpful',
      feedback_at: this.clock.now().toISOString(),
    });
  }

  /** An agent who may see the conversation records the answer the bot should have given. */
  async correctBotMessage(
    agent: AuthenticatedAgent,
    conversationId: string,
    messageId: string,
    correction: { answer: string; entryId?: string | undefined },
  ): Promise<{ queryId: string }> {
    await this.conversations.getConversationForAgent(agent, conversationId);
    const context = await this.conversations.findBotMessage(messageId);
    if (!context || context.conversationId !== conversationId) throw new KefuError('message_not_found');
    const queryId = await this.ensureQuery(context);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await knowledgeRepo.updateQuery(trx, queryId, {
        correction: correction.answer,
        corrected_by: agent.id,
        corrected_at: now.toISOString(),
        ...(correction.entryId && { entry_id: correction.entryId }),
      });
      await recordAudit(
        trx,
        {
          actorType: 'agent',
          actorId: agent.id,
          action: 'knowledge.answer_corrected',
          targetType: 'message',
          targetId: messageId,
          data: { conversationId, queryId, entryId: correction.entryId ?? null },
        },
        now,
      );
    });
    return { queryId };
  }

  /** The question row behind a bot message; answers from other stages (rules, fallback) get one on demand. */
  private async ensureQuery(context: BotMessageContext): Promise<string> {
    if (!context.question) throw new KefuError('message_not_found', 'The message does not answer a question');
    const existing = await knowledgeRepo.findQueryByMessageId(this.db, context.question.messageId);
    if (existing) return existing.id;
    const id = newId('kbq');
    await knowledgeRepo.insertQuery(this.db, {
      id,
      conversation_id: context.conversationId,
      message_id: context.question.messageId,
      channel: context.channel,
      locale: context.locale ?? 'zh-CN',
      question: context.question.text.slice(0, 1000),
      outcome: 'other',
      entry_id: null,
      score: 0,
      candidates: '[]',
      product_id: null,
      created_at: this.clock.now().toISOString(),
    });
    return id;
  }
}
