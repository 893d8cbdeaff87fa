import type { BotDecision, BotStage, BotTurn, ScriptVariants } from '../bot';
import { knowledgeScriptKey, originalScripts } from '../bot';
import type { KnowledgeAnswerer } from './answerer';
import type { ProductAnswerer } from './productAnswers';
import type { KnowledgeQuestionLog } from './questionLog';

/**
 * Answers from the knowledge base: product facts, FAQ entries and articles. A confident match answers,
 * a middling one asks "did you mean" with the top 3, a weak one lets the fallback speak. Every question
 * is recorded for ratings, corrections and the knowledge-gap report.
 */
export class KnowledgeStage implements BotStage {
  readonly name = 'knowledge';

  constructor(
    private readonly answerer: KnowledgeAnswerer,
    private readonly products: ProductAnswerer,
    private readonly questions: KnowledgeQuestionLog,
    private readonly now: () => Date,
    private readonly scripts: ScriptVariants = originalScripts,
  ) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    return this.answer(turn, { confidentOnly: false });
  }

  /**
   * Answers only when the knowledge base is confident (or, with `allowSuggestions`, has close matches to offer);
   * otherwise records nothing and leaves the turn to the other stages.
   */
  async answerConfidently(
    turn: BotTurn,
    allowSuggestions = false,
    record = true,
  ): Promise<BotDecision | null> {
    return this.answer(turn, { confidentOnly: true, allowSuggestions, record });
  }

  private async answer(
    turn: BotTurn,
    options: { confidentOnly: boolean; allowSuggestions?: boolean; record?: boolean },
  ): Promise<BotDecision | null> {
    const lastDiscussedProductId = await this.questions.lastDiscussedProduct(turn.conversationId);
    const result = await this.answerer.respond({
      text: turn.text,
      locale: turn.locale,
      channel: turn.channel,
      now: this.now(),
      pageProductId: turn.pageProductId,
      lastDiscussedProductId,
    });
    const accepted =
      result.outcome === 'answered' || (options.allowSuggestions && result.outcome === 'suggested');
    if (options.confidentOnly && !accepted) return null;
    // One question is recorded per message (a clause of a message answered on its own is not).
    if (options.record !== false)
      await this.questions.record({
        conversationId: turn.conversationId,
        messageId: turn.messageId,
        channel: turn.channel,
        locale: turn.locale,
        question: turn.text,
        outcome: result.outcome,
        entryId: result.entryId,
        score: result.score,
        candidates: result.candidates,
        productId: result.productId ?? (await this.products.findMentionedProduct(turn.text)),
      });
    if (!result.reply) return null;
    const detail = result.outcome === 'answered' ? (result.source ?? 'faq') : 'suggest';
    // An FAQ's stored answer is a script an A/B test may vary; composed and article answers are not.
    const reply =
      result.outcome === 'answered' && result.source === 'faq' && result.entryId
        ? {
            ...result.reply,
            text: await this.scripts.choose({
              scriptKey: knowledgeScriptKey(result.entryId),
              customerId: turn.customerId,
              conversationId: turn.conversationId,
              triggerMessageId: turn.messageId,
              locale: turn.locale,
              original: result.reply.text,
            }),
          }
        : result.reply;
    return { stage: `${this.name}:${detail}`, replies: [reply], handoff: null };
  }
}
