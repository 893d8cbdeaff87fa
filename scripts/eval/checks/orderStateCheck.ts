import type { Check, CheckResult, ConversationRecord } from './checkTypes';

type OrderStateCheck = Extract<Check, { kind: 'orderState' }>;

/** The outcome in the shop's own records: what the conversation achieved, whatever the bot said. */
export function checkOrderState(record: ConversationRecord, check: OrderStateCheck): CheckResult {
  const label = `order ${check.orderNumber}: ${check.what}`;
  const order = record.orders[check.orderNumber];
  if (!order) return { label, passed: false, detail: 'order not found in the shop' };
  const problems: string[] = [];
  if (check.status && order.status !== check.status) problems.push(`status ${order.status}`);
  if (check.addressIncludes && !order.address.includes(check.addressIncludes.replace(/\s+/g, '')))
    problems.push(`address ${order.address}`);
  if (check.invoiceTitle && order.invoiceTitle !== check.invoiceTitle)
    problems.push(`invoice title ${order.invoiceTitle ?? 'none'}`);
  if (check.returnKind && !order.returnKinds.includes(check.returnKind))
    problems.push(`no ${check.returnKind} opened (${describeReturns(order.returnKinds)})`);
  if (check.noReturnKind && order.returnKinds.includes(check.noReturnKind))
    problems.push(`a ${check.noReturnKind} was opened`);
  return { label, passed: problems.length === 0, detail: problems.join(', ') };
}

function describeReturns(kinds: readonly string[]): string {
  return kinds.length === 0 ? 'none' : kinds.join(', ');
}
