import type { ReportLocale } from '../labels';
import { labelOf } from '../labels';
import type { NameDirectory } from '../reports/reportContext';
import type { TopicKind } from './spikeDetector';
import { topicKinds } from './spikeDetector';

/** How a topic is named to people: an intent's or category's name, a product's name, a keyword as it is. */
export function describeTopic(
  topicKind: TopicKind,
  topic: string,
  names: NameDirectory,
  locale: ReportLocale,
): string {
  switch (topicKind) {
    case 'intent':
      return labelOf('intent', topic, locale);
    case 'category':
      return labelOf('category', topic, locale);
    case 'product':
      return names.productName(topic);
    case 'keyword':
      return topic;
    case 'product_keyword': {
      const [productId = '', keyword = ''] = splitProductKeyword(topic);
      return `${names.productName(productId)} · ${keyword}`;
    }
  }
}

export function parseTopicKind(value: string): TopicKind {
  const kind = topicKinds.find((candidate) => candidate === value);
  if (!kind) throw new Error(`unknown topic kind ${value}`);
  return kind;
}

/** A product keyword topic is `productId|keyword`. */
export function splitProductKeyword(topic: string): [string, string] {
  const separator = topic.indexOf('|');
  return [topic.slice(0, separator), topic.slice(separator + 1)];
}
