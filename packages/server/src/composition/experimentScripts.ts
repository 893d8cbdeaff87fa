import { greetingScriptKey, knowledgeScriptKey, ruleScriptKey } from '../modules/bot';
import type { BotRulesService } from '../modules/bot/rulesService';
import type { WelcomeGreetings } from '../modules/channels';
import { KefuError } from '../errors';
import type { ExperimentScript, ExperimentScriptCatalog } from '../modules/experiments';
import type { KnowledgeModule } from '../modules/knowledge';

type KnowledgeContent = Awaited<ReturnType<KnowledgeModule['entries']['getEntry']>>['latest']['content'];

/**
 * The scripts an A/B test can vary — the widget's welcome greeting, each keyword rule's reply and each published
 * FAQ answer — read from the modules that own them, and the promotion of a winning text through those modules'
 * own use-cases: the greeting becomes the shop's own (a setting, audited); a rule is edited (audited as a rule
 * edit); an FAQ gets a new version with the winning answer, submitted for review like any edit, so another person
 * publishes it.
 */
export function createExperimentScriptCatalog(owners: {
  botRules: BotRulesService;
  knowledge: KnowledgeModule;
  welcomeGreetings: WelcomeGreetings;
}): ExperimentScriptCatalog {
  const { botRules, knowledge, welcomeGreetings } = owners;
  return {
    async listScripts(): Promise<ExperimentScript[]> {
      const greeting = await welcomeGreetings.texts();
      const rules = await botRules.listRules();
      return [
        {
          key: greetingScriptKey,
          kind: 'greeting',
          name: 'Welcome greeting',
          textZh: greeting.zh,
          textEn: greeting.en,
          promotable: true,
        },
        ...rules.map((rule) => ({
          key: ruleScriptKey(rule.id),
          kind: 'rule' as const,
          name: rule.name,
          textZh: rule.replyZh,
          textEn: rule.replyEn,
          promotable: true,
        })),
        ...(await listFaqScripts(knowledge)),
      ];
    },
    async promote(scriptKey, texts, actorId): Promise<void> {
      if (scriptKey === greetingScriptKey) {
        await welcomeGreetings.set(texts, actorId);
        return;
      }
      const rule = (await botRules.listRules()).find(
        (candidate) => ruleScriptKey(candidate.id) === scriptKey,
      );
      if (rule) {
        await botRules.updateRule(rule.id, { replyZh: texts.zh, replyEn: texts.en }, actorId);
        return;
      }
      const entryId = scriptKey.startsWith('knowledge:') ? scriptKey.slice('knowledge:'.length) : null;
      const published = entryId ? await findPublishedContent(knowledge, entryId) : null;
      if (!entryId || !published) throw new KefuError('experiment_promotion_unavailable');
      const actor = { id: actorId };
      await knowledge.entries.updateEntry(actor, entryId, withAnswers(published, texts));
      await knowledge.entries.submitForReview(actor, entryId);
    },
  };
}

/** Published FAQ entries, with the answers the bot says now (the published version, not a newer draft). */
async function listFaqScripts(knowledge: KnowledgeModule): Promise<ExperimentScript[]> {
  const entries = await knowledge.entries.listEntries({ kind: 'faq', limit: 1000, offset: 0 });
  const scripts: ExperimentScript[] = [];
  for (const entry of entries) {
    if (entry.publishedVersion === null) continue;
    const content =
      entry.latest.status === 'published'
        ? entry.latest.content
        : await findPublishedContent(knowledge, entry.id);
    if (!content) continue;
    const chinese = content.locales['zh-CN'];
    const english = content.locales.en;
    scripts.push({
      key: knowledgeScriptKey(entry.id),
      kind: 'knowledge',
      name: chinese?.question ?? english?.question ?? entry.title,
      textZh: chinese?.answer ?? english?.answer ?? '',
      textEn: english?.answer ?? chinese?.answer ?? '',
      promotable: true,
    });
  }
  return scripts;
}

async function findPublishedContent(
  knowledge: KnowledgeModule,
  entryId: string,
): Promise<KnowledgeContent | null> {
  const versions = await knowledge.entries.listVersions(entryId).catch(() => []);
  return versions.find((version) => version.status === 'published')?.content ?? null;
}

/** The published content with the winning answers in the languages the entry has. */
function withAnswers(content: KnowledgeContent, texts: { zh: string; en: string }): KnowledgeContent {
  const chinese = content.locales['zh-CN'];
  const english = content.locales.en;
  return {
    ...content,
    locales: {
      ...(chinese && { 'zh-CN': { ...chinese, answer: texts.zh } }),
      ...(english && { en: { ...english, answer: texts.en } }),
    },
  };
}
