import { buildDemoTrackingEvents } from './buildDemoTrackingEvents';
import type { DemoShipmentProgress } from './buildDemoTrackingEvents';
import { demoCarriers } from './demoCarriers';
import { demoCustomers } from './demoCustomers';
import { findDemoProductBySku } from './demoProducts';
import { demoCoupons, demoShopInfo } from './demoShopInfo';
import type {
  Cents,
  DemoCarrierCode,
  DemoInvoice,
  DemoOrder,
  DemoOrderItem,
  DemoOrderScenario,
  DemoOrderStatus,
  DemoPaymentMethod,
  DemoRefundRecord,
  DemoReturnRecord,
  DemoShipment,
  DemoTrackingEvent,
} from './demoShopTypes';

/** [sku, quantity] at the current price, or [sku, quantity, unit price paid]. */
export type DemoOrderLineSpec = readonly [sku: string, quantity: number, unitPriceCents?: Cents];

export interface DemoShipmentSpec {
  carrierCode: DemoCarrierCode;
  trackingNumber: string;
  shippedHoursAgo: number;
  progress: DemoShipmentProgress;
  /** Defaults to one day after shipping within the warehouse city, 2.5 days elsewhere. */
  estimatedDeliveryHoursAgo?: number;
  /** Hand-written events after the generated ones (exceptions, failed delivery attempts). */
  extraEvents?: DemoTrackingEvent[];
}

/** The hand-written part of a seed order; everything derivable is computed by `buildDemoOrder`. */
export interface DemoOrderSpec {
  /** 1-based; determines the order id, order number and the ids of its shipment, return and refund. */
  sequence: number;
  customerId: string;
  addressIndex?: number;
  status: DemoOrderStatus;
  lines: DemoOrderLineSpec[];
  placedHoursAgo: number;
  payment?: { method: DemoPaymentMethod; minutesAfterPlacing: number };
  couponCode?: string;
  invoice?: DemoInvoice;
  buyerNote?: string;
  cancellation?: { hoursAgo: number; reasonZh: string; reasonEn: string };
  shipment?: DemoShipmentSpec;
  returnRecord?: Omit<DemoReturnRecord, 'id' | 'returnNumber'>;
  /** `amountCents` defaults to the order total; the method is always the order's payment method. */
  refund?: Omit<DemoRefundRecord, 'id' | 'method' | 'returnId' | 'amountCents'> & { amountCents?: Cents };
  scenario?: DemoOrderScenario;
}

const sameCityDeliveryHours = 24;
const interCityDeliveryHours = 60;

/** Expands a seed spec into a full order: item titles and prices, totals, address copy, shipment. */
export function buildDemoOrder(spec: DemoOrderSpec): DemoOrder {
  const customer = demoCustomers.find((candidate) => candidate.id === spec.customerId);
  if (!customer) throw new Error(`Demo order ${spec.sequence}: unknown customer ${spec.customerId}`);
  const address = customer.addresses[spec.addressIndex ?? 0];
  if (!address)
    throw new Error(`Demo order ${spec.sequence}: ${spec.customerId} has no address ${spec.addressIndex}`);

  const items = spec.lines.map((line) => buildOrderItem(line, spec.sequence));
  const subtotalCents = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  const shippingCents =
    subtotalCents >= demoShopInfo.freeShippingThresholdCents ? 0 : demoShopInfo.standardShippingCents;
  const discountCents = couponDiscount(spec.couponCode, subtotalCents, spec.sequence);
  const totalCents = subtotalCents + shippingCents - discountCents;
  const sequenceLabel = String(spec.sequence).padStart(2, '0');
  const returnId = spec.returnRecord ? `ret_demo_${sequenceLabel}` : undefined;

  const order: DemoOrder = {
    id: `ord_demo_${sequenceLabel}`,
    orderNumber: `KF20261101${String(spec.sequence).padStart(4, '0')}`,
    customerId: customer.id,
    status: spec.status,
    items,
    subtotalCents,
    shippingCents,
    discountCents,
    totalCents,
    shippingAddress: { ...address },
    placedHoursAgo: spec.placedHoursAgo,
  };
  if (spec.couponCode) order.couponCode = spec.couponCode;
  if (spec.invoice) order.invoice = spec.invoice;
  if (spec.buyerNote) order.buyerNote = spec.buyerNote;
  if (spec.scenario) order.scenario = spec.scenario;
  if (spec.status === 'unpaid') {
    order.paymentDeadlineHoursAgo = spec.placedHoursAgo - demoShopInfo.paymentWindowHours;
  }
  if (spec.payment) {
    order.paymentMethod = spec.payment.method;
    order.paidHoursAgo = spec.placedHoursAgo - spec.payment.minutesAfterPlacing / 60;
  }
  if (spec.cancellation) {
    order.cancelledHoursAgo = spec.cancellation.hoursAgo;
    order.cancellationReasonZh = spec.cancellation.reasonZh;
    order.cancellationReasonEn = spec.cancellation.reasonEn;
  }
  if (spec.shipment) order.shipment = buildShipment(spec.shipment, address, sequenceLabel);
  if (spec.returnRecord && returnId) {
    order.returnRecord = {
      id: returnId,
      returnNumber: `RT20261101${String(spec.sequence).padStart(4, '0')}`,
      ...spec.returnRecord,
    };
  }
  if (spec.refund) {
    if (!spec.payment) throw new Error(`Demo order ${spec.sequence}: a refund needs a payment`);
    const { amountCents, ...refund } = spec.refund;
    order.refund = {
      id: `rfd_demo_${sequenceLabel}`,
      amountCents: amountCents ?? totalCents,
      method: spec.payment.method,
      ...refund,
    };
    if (returnId) order.refund.returnId = returnId;
  }
  return order;
}

function buildOrderItem(line: DemoOrderLineSpec, sequence: number): DemoOrderItem {
  const [sku, quantity, unitPriceCents] = line;
  const match = findDemoProductBySku(sku);
  if (!match) throw new Error(`Demo order ${sequence}: unknown SKU ${sku}`);
  const { product, variant } = match;
  const item: DemoOrderItem = {
    productId: product.id,
    sku,
    quantity,
    unitPriceCents: unitPriceCents ?? product.priceCents,
    titleZh: product.nameZh,
    titleEn: product.nameEn,
  };
  if (variant) {
    const labelsZh: string[] = [];
    const labelsEn: string[] = [];
    if (variant.colorZh && variant.colorEn) {
      labelsZh.push(`颜色：${variant.colorZh}`);
      labelsEn.push(`Colour: ${variant.colorEn}`);
    }
    if (variant.size) {
      labelsZh.push(`规格：${variant.size}`);
      labelsEn.push(`Size: ${variant.size}`);
    }
    item.variantLabelZh = labelsZh.join('；');
    item.variantLabelEn = labelsEn.join('; ');
  }
  return item;
}

function couponDiscount(couponCode: string | undefined, subtotalCents: Cents, sequence: number): Cents {
  if (!couponCode) return 0;
  const coupon = demoCoupons.find((candidate) => candidate.code === couponCode);
  if (!coupon) throw new Error(`Demo order ${sequence}: unknown coupon ${couponCode}`);
  if (subtotalCents < coupon.minimumSubtotalCents) {
    throw new Error(`Demo order ${sequence}: subtotal below the minimum for ${couponCode}`);
  }
  return coupon.discountCents;
}

function buildShipment(
  spec: DemoShipmentSpec,
  destination: DemoOrder['shippingAddress'],
  sequenceLabel: string,
): DemoShipment {
  const carrier = demoCarriers[spec.carrierCode];
  const events = [
    ...buildDemoTrackingEvents({
      carrierCode: spec.carrierCode,
      trackingNumber: spec.trackingNumber,
      destination,
      shippedHoursAgo: spec.shippedHoursAgo,
      progress: spec.progress,
    }),
    ...(spec.extraEvents ?? []),
  ];
  const latestEvent = events[events.length - 1];
  if (!latestEvent) throw new Error(`Demo shipment ${sequenceLabel}: no tracking events`);
  const transitHours =
    destination.city === demoShopInfo.warehouse.city ? sameCityDeliveryHours : interCityDeliveryHours;
  const shipment: DemoShipment = {
    id: `shp_demo_${sequenceLabel}`,
    carrierCode: carrier.code,
    carrierNameZh: carrier.nameZh,
    carrierNameEn: carrier.nameEn,
    trackingNumber: spec.trackingNumber,
    status: latestEvent.statusCode,
    shippedHoursAgo: spec.shippedHoursAgo,
    estimatedDeliveryHoursAgo: spec.estimatedDeliveryHoursAgo ?? spec.shippedHoursAgo - transitHours,
    events,
  };
  if (spec.progress.stage === 'delivered') shipment.deliveredHoursAgo = spec.progress.lastEventHoursAgo;
  return shipment;
}
