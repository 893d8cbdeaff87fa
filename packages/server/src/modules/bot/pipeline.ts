import type { QuickReply } from '@kefu/sdk';
import type { ReplyLocale } from './replyLocale';
import type { Understanding } from './understanding';

export interface BotTurn {
  conversationId: string;
  customerId: string;
  /** The shopper's message this turn answers. */
  messageId: string;
  channel: string;
  text: string;
  understanding: Understanding;
  locale: ReplyLocale;
  pageProductId: string | null;
  /** The intents of the shopper's previous messages, newest first ("KF…" after "能开发票吗" is about an invoice). */
  earlierIntents: { id: string; confidence: number }[];
}

export interface BotReply {
  text: string;
  quickReplies: QuickReply[];
}

export interface BotDecision {
  /** Which stage answered, recorded for analytics and debugging. */
  stage: string;
  replies: BotReply[];
  handoff: { reason: string } | null;
}

/** One step of the bot: answers the turn, or returns null to let the next stage try. */
export interface BotStage {
  readonly name: string;
  handle(turn: BotTurn): Promise<BotDecision | null>;
}

/** Runs the stages in order; the first that answers decides. The last stage must always answer. */
export class BotPipeline {
  constructor(
    private readonly stages: readonly BotStage[],
    private readonly localize: (text: string, locale: ReplyLocale) => string,
  ) {}

  async respond(turn: BotTurn): Promise<BotDecision> {
    for (const stage of this.stages) {
      const decision = await stage.handle(turn);
      if (decision) return this.localizeDecision(decision, turn.locale);
    }
    throw new Error('The bot pipeline has no stage that always answers');
  }

  private localizeDecision(decision: BotDecision, locale: ReplyLocale): BotDecision {
    return {
      ...decision,
      replies: decision.replies.map((reply) => ({
        text: this.localize(reply.text, locale),
        quickReplies: reply.quickReplies.map((quickReply) => ({
          label: this.localize(quickReply.label, locale),
          text: this.localize(quickReply.text, locale),
        })),
      })),
    };
  }
}
