// Wire values of the service APIs mapped to translated labels and tag colours, in one place.
import type { HandoffReason, SlaTargetKind, TicketSource, TicketStatus } from '@kefu/sdk';
import type { Translate } from '../i18n/I18nContext';
import { formatDuration } from '../common/time';
import type { ServiceTextKey, ServiceTranslate } from './serviceText';

export const ticketStatuses: TicketStatus[] = ['open', 'pending', 'on_hold', 'solved', 'closed'];

export const ticketStatusLabelKeys: Record<TicketStatus, ServiceTextKey> = {
  open: 'ticketStatusOpen',
  pending: 'ticketStatusPending',
  on_hold: 'ticketStatusOnHold',
  solved: 'ticketStatusSolved',
  closed: 'ticketStatusClosed',
};

export const ticketStatusColors: Record<TicketStatus, string> = {
  open: 'blue',
  pending: 'gold',
  on_hold: 'purple',
  solved: 'green',
  closed: 'default',
};

export const ticketSourceLabelKeys: Record<TicketSource, ServiceTextKey> = {
  agent: 'sourceAgent',
  left_message: 'sourceLeftMessage',
  delivery_problem: 'sourceDeliveryProblem',
  return_inspection: 'sourceReturnInspection',
  handoff: 'sourceHandoff',
};

export const slaTargetLabelKeys: Record<SlaTargetKind, ServiceTextKey> = {
  first_response: 'targetFirstResponse',
  next_response: 'targetNextResponse',
  resolution: 'targetResolution',
};

const reasonLabelKeys: Record<HandoffReason, ServiceTextKey> = {
  customer_request: 'reasonCustomerRequest',
  bot_failures: 'reasonBotFailures',
  not_helpful: 'reasonNotHelpful',
  anger: 'reasonAnger',
  sentiment_decline: 'reasonSentimentDecline',
  complaint: 'reasonComplaint',
  sensitive_topic: 'reasonSensitiveTopic',
  refund_amount: 'reasonRefundAmount',
  vip: 'reasonVip',
  intent_rule: 'reasonIntentRule',
  transfer: 'reasonTransfer',
  commerce_unsupported: 'reasonCommerceUnsupported',
  commerce_unavailable: 'reasonCommerceUnavailable',
  delivery_investigation: 'reasonDeliveryInvestigation',
  warranty_repair: 'reasonWarrantyRepair',
  shipment_exception: 'reasonShipmentException',
  shipment_stalled: 'reasonShipmentStalled',
  shipment_overdue: 'reasonShipmentOverdue',
  invoice_correction: 'reasonInvoiceCorrection',
};

/** A handoff or queue reason; unknown reasons (newer servers) are shown as they are. */
export function describeReason(reason: string, st: ServiceTranslate): string {
  const key = Object.entries(reasonLabelKeys).find(([candidate]) => candidate === reason)?.[1];
  return key ? st(key) : reason;
}

/** "12 min left" or "Overdue by 3 min" for a deadline. */
export function describeDeadline(dueAt: string, now: number, t: Translate, st: ServiceTranslate): string {
  const remaining = Date.parse(dueAt) - now;
  return remaining >= 0
    ? st('dueIn', { time: formatDuration(remaining, t) })
    : st('overdueBy', { time: formatDuration(-remaining, t) });
}
