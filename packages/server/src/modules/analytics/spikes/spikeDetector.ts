export type TopicKind = 'intent' | 'category' | 'product' | 'keyword' | 'product_keyword';
export const topicKinds: readonly TopicKind[] = [
  'intent',
  'category',
  'product',
  'keyword',
  'product_keyword',
];

/** Conversations about one topic in the current window and in the same window on each previous day. */
export interface TopicWindowCounts {
  topicKind: TopicKind;
  topic: string;
  current: number;
  /** One count per previous day, yesterday first. */
  baseline: number[];
  /** Whether the topic occurred at all in the baseline days (not only in their windows). */
  seenBefore: boolean;
}

/** All conversations in the current window and in each baseline window: how busy the shop is overall. */
export interface VolumeWindowCounts {
  current: number;
  baseline: number[];
}

export interface SpikeSettings {
  /** A surge needs at least this many conversations in the window. */
  minimumCount: number;
  /** How many noise widths above the expected count a surge must be. */
  zThreshold: number;
  /** A surge is at least this many times the expected count. */
  minimumRatio: number;
  /** A topic never seen in the baseline days is new once it reaches this count. */
  newTopicMinimum: number;
  /** New topics are only told apart when the baseline days held at least this many conversations. */
  minimumHistory: number;
}

export const defaultSpikeSettings: SpikeSettings = {
  minimumCount: 5,
  zThreshold: 3,
  minimumRatio: 2,
  newTopicMinimum: 5,
  minimumHistory: 50,
};

export interface SpikeFinding {
  kind: 'surge' | 'new_topic';
  topicKind: TopicKind;
  topic: string;
  count: number;
  /** What the baseline predicted for the window, scaled to today's overall volume. */
  expected: number;
  /** Noise widths above the expectation (the surge's strength). */
  score: number;
}

/**
 * Seasonal baseline with a threshold: a topic's expected count is its mean over the same window on the previous
 * days (so the evening lull and the lunchtime rush are each compared with themselves), scaled up when the whole
 * shop is busier than usual (a promotion lifts every topic; only those rising faster than the shop stand out).
 * The noise width is Poisson (√expected) plus the day-to-day spread. Keywords and products never seen in the
 * baseline days are new topics.
 */
export function detectSpikes(
  topics: readonly TopicWindowCounts[],
  volume: VolumeWindowCounts,
  settings: SpikeSettings = defaultSpikeSettings,
): SpikeFinding[] {
  const findings: SpikeFinding[] = [];
  const baselineVolume = mean(volume.baseline);
  const historyTotal = volume.baseline.reduce((sum, count) => sum + count, 0);
  for (const series of topics) {
    const usual = mean(series.baseline);
    if (!series.seenBefore && opensNewTopics(series.topicKind)) {
      if (historyTotal >= settings.minimumHistory && series.current >= settings.newTopicMinimum)
        findings.push({ kind: 'new_topic', ...describe(series), expected: 0, score: series.current });
      continue;
    }
    const othersNow = volume.current - series.current;
    const othersUsually = baselineVolume - usual;
    const busier = othersUsually > 0 ? Math.max(1, othersNow / othersUsually) : 1;
    const expected = usual * busier;
    const noise = Math.sqrt(Math.max(expected, 1) + variance(series.baseline) * busier * busier);
    const score = (series.current - expected) / noise;
    if (
      series.current >= settings.minimumCount &&
      series.current >= settings.minimumRatio * Math.max(expected, 1) &&
      score >= settings.zThreshold
    )
      findings.push({ kind: 'surge', ...describe(series), expected, score });
  }
  return findings.sort((left, right) => right.score - left.score);
}

/** Intents and categories are a fixed list: one appearing is a surge from nothing, not a new topic. */
function opensNewTopics(kind: TopicKind): boolean {
  return kind === 'keyword' || kind === 'product' || kind === 'product_keyword';
}

function describe(series: TopicWindowCounts) {
  return { topicKind: series.topicKind, topic: series.topic, count: series.current };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
}
