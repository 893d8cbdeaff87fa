import { prepareText } from '@kefu/nlu';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork } from '../../events/outbox';
import * as knowledgeRepo from './repo';
import type { QueryRow } from './repo';
import type { EntryContent, KnowledgeEntry, KnowledgeGap } from './schemas';
import type { KnowledgeActor, KnowledgeService } from './service';

/** Two questions join a topic at this similarity (cosine over words and Chinese character bigrams). */
const clusterSimilarity = 0.38;
const windowDays = 30;
const maxQuestions = 2000;
const maxExamples = 5;

interface GapItem {
  row: QueryRow;
  group: 'zh' | 'en';
  features: Map<string, number>;
}

interface Cluster {
  items: GapItem[];
  centroid: Map<string, number>;
}

/**
 * Knowledge gaps: questions the bot could not answer or answered badly, grouped into topics with counts
 * and examples, and turned into an FAQ draft (for review) in one call.
 */
export class KnowledgeGapService {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly knowledge: KnowledgeService,
    private readonly clock: Clock,
  ) {}

  async listGaps(): Promise<KnowledgeGap[]> {
    return (await this.clusters()).map(toGap);
  }

  /** Creates a draft FAQ from a topic: the most typical question, the others as similar questions. */
  async draftFromGap(actor: KnowledgeActor, gapId: string): Promise<KnowledgeEntry> {
    const cluster = (await this.clusters()).find((candidate) =>
      candidate.items.some((item) => item.row.id === gapId),
    );
    if (!cluster) throw new KefuError('knowledge_gap_not_found');
    const gap = toGap(cluster);
    const questions = [...new Set(cluster.items.map((item) => item.row.question.trim()))];
    const similarQuestions = questions.filter((question) => question !== gap.topic).slice(0, 50);
    const locale = gap.locale === 'en' ? 'en' : 'zh-CN';
    const content: EntryContent = {
      category: 'from_gaps',
      tags: ['knowledge-gap'],
      productIds: [],
      channels: [],
      validFrom: null,
      validUntil: null,
      locales: {
        [locale]: {
          question: gap.topic.slice(0, 500),
          similarQuestions: similarQuestions.map((question) => question.slice(0, 500)),
          answer: gap.corrections[0] ?? '',
          links: [],
          images: [],
          quickReplies: [],
        },
      },
    };
    return this.unitOfWork.run(async (context) => {
      const entry = await this.knowledge.createEntryIn(context, actor, 'faq', content, 'draft');
      await knowledgeRepo.markQueriesDrafted(
        context.trx,
        cluster.items.map((item) => item.row.id),
        entry.id,
      );
      return entry;
    });
  }

  private async clusters(): Promise<Cluster[]> {
    const since = new Date(this.clock.now().getTime() - windowDays * 86_400_000).toISOString();
    const rows = await knowledgeRepo.listGapQueries(this.db, since, maxQuestions);
    return clusterQuestions(rows);
  }
}

/** Greedy single pass, newest first: a question joins the closest topic of its language, or opens one. */
export function clusterQuestions(rows: readonly QueryRow[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const row of rows) {
    const item: GapItem = {
      row,
      group: /\p{Script=Han}/u.test(row.question) ? 'zh' : 'en',
      features: featuresOf(row.question),
    };
    let best: { cluster: Cluster; similarity: number } | null = null;
    for (const cluster of clusters) {
      if (cluster.items[0]?.group !== item.group) continue;
      const similarity = cosine(item.features, cluster.centroid);
      if (similarity >= clusterSimilarity && (!best || similarity > best.similarity))
        best = { cluster, similarity };
    }
    if (best) {
      best.cluster.items.push(item);
      for (const [feature, weight] of item.features)
        best.cluster.centroid.set(feature, (best.cluster.centroid.get(feature) ?? 0) + weight);
    } else clusters.push({ items: [item], centroid: new Map(item.features) });
  }
  return clusters.sort((left, right) => right.items.length - left.items.length);
}

function toGap(cluster: Cluster): KnowledgeGap {
  const items = cluster.items;
  const central = [...items].sort(
    (left, right) => cosine(right.features, cluster.centroid) - cosine(left.features, cluster.centroid),
  )[0];
  const oldest = items.reduce((current, item) => (item.row.id < current.row.id ? item : current));
  const examples = [...new Set(items.map((item) => item.row.question))].slice(0, maxExamples);
  return {
    id: oldest.row.id,
    topic: central?.row.question ?? oldest.row.question,
    count: items.length,
    reasons: {
      unanswered: items.filter((item) => item.row.outcome === 'unanswered').length,
      suggested: items.filter((item) => item.row.outcome === 'suggested').length,
      notHelpful: items.filter((item) => item.row.feedback === 'not_helpful').length,
      corrected: items.filter((item) => item.row.correction !== null).length,
    },
    examples,
    corrections: items.flatMap((item) => (item.row.correction ? [item.row.correction] : [])),
    locale: oldest.group === 'en' ? 'en' : 'zh-CN',
    lastAskedAt: items.reduce(
      (latest, item) => (item.row.created_at > latest ? item.row.created_at : latest),
      '',
    ),
  };
}

const ignoredTokens = new Set(
  '的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 我 你 你们 我们 请问 请 亲 一下 有 没有 有没有 在 哪里 哪 什么 怎么 可以 能 a an the is are to of do does can i you my your it where what how'.split(
    ' ',
  ),
);

function featuresOf(text: string): Map<string, number> {
  const { normalized, tokens } = prepareText(text);
  const features = new Map<string, number>();
  for (const token of tokens) {
    if (ignoredTokens.has(token) || /^[\p{P}\s]+$/u.test(token)) continue;
    features.set(`w:${token}`, (features.get(`w:${token}`) ?? 0) + 1);
  }
  for (const run of normalized.replace(/有没有|你们|哪里|什么|怎么|可以/g, ' ').match(/\p{Script=Han}+/gu) ??
    []) {
    const characters = [...run];
    for (let index = 0; index + 1 < characters.length; index++) {
      const bigram = `c:${characters[index]}${characters[index + 1]}`;
      features.set(bigram, (features.get(bigram) ?? 0) + 1);
    }
  }
  return features;
}

function cosine(left: Map<string, number>, right: Map<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [feature, weight] of left) {
    leftNorm += weight * weight;
    dot += weight * (right.get(feature) ?? 0);
  }
  for (const weight of right.values()) rightNorm += weight * weight;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
