import type { Db } from '../../db/database';
import type { UnitOfWork } from '../../events/outbox';
import { escalateAfterHandoff } from './escalateAfterHandoff';
import { parseJsonColumn } from '../../db/json';
import type { AuthenticatedAgent } from '../auth';
import type { BotDecision, BotReply, BotTurn } from '../bot';
import type { ReplyLocale } from '../../replyLocale';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import type { CatalogService } from '../commerce';
import type { ConversationService } from '../conversations';
import type { RoutingService, SettingsStore } from '../routing';
import { listLatestMessages } from '../conversations';
import { findVipTierOfCustomer } from '../customers';
import { buildHandoffSummary, readAnalysis } from './buildHandoffSummary';
import { categoryFromIntent, computePriority } from './classification';
import type { HandoffRequest } from './handOffConversation';
import * as handoffRepo from './repo';
import type { HandoffSummary, handoffSettingsSchema } from './schemas';
import { handoffSummarySchema } from './schemas';
import { evaluateHandoffTriggers, findSensitiveTopic } from './triggers';

export interface HandoffDependencies {
  db: Db;
  unitOfWork: UnitOfWork;
  settings: SettingsStore<typeof handoffSettingsSchema>;
  routing: RoutingService;
  conversations: ConversationService;
  catalog: CatalogService;
}

const triggerHistoryWindow = 30;

/** Decides when the bot steps aside (every trigger in one explicit step) and briefs the agent. */
export class HandoffService {
  constructor(private readonly dependencies: HandoffDependencies) {}

  /**
   * Runs after the bot answered a turn: the bot's own handoff (a rule or the human_agent intent) or any
   * configured trigger. Returns what to store: the handoff, and the words telling the shopper, when the
   * bot did not already say so.
   */
  async decide(
    turn: BotTurn,
    decision: BotDecision,
  ): Promise<{ request: HandoffRequest; notice: BotReply[] } | null> {
    const settings = await this.dependencies.settings.get();
    const history = (
      await listLatestMessages(this.dependencies.db, turn.conversationId, triggerHistoryWindow)
    )
      .filter((message) => message.sender === 'customer' && message.id !== turn.messageId)
      .map((message) => ({ text: message.text, analysis: readAnalysis(message) }));
    const vipTier = await findVipTierOfCustomer(this.dependencies.db, turn.customerId);
    const triggers = evaluateHandoffTriggers(
      { text: turn.text, understanding: turn.understanding, answeredBy: decision.stage, history, vipTier },
      settings,
    );
    const botHandoff = decision.handoff;
    const first = triggers[0];
    if (!botHandoff && !first) return null;
    const reason = botHandoff?.reason ?? first?.reason ?? 'customer_request';
    const request: HandoffRequest = {
      reason,
      triggers: botHandoff ? [{ reason: 'customer_request', detail: decision.stage }, ...triggers] : triggers,
      vipTier,
      productLine: await this.productLineOf(turn.pageProductId),
      routing: await this.dependencies.routing.settings(),
    };
    return { request, notice: botHandoff ? [] : [connectingNotice(turn, reason)] };
  }

  /**
   * A message from a shopper who already waits for (or talks to) a person: the briefing is refreshed and the
   * priority raised when the message calls for it (anger, 12315, a safety risk).
   */
  /** A waiting shopper's place in the queue, in their language; null once they no longer wait. */
  describeQueueStanding(conversationId: string, locale: ReplyLocale) {
    return this.dependencies.routing.describeStanding(conversationId, locale);
  }

  async escalateAfterMessage(conversationId: string, customerId: string, text: string): Promise<void> {
    const settings = await this.dependencies.settings.get();
    const vipTier = await findVipTierOfCustomer(this.dependencies.db, customerId);
    const routing = await this.dependencies.routing.settings();
    const sensitiveTopic = settings.sensitiveTopics.enabled ? findSensitiveTopic(text, settings) : null;
    await this.dependencies.unitOfWork.run((context) =>
      escalateAfterHandoff(context, {
        conversationId,
        vipTier,
        sensitiveTopic,
        routing,
      }),
    );
  }

  /** The briefing of the latest handoff, or one built now for a conversation taken over without handoff. */
  async getSummary(agent: AuthenticatedAgent, conversationId: string): Promise<HandoffSummary> {
    const conversation = await this.dependencies.conversations.getConversationForAgent(agent, conversationId);
    const stored = await handoffRepo.findLatestHandoff(this.dependencies.db, conversationId);
    if (stored) return parseJsonColumn(stored.summary, handoffSummarySchema);
    const messages = await listLatestMessages(this.dependencies.db, conversationId, 60);
    const vipTier = await findVipTierOfCustomer(this.dependencies.db, conversation.customerId);
    const routing = await this.dependencies.routing.settings();
    const latest = [...messages].reverse().find((message) => message.sender === 'customer');
    const intentId = latest ? (readAnalysis(latest)?.intent.id ?? null) : null;
    return buildHandoffSummary({
      conversationId,
      customerId: conversation.customerId,
      vipTier,
      productLine: null,
      messages,
      triggers: [],
      reason: 'none',
      category: conversation.category ?? categoryFromIntent(intentId),
      priority: computePriority(
        {
          vipTier,
          intentId,
          anger: false,
          fallingSentiment: false,
          sensitiveTopic: false,
        },
        routing.priorityRules,
        {
          minutes: 0,
          targetMinutes: routing.queueTargetMinutes,
        },
      ),
      language: conversation.locale,
      now: new Date(conversation.updatedAt),
    });
  }

  private async productLineOf(productId: string | null): Promise<string | null> {
    if (!productId) return null;
    const product = await this.dependencies.catalog.getProduct(productId, 'zh-CN').catch(() => null);
    return product?.category ?? null;
  }
}

function connectingNotice(turn: BotTurn, reason: string): BotReply {
  const texts =
    reason === 'sensitive_topic'
      ? {
          zh: '您反映的问题我们非常重视，已为您优先转接人工客服，请稍候，客服会尽快和您联系。',
          en: 'We take what you raised very seriously. I have passed you to a person with priority; an agent will be with you as soon as possible.',
        }
      : {
          zh: '这个问题需要人工客服为您处理，正在为您转接，请稍候～',
          en: 'A person from our team should handle this; connecting you to an agent now.',
        };
  return { text: localizeReply(pickLocalizedText(turn.locale, texts), turn.locale), quickReplies: [] };
}
