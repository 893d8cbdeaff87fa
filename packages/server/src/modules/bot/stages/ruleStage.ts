import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import { pickLocalizedText } from '../../../replyLocale';
import type { BotRulesService } from '../rulesService';

/** Greeting and keyword rules configured by the merchant. */
export class RuleStage implements BotStage {
  readonly name = 'rules';

  constructor(private readonly rules: BotRulesService) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    const rule = await this.rules.findMatchingRule(turn.text);
    if (!rule) return null;
    // A rule may be written in one language: the other shoppers get that one (zh-Hant by conversion later).
    const text = pickLocalizedText(turn.locale, {
      zh: rule.replyZh || rule.replyEn,
      en: rule.replyEn || rule.replyZh,
    });
    return {
      stage: `${this.name}:${rule.name}`,
      replies: [{ text, quickReplies: [] }],
      handoff: rule.action === 'handoff' ? { reason: 'customer_request' } : null,
    };
  }
}
