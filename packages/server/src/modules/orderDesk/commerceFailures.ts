import { KefuError } from '../../errors';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import type { ReplyLocale } from '../../replyLocale';
import type { CommerceFailure, OrderStatus, ShopRefusalReason } from '../commerce';
import { shopRefusalReasons } from '../commerce';

const refusalWords: Record<ShopRefusalReason, string> = {
  order_status: 'the order is {status}',
  refund_exists: 'the order already has a refund',
  nothing_to_refund: 'nothing has come back or been cancelled after payment, so there is nothing to refund',
  invoice_exists: 'an invoice was already requested for the order',
  no_invoice: 'the order has no invoice',
  invoice_not_issued: 'the invoice is not issued yet',
  not_delivered: 'the order is not delivered yet',
  window_passed: 'the return window has passed',
  policy_excludes: 'the goods cannot be returned without a defect',
  already_returned: 'the order was already returned or refunded',
};

const statusWords: Record<OrderStatus, string> = {
  unpaid: 'awaiting payment',
  paid: 'awaiting dispatch',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
  returned: 'being returned',
  refunded: 'refunded',
};

/**
 * The shop's refusal as an error: a sentence for API readers and `details` ({ reason, orderStatus }) for screens
 * that say it in their own language. A remote shop's own sentence is passed on as it is.
 */
export function refusalError(reason: string, orderStatus?: OrderStatus): KefuError {
  const known = shopRefusalReasons.find((code) => code === reason);
  const words = known
    ? refusalWords[known].replace(
        '{status}',
        orderStatus ? statusWords[orderStatus] : 'not in a state that allows it',
      )
    : reason;
  return new KefuError('order_action_rejected', `The shop refused: ${words}`, {
    reason,
    ...(orderStatus ? { orderStatus } : {}),
  });
}

/** What the agent is told when the shop says no: never a guessed success. */
export function toKefuError(failure: CommerceFailure): KefuError {
  switch (failure.kind) {
    case 'not_found':
      return new KefuError('order_not_found');
    case 'rejected':
      return refusalError(failure.reason, failure.orderStatus);
    case 'unsupported':
      return new KefuError('order_action_unsupported');
    case 'unavailable':
      return new KefuError('shop_unavailable');
  }
}

/** A sentence for the shopper in their language (traditional script for zh-TW). */
export function speak(locale: ReplyLocale, zh: string, en: string): string {
  return localizeReply(pickLocalizedText(locale, { zh, en }), locale);
}
