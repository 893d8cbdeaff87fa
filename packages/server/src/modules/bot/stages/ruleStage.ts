import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import { pickLocalizedText } from '../../../replyLocale';
import type { BotRulesService } from '../rulesService';
import type { ScriptVariants } from '../scriptVariants';
import { originalScripts, ruleScriptKey } from '../scriptVariants';

/** Greeting and keyword rules configured by the merchant. */
export class RuleStage implements BotStage {
  readonly name = 'rules';

  constructor(
    private readonly rules: BotRulesService,
    private readonly scripts: ScriptVariants = originalScripts,
  ) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    const rule = await this.rules.findMatchingRule(turn.text);
    if (!rule) return null;
    // A rule may be written in one language: the other shoppers get that one (zh-Hant by conversion later).
    const original = pickLocalizedText(turn.locale, {
      zh: rule.replyZh || rule.replyEn,
      en: rule.replyEn || rule.replyZh,
    });
    const text = await this.scripts.choose({
      scriptKey: ruleScriptKey(rule.id),
      customerId: turn.customerId,
      conversationId: turn.conversationId,
      triggerMessageId: turn.messageId,
      locale: turn.locale,
      original,
    });
    return {
      stage: `${this.name}:${rule.name}`,
      replies: [{ text, quickReplies: [] }],
      handoff: rule.action === 'handoff' ? { reason: 'customer_request' } : null,
    };
  }
}
