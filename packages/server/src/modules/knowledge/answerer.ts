import { toTraditional } from '@kefu/nlu';
import type { BotReply } from '../bot';
import type { ReplyLocale } from '../../replyLocale';
import type { LlmAnswerComposer } from './llmComposer';
import type { ProductAnswerer } from './productAnswers';
import { expandKnowledgeQuery } from './queryExpansion';
import type { LocaleContent } from './schemas';
import type { KnowledgeIndex, LocaleGroup, ScoredEntry } from './searchIndex';
import { contentForGroup, localeGroupOf } from './searchIndex';

export type KnowledgeOutcome = 'answered' | 'suggested' | 'unanswered';

export interface AnswerThresholds {
  /** At or above: the bot answers. */
  answer: number;
  /** At or above (and below `answer`): the bot asks "did you mean" with the top 3. Below: fallback. */
  suggest: number;
}

/**
 * Chosen on the paraphrase benchmark (`npm run bench`) to keep wrong answers near 5 % or below: English
 * paraphrases reuse more words of the wrong entry, so English needs a higher bar to answer.
 */
export const defaultThresholds: Record<LocaleGroup, AnswerThresholds> = {
  zh: { answer: 0.5, suggest: 0.3 },
  en: { answer: 0.62, suggest: 0.3 },
};

export interface KnowledgeQuestion {
  text: string;
  locale: ReplyLocale;
  channel: string;
  now: Date;
  pageProductId: string | null;
  lastDiscussedProductId: string | null;
}

export interface KnowledgeResult {
  outcome: KnowledgeOutcome;
  /** Which source answered: faq, article, product, llm. */
  source: string | null;
  reply: BotReply | null;
  entryId: string | null;
  productId: string | null;
  score: number;
  candidates: { entryId: string; score: number }[];
}

const suggestionCount = 3;

/** Decides how the knowledge base answers a question: product facts, an FAQ/article, "did you mean", or nothing. */
export class KnowledgeAnswerer {
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly products: ProductAnswerer,
    private readonly composer: LlmAnswerComposer | null,
    private readonly thresholds: Record<LocaleGroup, AnswerThresholds> = defaultThresholds,
  ) {}

  async respond(question: KnowledgeQuestion): Promise<KnowledgeResult> {
    const group = localeGroupOf(question.locale);
    const product = await this.products.answer(question);
    if (product) {
      return {
        outcome: 'answered',
        source: 'product',
        reply: { text: group === 'en' ? product.text.en : product.text.zh, quickReplies: [] },
        entryId: null,
        productId: product.productId,
        score: 1,
        candidates: [],
      };
    }
    const hits = await this.search(question.text, group, question.now, question.channel);
    const candidates = hits.map((hit) => ({ entryId: hit.entry.entryId, score: hit.confidence }));
    const [best] = hits;
    const thresholds = this.thresholds[group];
    const base = {
      entryId: best?.entry.entryId ?? null,
      productId: null,
      score: best?.confidence ?? 0,
      candidates,
    };
    if (!best || best.confidence < thresholds.suggest)
      return { ...base, outcome: 'unanswered', source: null, reply: null, entryId: null };
    if (best.confidence < thresholds.answer)
      return { ...base, outcome: 'suggested', source: null, reply: suggestionReply(hits, group) };
    const composed = await this.compose(question.text, hits, group, thresholds.suggest);
    if (composed) return { ...base, outcome: 'answered', source: 'llm', reply: composed };
    return { ...base, outcome: 'answered', source: best.entry.kind, reply: answerReply(best, group) };
  }

  async search(text: string, group: LocaleGroup, now: Date, channel?: string): Promise<ScoredEntry[]> {
    return this.index.search(expandKnowledgeQuery(text), { group, now, channel, limit: 5 });
  }

  /** Answers an agent might send for a question: product facts first, then the best entries. */
  async suggestForAgent(
    text: string,
    locale: ReplyLocale,
    question: Omit<KnowledgeQuestion, 'text' | 'locale'>,
  ) {
    const group = localeGroupOf(locale);
    const suggestions: {
      entryId: string | null;
      source: string;
      title: string;
      answer: string;
      score: number;
    }[] = [];
    const product = await this.products.answer({ ...question, text });
    if (product)
      suggestions.push({
        entryId: null,
        source: 'product',
        title: product.attributeKey,
        answer: localize(group === 'en' ? product.text.en : product.text.zh, locale),
        score: 1,
      });
    for (const hit of await this.search(text, group, question.now, question.channel)) {
      if (hit.confidence < this.thresholds[group].suggest || suggestions.length >= suggestionCount) continue;
      const reply = answerReply(hit, group);
      suggestions.push({
        entryId: hit.entry.entryId,
        source: hit.entry.kind,
        title: localize(hit.passage.title, locale),
        answer: localize(reply.text, locale),
        score: hit.confidence,
      });
    }
    return suggestions;
  }

  private async compose(question: string, hits: ScoredEntry[], group: LocaleGroup, minimum: number) {
    if (!this.composer) return null;
    const passages = hits
      .filter((hit) => hit.confidence >= minimum)
      .slice(0, suggestionCount)
      .map((hit) => ({
        entryId: hit.entry.entryId,
        title: hit.passage.title,
        text: answerReply(hit, group).text,
      }));
    const composed = await this.composer.compose(question, passages, group);
    if (!composed) return null;
    return { text: composed.text, quickReplies: [] };
  }
}

/** The stored answer of an FAQ, or the passage of an article, with links and images spelled out. */
export function answerReply(hit: ScoredEntry, group: LocaleGroup): BotReply {
  const content = contentForGroup(hit.entry.content, group);
  if (!content) return { text: '', quickReplies: [] };
  if (hit.entry.kind === 'article' && hit.passage.kind === 'chunk') {
    const body = hit.passage.text.slice(hit.passage.title.length).trim();
    const source = group === 'en' ? `(${content.question})` : `（${content.question}）`;
    return { text: `${body}\n${source}`, quickReplies: [] };
  }
  return { text: renderAnswerText(content, group), quickReplies: content.quickReplies };
}

export function renderAnswerText(content: LocaleContent, group: LocaleGroup): string {
  const lines = [content.answer];
  for (const link of content.links) lines.push(`🔗 ${link.label}: ${link.url}`);
  for (const image of content.images)
    lines.push(`🖼 ${image.alt || (group === 'en' ? 'Image' : '图片')}: ${image.url}`);
  return lines.join('\n');
}

function suggestionReply(hits: readonly ScoredEntry[], group: LocaleGroup): BotReply {
  // Far weaker matches are noise beside a close one ("降价了能补差价吗" 0.47 next to "付款后多久发货" 0.06).
  const floor = (hits[0]?.confidence ?? 0) * 0.3;
  const top = hits
    .slice(0, suggestionCount)
    .filter((hit) => hit.confidence >= floor)
    .map((hit) => contentForGroup(hit.entry.content, group)?.question ?? '');
  const questions = top.filter((question) => question.length > 0);
  const heading = group === 'en' ? 'Did you mean:' : '您是想问：';
  return {
    text: [heading, ...questions.map((question, index) => `${index + 1}. ${question}`)].join('\n'),
    quickReplies: questions.map((question) => ({
      label: truncate(question, 100),
      text: truncate(question, 500),
    })),
  };
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function localize(text: string, locale: ReplyLocale): string {
  return locale === 'zh-TW' ? toTraditional(text) : text;
}
