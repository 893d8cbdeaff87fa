import { demoOrders } from './demoOrders';
import type {
  DemoOrder,
  DemoRefundRecord,
  DemoReturnRecord,
  DemoShipment,
  MaterializedOrder,
  MaterializedRefundRecord,
  MaterializedReturnRecord,
  MaterializedShipment,
} from './demoShopTypes';

const millisecondsPerHour = 3_600_000;

/**
 * Turns the relative seed orders into absolute ones as seen from `now` (ISO-8601, UTC).
 * Pure and deterministic: the same `now` always yields the same records.
 */
export function materializeDemoOrders(
  now: Date,
  orders: readonly DemoOrder[] = demoOrders,
): MaterializedOrder[] {
  const nowMilliseconds = now.getTime();
  if (Number.isNaN(nowMilliseconds)) throw new RangeError('materializeDemoOrders: invalid date');
  const at = (hoursAgo: number): string =>
    new Date(nowMilliseconds - Math.round(hoursAgo * millisecondsPerHour)).toISOString();
  return orders.map((order) => materializeOrder(order, at));
}

type ToTimestamp = (hoursAgo: number) => string;

function materializeOrder(order: DemoOrder, at: ToTimestamp): MaterializedOrder {
  const {
    placedHoursAgo,
    paymentDeadlineHoursAgo,
    paidHoursAgo,
    cancelledHoursAgo,
    shipment,
    returnRecord,
    refund,
    ...content
  } = order;
  const materialized: MaterializedOrder = {
    ...content,
    items: content.items.map((item) => ({ ...item })),
    shippingAddress: { ...content.shippingAddress },
    placedAt: at(placedHoursAgo),
    updatedAt: at(Math.min(...collectOrderHoursAgo(order))),
  };
  if (content.invoice) materialized.invoice = { ...content.invoice };
  if (paymentDeadlineHoursAgo !== undefined) materialized.paymentDeadlineAt = at(paymentDeadlineHoursAgo);
  if (paidHoursAgo !== undefined) materialized.paidAt = at(paidHoursAgo);
  if (cancelledHoursAgo !== undefined) materialized.cancelledAt = at(cancelledHoursAgo);
  if (shipment) materialized.shipment = materializeShipment(shipment, at);
  if (returnRecord) materialized.returnRecord = materializeReturn(returnRecord, at);
  if (refund) materialized.refund = materializeRefund(refund, at);
  return materialized;
}

function materializeShipment(shipment: DemoShipment, at: ToTimestamp): MaterializedShipment {
  const { shippedHoursAgo, estimatedDeliveryHoursAgo, deliveredHoursAgo, events, ...content } = shipment;
  const materialized: MaterializedShipment = {
    ...content,
    shippedAt: at(shippedHoursAgo),
    estimatedDeliveryAt: at(estimatedDeliveryHoursAgo),
    events: events.map(({ hoursAgo, ...event }) => ({ ...event, at: at(hoursAgo) })),
  };
  if (deliveredHoursAgo !== undefined) materialized.deliveredAt = at(deliveredHoursAgo);
  return materialized;
}

function materializeReturn(returnRecord: DemoReturnRecord, at: ToTimestamp): MaterializedReturnRecord {
  const {
    requestedHoursAgo,
    approvedHoursAgo,
    shippedBackHoursAgo,
    receivedHoursAgo,
    completedHoursAgo,
    ...content
  } = returnRecord;
  const materialized: MaterializedReturnRecord = {
    ...content,
    items: content.items.map((item) => ({ ...item })),
    requestedAt: at(requestedHoursAgo),
    updatedAt: at(Math.min(...collectReturnHoursAgo(returnRecord))),
  };
  if (approvedHoursAgo !== undefined) materialized.approvedAt = at(approvedHoursAgo);
  if (shippedBackHoursAgo !== undefined) materialized.shippedBackAt = at(shippedBackHoursAgo);
  if (receivedHoursAgo !== undefined) materialized.receivedAt = at(receivedHoursAgo);
  if (completedHoursAgo !== undefined) materialized.completedAt = at(completedHoursAgo);
  return materialized;
}

function materializeRefund(refund: DemoRefundRecord, at: ToTimestamp): MaterializedRefundRecord {
  const { requestedHoursAgo, succeededHoursAgo, ...content } = refund;
  const materialized: MaterializedRefundRecord = {
    ...content,
    requestedAt: at(requestedHoursAgo),
    updatedAt: at(succeededHoursAgo ?? requestedHoursAgo),
  };
  if (succeededHoursAgo !== undefined) materialized.succeededAt = at(succeededHoursAgo);
  return materialized;
}

/** Every past moment recorded on an order (future deadlines and estimates excluded). */
export function collectOrderHoursAgo(order: DemoOrder): number[] {
  const moments = [order.placedHoursAgo];
  for (const value of [order.paidHoursAgo, order.cancelledHoursAgo]) {
    if (value !== undefined) moments.push(value);
  }
  if (order.shipment) {
    moments.push(order.shipment.shippedHoursAgo, ...order.shipment.events.map((event) => event.hoursAgo));
    if (order.shipment.deliveredHoursAgo !== undefined) moments.push(order.shipment.deliveredHoursAgo);
  }
  if (order.returnRecord) moments.push(...collectReturnHoursAgo(order.returnRecord));
  if (order.refund) {
    moments.push(order.refund.requestedHoursAgo);
    if (order.refund.succeededHoursAgo !== undefined) moments.push(order.refund.succeededHoursAgo);
  }
  return moments;
}

function collectReturnHoursAgo(returnRecord: DemoReturnRecord): number[] {
  const optional = [
    returnRecord.approvedHoursAgo,
    returnRecord.shippedBackHoursAgo,
    returnRecord.receivedHoursAgo,
    returnRecord.completedHoursAgo,
  ];
  return [
    returnRecord.requestedHoursAgo,
    ...optional.filter((value): value is number => value !== undefined),
  ];
}
