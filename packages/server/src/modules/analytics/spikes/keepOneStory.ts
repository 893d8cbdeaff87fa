import { readCategoryFromIntent } from '../sources/foreignRules';
import type { SpikeFinding } from './spikeDetector';
import { splitProductKeyword } from './topicNames';

/**
 * One surge shows at several levels: "保质期" questions about one product make the keyword, the product and the
 * product-keyword pair surge together, and an intent surge lifts its category. The most specific finding tells
 * the story; a broader one is dropped when at least half of its count is that story.
 */
export function keepOneStory(findings: readonly SpikeFinding[]): SpikeFinding[] {
  const covers = (broad: SpikeFinding, specific: SpikeFinding) => specific.count * 2 >= broad.count;
  return findings.filter((finding) => {
    switch (finding.topicKind) {
      case 'keyword':
      case 'product':
        return !findings.some((other) => {
          if (other.topicKind !== 'product_keyword' || !covers(finding, other)) return false;
          const [productId, keyword] = splitProductKeyword(other.topic);
          return finding.topicKind === 'keyword' ? keyword === finding.topic : productId === finding.topic;
        });
      case 'category':
        return !findings.some(
          (other) =>
            other.topicKind === 'intent' &&
            readCategoryFromIntent(other.topic) === finding.topic &&
            covers(finding, other),
        );
      case 'intent':
      case 'product_keyword':
        return true;
    }
  });
}
