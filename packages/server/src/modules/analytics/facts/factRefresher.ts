import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import type { ChangeCursor } from '../sources/conversationRecords';
import {
  listChangedConversations,
  listConversationsRatedSince,
  loadConversationSources,
} from '../sources/conversationRecords';
import { computeConversationFacts } from './computeConversationFacts';
import { chunksOf, readAnalyticsState, saveConversationFacts, writeAnalyticsState } from './factsRepo';

/** QA scores, from the quality-inspection module (reports show them per conversation and per agent). */
export interface QaScoreSource {
  scoresOf(conversationIds: readonly string[]): Promise<Map<string, number>>;
  /** Conversations inspected, or whose flags were reviewed, at or after `since`. */
  listChangedSince(since: string): Promise<string[]>;
}

export const noQaScores: QaScoreSource = {
  scoresOf: async () => new Map(),
  listChangedSince: async () => [],
};

const watermarkKey = 'facts_watermark';
const batchSize = 500;
/** Changes committed late (a long transaction began before the last refresh) are still picked up. */
const overlapMs = 5 * 60_000;

/**
 * Keeps the per-conversation metrics up to date: each refresh recomputes the conversations changed since the
 * previous one (every one on the first run) from their records. Recomputing is idempotent, so a refresh that
 * is repeated, overlaps another or dies half-way leaves correct rows.
 */
export class FactRefresher {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly qaScores: QaScoreSource = noQaScores,
  ) {}

  async refresh(): Promise<{ conversations: number }> {
    const startedAt = this.clock.now();
    const watermark = await readAnalyticsState(this.db, watermarkKey);
    const since = watermark === null ? null : new Date(Date.parse(watermark) - overlapMs).toISOString();
    let refreshed = 0;
    let cursor: ChangeCursor | null = null;
    for (;;) {
      const changed: ChangeCursor[] = await listChangedConversations(this.db, since, cursor, batchSize);
      if (changed.length === 0) break;
      refreshed += await this.refreshConversations(changed.map((change) => change.id));
      cursor = changed[changed.length - 1] ?? null;
    }
    if (since !== null) {
      const rated = await listConversationsRatedSince(this.db, since);
      const inspected = await this.qaScores.listChangedSince(since);
      for (const chunk of chunksOf([...new Set([...rated, ...inspected])], batchSize))
        refreshed += await this.refreshConversations(chunk);
    }
    await writeAnalyticsState(this.db, watermarkKey, startedAt.toISOString(), startedAt.toISOString());
    return { conversations: refreshed };
  }

  /** Recomputes these conversations now (e.g. right after their quality inspection). */
  async refreshConversations(conversationIds: readonly string[]): Promise<number> {
    const sources = await loadConversationSources(this.db, conversationIds);
    const scores = await this.qaScores.scoresOf(conversationIds);
    const facts = sources.map((source) =>
      computeConversationFacts({ ...source, qaScore: scores.get(source.id) ?? null }),
    );
    await saveConversationFacts(this.db, facts, this.clock.now().toISOString());
    return facts.length;
  }
}
