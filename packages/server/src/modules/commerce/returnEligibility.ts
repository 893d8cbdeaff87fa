import type { CommerceOrder, ReturnReason, ShopPolicy } from './connector';

export type ReturnIneligibility = 'not_delivered' | 'window_passed' | 'policy_excludes' | 'already_returned';

export type ReturnEligibility =
  | { eligible: true; deadline: string }
  | { eligible: false; reason: ReturnIneligibility; deadline: string | null };

const defectReasons: readonly ReturnReason[] = ['defective', 'damaged_in_transit', 'not_as_described'];

export function isDefectReason(reason: ReturnReason): boolean {
  return defectReasons.includes(reason);
}

/**
 * The shop's return rules, shared by the builtin connector (which enforces them) and the flows (which
 * explain them before asking for confirmation): delivered orders within the return window; goods sold
 * "no return unless defective" (food, custom-made) only for a defect or transit damage.
 */
export function checkReturnEligibility(
  order: CommerceOrder,
  reason: ReturnReason | null,
  policy: ShopPolicy,
  now: Date,
): ReturnEligibility {
  if (order.status === 'returned' || order.status === 'refunded')
    return { eligible: false, reason: 'already_returned', deadline: null };
  if (order.status !== 'delivered' || !order.deliveredAt)
    return { eligible: false, reason: 'not_delivered', deadline: null };
  const deadline = new Date(Date.parse(order.deliveredAt) + policy.returnWindowDays * 86_400_000);
  if (now.getTime() > deadline.getTime())
    return { eligible: false, reason: 'window_passed', deadline: deadline.toISOString() };
  const excluded = order.items.every((item) => item.returnPolicy === 'no_return_unless_defective');
  if (excluded && (reason === null || !isDefectReason(reason))) {
    // Without a reason yet the shopper may still name a defect: only a non-defect reason is final.
    if (reason !== null)
      return { eligible: false, reason: 'policy_excludes', deadline: deadline.toISOString() };
  }
  return { eligible: true, deadline: deadline.toISOString() };
}

/** The end of the warranty, counted from delivery (or purchase when there was no delivery). */
export function warrantyEnd(order: CommerceOrder, warrantyMonths: number): Date | null {
  if (warrantyMonths <= 0) return null;
  const start = new Date(order.deliveredAt ?? order.paidAt ?? order.placedAt);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + warrantyMonths);
  return end;
}
