// The other modules' rules the metrics follow, imported in this one place so that the reports count a
// category, a topic or a return reason exactly as the bot and the handoff do.
import { detectDeliveryProblem, detectReturnReason } from '../../bot';
import { categoryFromIntent } from '../../handoff';

export { isTopicIntent } from '../../handoff';
export { clusterQuestions } from '../../knowledge';
export { formatCsv } from '../../../csv';

export function readCategoryFromIntent(intentId: string | null): string {
  return categoryFromIntent(intentId);
}

/** What went wrong with an order, as the return and delivery-problem flows read it from the shopper's words. */
export function describeIssueReason(text: string): string | null {
  return detectReturnReason(text) ?? detectDeliveryProblem(text);
}
