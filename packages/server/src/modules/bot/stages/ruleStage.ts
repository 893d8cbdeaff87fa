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
    const text = pickLocalizedText(turn.locale, { zh: rule.replyZh, en: rule.replyEn });
    return {
      stage: `${this.name}:${rule.name}`,
      replies: [{ text, quickReplies: [] }],
      handoff: rule.action === 'handoff' ? { reason: 'customer_request' } : null,
    };
  }
}
