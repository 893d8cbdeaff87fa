import { greetingScriptKey, ruleScriptKey } from '../modules/bot';
import type { BotRulesService } from '../modules/bot/rulesService';
import { welcomeGreetingTexts } from '../modules/channels';
import { KefuError } from '../errors';
import type { ExperimentScript, ExperimentScriptCatalog } from '../modules/experiments';

/**
 * The scripts an A/B test can vary — the widget's welcome greeting and each keyword rule's reply — read from the
 * modules that own them, and the promotion of a winning text into a rule through the rules service (audited
 * there like any admin edit). The greeting is built into Kefu, not stored, so a winning greeting is not written
 * back; the experiment's result says which text to keep.
 */
export function createExperimentScriptCatalog(botRules: BotRulesService): ExperimentScriptCatalog {
  return {
    async listScripts(): Promise<ExperimentScript[]> {
      const greeting = welcomeGreetingTexts();
      const rules = await botRules.listRules();
      return [
        {
          key: greetingScriptKey,
          kind: 'greeting',
          name: 'Welcome greeting',
          textZh: greeting.zh,
          textEn: greeting.en,
          promotable: false,
        },
        ...rules.map((rule) => ({
          key: ruleScriptKey(rule.id),
          kind: 'rule' as const,
          name: rule.name,
          textZh: rule.replyZh,
          textEn: rule.replyEn,
          promotable: true,
        })),
      ];
    },
    async promote(scriptKey, texts, actorId): Promise<void> {
      const rule = (await botRules.listRules()).find(
        (candidate) => ruleScriptKey(candidate.id) === scriptKey,
      );
      if (!rule) throw new KefuError('experiment_promotion_unavailable');
      await botRules.updateRule(rule.id, { replyZh: texts.zh, replyEn: texts.en }, actorId);
    },
  };
}
