import { HybridRetriever, matchScore } from '@kefu/nlu';
import type { EmbeddingProvider } from '@kefu/nlu';
import { chunkMarkdown } from './chunkMarkdown';
import { TermStatistics, termsOf } from './termStatistics';
import type { EntryContent, KnowledgeLocale, LocaleContent } from './schemas';

export type LocaleGroup = 'zh' | 'en';

export interface IndexedEntry {
  entryId: string;
  kind: 'faq' | 'article';
  content: EntryContent;
}

/**
 * A piece of an entry: an FAQ question (standard or similar), the FAQ as a whole (questions and answer,
 * what BM25 indexes), an article's title, or an article chunk.
 */
export interface Passage {
  id: string;
  entryId: string;
  group: LocaleGroup;
  kind: 'question' | 'entry' | 'chunk';
  title: string;
  text: string;
  /** Whether BM25 indexes it (FAQ questions are compared one by one after recall instead). */
  indexed: boolean;
  /** Terms of the chunk, or of the whole entry in this language (questions and FAQ documents). */
  terms: ReadonlySet<string>;
}

export interface SearchOptions {
  group: LocaleGroup;
  now: Date;
  channel?: string | undefined;
  limit?: number;
}

export interface ScoredEntry {
  entry: IndexedEntry;
  /** Calibrated relevance in [0, 1]; the answer/suggest thresholds apply to it. */
  confidence: number;
  /** The passage that matched best: a question of an FAQ, or the chunk of an article that answers. */
  passage: Passage;
}

interface Candidate {
  entry: IndexedEntry;
  lexical: number;
  questions: Passage[];
  chunk: Passage | null;
}

/** How many retrieved passages feed the re-ranking, how many entries are scored, and how many get matchScore. */
const retrievedPassages = 40;
const scoredEntries = 8;
/** Weights of the confidence: same meaning as a stored question, and the share of the question the entry covers. */
export interface ScoringOptions {
  matchWeight: number;
  matchedEntries: number;
  questionsPerEntry: number;
}
const defaultScoring: ScoringOptions = { matchWeight: 0.4, matchedEntries: 3, questionsPerEntry: 3 };

/**
 * The published knowledge in memory: BM25 (+ dense vectors when configured) per language for recall,
 * then each candidate entry is scored by `matchScore` against its best questions and by the idf-weighted
 * share of the query its text covers, so confidence means the same thing for every query.
 * Entries are added, replaced and removed one by one, so publishing never needs a rebuild.
 */
export class KnowledgeIndex {
  private readonly retrievers: Record<LocaleGroup, HybridRetriever>;
  private readonly statistics: Record<LocaleGroup, TermStatistics> = {
    zh: new TermStatistics(),
    en: new TermStatistics(),
  };
  private readonly entries = new Map<string, IndexedEntry>();
  private readonly passages = new Map<string, Passage>();
  private readonly passageIdsByEntry = new Map<string, string[]>();
  private readonly entryTerms = new Map<string, Map<LocaleGroup, Set<string>>>();

  private readonly scoring: ScoringOptions;

  constructor(embeddings?: EmbeddingProvider, scoring: Partial<ScoringOptions> = {}) {
    this.scoring = { ...defaultScoring, ...scoring };
    const options = embeddings ? { embeddings } : {};
    this.retrievers = { zh: new HybridRetriever(options), en: new HybridRetriever(options) };
  }

  get size(): number {
    return this.entries.size;
  }

  getEntry(entryId: string): IndexedEntry | undefined {
    return this.entries.get(entryId);
  }

  async upsert(entry: IndexedEntry): Promise<void> {
    this.remove(entry.entryId);
    const termsByGroup = new Map<LocaleGroup, Set<string>>();
    const passages = buildPassages(entry, termsByGroup);
    this.entries.set(entry.entryId, entry);
    this.entryTerms.set(entry.entryId, termsByGroup);
    for (const [group, terms] of termsByGroup) this.statistics[group].add(terms);
    this.passageIdsByEntry.set(
      entry.entryId,
      passages.map((passage) => passage.id),
    );
    for (const passage of passages) this.passages.set(passage.id, passage);
    for (const group of ['zh', 'en'] as const) {
      const documents = passages
        .filter((passage) => passage.group === group && passage.indexed)
        .map((passage) => ({ id: passage.id, text: passage.text }));
      if (documents.length > 0) await this.retrievers[group].add(documents);
    }
  }

  remove(entryId: string): void {
    for (const passageId of this.passageIdsByEntry.get(entryId) ?? []) {
      const passage = this.passages.get(passageId);
      if (passage?.indexed) this.retrievers[passage.group].remove(passageId);
      this.passages.delete(passageId);
    }
    for (const [group, terms] of this.entryTerms.get(entryId) ?? []) this.statistics[group].remove(terms);
    this.entryTerms.delete(entryId);
    this.passageIdsByEntry.delete(entryId);
    this.entries.delete(entryId);
  }

  /** Entries that are live for this channel and moment, best first, with a confidence each. */
  async search(query: string, options: SearchOptions): Promise<ScoredEntry[]> {
    const queryTerms = termsOf(query);
    const candidates = await this.retrieve(query, queryTerms, options);
    const statistics = this.statistics[options.group];
    const byCoverage = candidates
      .map((candidate) => {
        const terms = candidate.chunk?.terms ?? candidate.questions[0]?.terms ?? new Set<string>();
        return { candidate, coverage: statistics.coverage(queryTerms, terms) };
      })
      .sort(
        (left, right) => right.coverage - left.coverage || right.candidate.lexical - left.candidate.lexical,
      )
      .slice(0, this.scoring.matchedEntries);
    const scored = byCoverage.flatMap(({ candidate, coverage }) => {
      const best = bestQuestionMatch(query, candidate.questions);
      const passage = candidate.chunk ?? best?.passage;
      if (!passage) return [];
      const { matchWeight } = this.scoring;
      const confidence = matchWeight * (best?.match ?? 0) + (1 - matchWeight) * coverage;
      return [{ entry: candidate.entry, confidence: Math.round(confidence * 10000) / 10000, passage }];
    });
    scored.sort((left, right) => right.confidence - left.confidence);
    return scored.slice(0, options.limit ?? 5);
  }

  /** Live entries among the retrieved passages, each with its lexical score and the questions to compare. */
  private async retrieve(
    query: string,
    queryTerms: ReadonlySet<string>,
    options: SearchOptions,
  ): Promise<Candidate[]> {
    const searchable = this.statistics[options.group].searchableQuery(query);
    const hits = await this.retrievers[options.group].search(searchable, retrievedPassages);
    const candidates = new Map<string, Candidate>();
    for (const hit of hits) {
      const passage = this.passages.get(hit.id);
      const entry = passage && this.entries.get(passage.entryId);
      if (!passage || !entry || !isLive(entry.content, options.now, options.channel)) continue;
      let candidate = candidates.get(entry.entryId);
      if (!candidate) {
        if (candidates.size >= scoredEntries) continue;
        candidate = { entry, lexical: 0, questions: [], chunk: null };
        candidates.set(entry.entryId, candidate);
      }
      candidate.lexical += hit.score;
      if (passage.kind === 'question' && candidate.questions.length === 0) candidate.questions.push(passage);
      if (passage.kind === 'chunk' && !candidate.chunk) candidate.chunk = passage;
    }
    for (const candidate of candidates.values())
      if (candidate.questions.length === 0)
        candidate.questions = this.closestQuestions(candidate.entry, options.group, queryTerms);
    return [...candidates.values()];
  }

  /** The questions of an FAQ sharing most terms with the query (the standard question wins ties). */
  private closestQuestions(
    entry: IndexedEntry,
    group: LocaleGroup,
    queryTerms: ReadonlySet<string>,
  ): Passage[] {
    const questions: { passage: Passage; shared: number }[] = [];
    for (const passageId of this.passageIdsByEntry.get(entry.entryId) ?? []) {
      const passage = this.passages.get(passageId);
      if (!passage || passage.group !== group || passage.kind !== 'question') continue;
      // Computed per search rather than stored: a few dozen questions per search, and the index stays small.
      const ownTerms = termsOf(passage.text);
      let shared = 0;
      for (const term of queryTerms) if (ownTerms.has(term)) shared += term.startsWith('~') ? 0.5 : 1;
      questions.push({ passage, shared });
    }
    return questions
      .sort((left, right) => right.shared - left.shared)
      .slice(0, this.scoring.questionsPerEntry)
      .map(({ passage }) => passage);
  }
}

/**
 * The question that best matches: words and characters pick it (cheap), then the full `matchScore`,
 * intent model included, is computed for that one only — the intent model is most of the cost.
 */
function bestQuestionMatch(
  query: string,
  questions: readonly Passage[],
): { passage: Passage; match: number } | null {
  let closest: { passage: Passage; lexical: number } | null = null;
  for (const passage of questions) {
    const lexical = questions.length === 1 ? 0 : matchScore(query, passage.title, { useIntent: false });
    if (!closest || lexical > closest.lexical) closest = { passage, lexical };
  }
  return closest && { passage: closest.passage, match: matchScore(query, closest.passage.title) };
}

export function localeGroupOf(locale: string): LocaleGroup {
  return locale === 'en' ? 'en' : 'zh';
}

export function localeOfGroup(group: LocaleGroup): KnowledgeLocale {
  return group === 'en' ? 'en' : 'zh-CN';
}

export function contentForGroup(content: EntryContent, group: LocaleGroup): LocaleContent | undefined {
  return content.locales[localeOfGroup(group)];
}

/** Published content still answers only inside its validity window and on the channels it is scoped to. */
export function isLive(content: EntryContent, now: Date, channel: string | undefined): boolean {
  const moment = now.toISOString();
  if (content.validFrom && moment < new Date(content.validFrom).toISOString()) return false;
  if (content.validUntil && moment >= new Date(content.validUntil).toISOString()) return false;
  if (channel && content.channels.length > 0 && !content.channels.some((scope) => scope === channel))
    return false;
  return true;
}

function buildPassages(entry: IndexedEntry, termsByGroup: Map<LocaleGroup, Set<string>>): Passage[] {
  const passages: Passage[] = [];
  for (const group of ['zh', 'en'] as const) {
    const localeContent = contentForGroup(entry.content, group);
    if (!localeContent) continue;
    const prefix = `${entry.entryId}#${group}`;
    const base = { entryId: entry.entryId, group };
    const faq = entry.kind === 'faq';
    const questions = [localeContent.question, ...(faq ? localeContent.similarQuestions : [])];
    const entryText = [...questions, localeContent.answer].join('\n');
    const terms = termsOf(entryText);
    termsByGroup.set(group, terms);
    questions.forEach((question, index) =>
      passages.push({
        ...base,
        id: `${prefix}#q${index}`,
        kind: 'question',
        title: question,
        text: question,
        indexed: !faq,
        terms,
      }),
    );
    if (faq) {
      const title = localeContent.question;
      passages.push({
        ...base,
        id: `${prefix}#e`,
        kind: 'entry',
        title,
        text: entryText,
        indexed: true,
        terms,
      });
      continue;
    }
    chunkMarkdown(localeContent.answer).forEach((chunk, index) => {
      const title = chunk.heading ? `${localeContent.question} ${chunk.heading}` : localeContent.question;
      const text = `${title}\n${chunk.text}`;
      const chunkTerms = termsOf(text);
      passages.push({
        ...base,
        id: `${prefix}#c${index}`,
        kind: 'chunk',
        title,
        text,
        indexed: true,
        terms: chunkTerms,
      });
    });
  }
  return passages;
}
