import { z } from 'zod';
import { parseJsonColumn } from '../../../db/json';
import type { ReportLocale } from '../labels';
import type { NameDirectory } from '../reports/reportContext';
import type { SpikeAlert } from './alertSchemas';
import { spikeAlertExampleSchema } from './alertSchemas';
import type { AlertRow } from './alertRepo';
import type { TopicKind } from './spikeDetector';
import { describeTopic, parseTopicKind } from './topicNames';

/** A topic's name with the keywords that surged with it: "星河面包 · 发霉、面包". */
export function describeStory(
  topicKind: TopicKind,
  topic: string,
  relatedKeywords: readonly string[],
  names: NameDirectory,
  locale: ReportLocale,
): string {
  const label = describeTopic(topicKind, topic, names, locale);
  if (relatedKeywords.length === 0) return label;
  return `${label}${locale === 'en' ? ', ' : '、'}${relatedKeywords.join(locale === 'en' ? ', ' : '、')}`;
}

export function toSpikeAlert(row: AlertRow, names: NameDirectory, locale: ReportLocale): SpikeAlert {
  const topicKind = parseTopicKind(row.topic_kind);
  return {
    id: row.id,
    kind: row.kind === 'new_topic' ? 'new_topic' : 'surge',
    topicKind,
    topic: row.topic,
    topicLabel: describeStory(topicKind, row.topic, parseRelated(row.related_topics), names, locale),
    count: row.count,
    expected: Number(row.expected),
    score: Number(row.score),
    windowStart: row.window_start,
    windowEnd: row.window_end,
    examples: parseJsonColumn(row.examples, z.array(spikeAlertExampleSchema)),
    status: row.status === 'acknowledged' ? 'acknowledged' : 'open',
    detectedAt: row.detected_at,
    lastDetectedAt: row.last_detected_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
  };
}

function parseRelated(text: string): string[] {
  return parseJsonColumn(text, z.array(z.string()));
}
