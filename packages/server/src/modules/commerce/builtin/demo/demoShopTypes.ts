// Types of the demo shop's seed data.
//
// Seed orders are written with RELATIVE times (`…HoursAgo`, hours before "now"; a negative value lies in
// the future) so the demo never goes stale. `materializeDemoOrders(now)` turns them into `Materialized…`
// records with absolute ISO-8601 timestamps.

export type Cents = number;

export interface DemoAttribute {
  key: string;
  labelZh: string;
  labelEn: string;
  valueZh: string;
  valueEn: string;
}

export interface DemoVariant {
  sku: string;
  colorZh?: string;
  colorEn?: string;
  size?: string;
  stock: number;
}

export type DemoReturnPolicy = '7_day_no_reason' | 'no_return_unless_defective';

export interface DemoProduct {
  id: string;
  /** Product-level SKU; it is also the order-line SKU when the product has no variants. */
  sku: string;
  brand: string;
  category: 'electronics' | 'apparel' | 'home' | 'beauty' | 'food' | string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  priceCents: Cents;
  /** Sum of the variants' stock when the product has variants. */
  stock: number;
  imageEmoji: string;
  returnPolicy: DemoReturnPolicy;
  warrantyMonths: number;
  attributes: DemoAttribute[];
  variants: DemoVariant[];
  tags: string[];
  /** Dispatch promise when it differs from the shop default (made-to-order goods). */
  shipsWithinHours?: number;
}

export interface DemoAddress {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  line: string;
  postalCode?: string;
  provinceEn?: string;
  cityEn?: string;
  districtEn?: string;
}

export interface DemoCustomer {
  id: string;
  name: string;
  phone: string;
  email: string;
  locale: 'zh-CN' | 'en';
  vipTier: 'none' | 'silver' | 'gold' | 'platinum';
  points: number;
  addresses: DemoAddress[];
  tags: string[];
  registeredDaysAgo: number;
}

export type DemoOrderStatus =
  'unpaid' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'returned' | 'refunded';

export type DemoPaymentMethod = 'alipay' | 'wechat_pay' | 'card';

export type DemoCarrierCode = 'SF' | 'ZTO' | 'YTO' | 'JD';

export interface DemoCarrier {
  code: DemoCarrierCode;
  nameZh: string;
  nameEn: string;
  servicePhone: string;
  trackingNumberPattern: RegExp;
}

export interface DemoCoupon {
  code: string;
  descriptionZh: string;
  descriptionEn: string;
  minimumSubtotalCents: Cents;
  discountCents: Cents;
}

export interface DemoShopInfo {
  nameZh: string;
  nameEn: string;
  warehouse: DemoAddress;
  customerServiceHoursZh: string;
  customerServiceHoursEn: string;
  /** Unpaid orders are cancelled automatically after this window. */
  paymentWindowHours: number;
  /** Default promise: paid orders leave the warehouse within this many hours. */
  dispatchWithinHours: number;
  returnWindowDays: number;
  freeShippingThresholdCents: Cents;
  standardShippingCents: Cents;
}

export interface DemoOrderItem {
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: Cents;
  titleZh: string;
  titleEn: string;
  /** e.g. "颜色：曜石黑" / "Colour: Obsidian Black"; absent for single-SKU products. */
  variantLabelZh?: string;
  variantLabelEn?: string;
}

export interface DemoInvoice {
  kind: 'electronic_general';
  titleType: 'personal' | 'company';
  title: string;
  /** 统一社会信用代码, company invoices only. */
  taxId?: string;
  email: string;
  status: 'pending' | 'issued';
  invoiceNumber?: string;
}

export type DemoTrackingStatusCode =
  'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';

interface TrackingEventContent {
  statusCode: DemoTrackingStatusCode;
  descriptionZh: string;
  descriptionEn: string;
  /** Place name in Chinese, as printed by the carrier. */
  location: string;
  locationEn: string;
}

export interface DemoTrackingEvent extends TrackingEventContent {
  hoursAgo: number;
}

export interface MaterializedTrackingEvent extends TrackingEventContent {
  at: string;
}

interface ShipmentContent {
  id: string;
  carrierCode: DemoCarrierCode;
  carrierNameZh: string;
  carrierNameEn: string;
  trackingNumber: string;
  /** Status code of the latest tracking event. */
  status: DemoTrackingStatusCode;
}

export interface DemoShipment extends ShipmentContent {
  shippedHoursAgo: number;
  /** Negative while the promised delivery still lies ahead; positive and undelivered means late. */
  estimatedDeliveryHoursAgo: number;
  deliveredHoursAgo?: number;
  /** Oldest first. */
  events: DemoTrackingEvent[];
}

export interface MaterializedShipment extends ShipmentContent {
  shippedAt: string;
  estimatedDeliveryAt: string;
  deliveredAt?: string;
  events: MaterializedTrackingEvent[];
}

export type DemoReturnReasonCode =
  'no_longer_needed' | 'wrong_size' | 'not_as_described' | 'defective' | 'damaged_in_transit';

export type DemoReturnStatus = 'requested' | 'approved' | 'in_transit' | 'received' | 'completed';

export interface DemoReturnItem {
  sku: string;
  quantity: number;
}

interface ReturnContent {
  id: string;
  returnNumber: string;
  status: DemoReturnStatus;
  reasonCode: DemoReturnReasonCode;
  reasonZh: string;
  reasonEn: string;
  items: DemoReturnItem[];
  /** The parcel the customer sends back, once sent. */
  returnCarrierCode?: DemoCarrierCode;
  returnTrackingNumber?: string;
}

export interface DemoReturnRecord extends ReturnContent {
  requestedHoursAgo: number;
  approvedHoursAgo?: number;
  shippedBackHoursAgo?: number;
  receivedHoursAgo?: number;
  completedHoursAgo?: number;
}

export interface MaterializedReturnRecord extends ReturnContent {
  requestedAt: string;
  approvedAt?: string;
  shippedBackAt?: string;
  receivedAt?: string;
  completedAt?: string;
  updatedAt: string;
}

export type DemoRefundStatus = 'processing' | 'succeeded';

interface RefundContent {
  id: string;
  amountCents: Cents;
  /** Refunds go back the way the customer paid (原路退回). */
  method: DemoPaymentMethod;
  status: DemoRefundStatus;
  reasonZh: string;
  reasonEn: string;
  /** Set when the refund settles a return. */
  returnId?: string;
}

export interface DemoRefundRecord extends RefundContent {
  requestedHoursAgo: number;
  succeededHoursAgo?: number;
}

export interface MaterializedRefundRecord extends RefundContent {
  requestedAt: string;
  succeededAt?: string;
  updatedAt: string;
}

/** Seeded situations that later bot flows and tests look for. */
export type DemoOrderScenario =
  | 'urge_shipment'
  | 'shipment_exception'
  | 'shipment_stalled'
  | 'delivery_failed'
  | 'delivered_not_received'
  | 'damaged_on_arrival';

interface OrderContent {
  id: string;
  orderNumber: string;
  customerId: string;
  status: DemoOrderStatus;
  items: DemoOrderItem[];
  /** Sum of quantity × unit price over the items. */
  subtotalCents: Cents;
  shippingCents: Cents;
  discountCents: Cents;
  /** subtotal + shipping − discount. */
  totalCents: Cents;
  couponCode?: string;
  paymentMethod?: DemoPaymentMethod;
  shippingAddress: DemoAddress;
  invoice?: DemoInvoice;
  buyerNote?: string;
  cancellationReasonZh?: string;
  cancellationReasonEn?: string;
  scenario?: DemoOrderScenario;
}

export interface DemoOrder extends OrderContent {
  placedHoursAgo: number;
  /** Unpaid orders only: when the payment window closes. */
  paymentDeadlineHoursAgo?: number;
  paidHoursAgo?: number;
  cancelledHoursAgo?: number;
  shipment?: DemoShipment;
  returnRecord?: DemoReturnRecord;
  refund?: DemoRefundRecord;
}

export interface MaterializedOrder extends OrderContent {
  placedAt: string;
  paymentDeadlineAt?: string;
  paidAt?: string;
  cancelledAt?: string;
  shipment?: MaterializedShipment;
  returnRecord?: MaterializedReturnRecord;
  refund?: MaterializedRefundRecord;
  /** The latest timestamp anywhere in the order. */
  updatedAt: string;
}
