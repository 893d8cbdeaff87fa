import { toNumber, whereFacts } from '../factQuery';
import { labelOf } from '../labels';
import type { ReportContext } from './reportContext';
import type { LabeledValue } from './reportShapes';

export interface ProductIssues {
  productId: string;
  name: string;
  total: number;
  /** By what went wrong (a return or delivery reason when the shopper said one, else the kind of request). */
  reasons: LabeledValue[];
}

/** Intents that mean something went wrong with a product or its order. */
export const issueIntents = ['complaint', 'return_exchange', 'refund', 'delivery_problem', 'warranty_repair'];
const listedProducts = 10;

/** Complaints, returns, refunds, delivery and warranty problems about a known product, by product and reason. */
export async function buildProductIssueReport(context: ReportContext): Promise<ProductIssues[]> {
  const { db, filter, names } = context;
  const rows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where('product_id', 'is not', null)
    .where((eb) => eb.or([eb('intent', 'in', issueIntents), eb('issue_reason', 'is not', null)]))
    .select((eb) => ['product_id', 'intent', 'issue_reason', eb.fn.countAll<string | number>().as('count')])
    .groupBy(['product_id', 'intent', 'issue_reason'])
    .execute();
  const byProduct = new Map<string, Map<string, LabeledValue>>();
  for (const row of rows) {
    if (row.product_id === null) continue;
    const reasons = byProduct.get(row.product_id) ?? new Map<string, LabeledValue>();
    const reason = describeReason(row.issue_reason, row.intent, filter.locale);
    const current = reasons.get(reason.label) ?? { ...reason, value: 0 };
    current.value += toNumber(row.count);
    reasons.set(reason.label, current);
    byProduct.set(row.product_id, reasons);
  }
  return [...byProduct.entries()]
    .map(([productId, reasons]) => {
      const listed = [...reasons.values()].sort((left, right) => right.value - left.value);
      return {
        productId,
        name: names.productName(productId),
        total: listed.reduce((total, reason) => total + reason.value, 0),
        reasons: listed,
      };
    })
    .sort((left, right) => right.total - left.total || left.productId.localeCompare(right.productId))
    .slice(0, listedProducts);
}

function describeReason(
  issueReason: string | null,
  intent: string | null,
  locale: 'zh-CN' | 'en',
): { key: string | null; label: string } {
  if (issueReason !== null) return { key: issueReason, label: labelOf('issueReason', issueReason, locale) };
  return { key: intent, label: labelOf('intent', intent, locale) };
}
