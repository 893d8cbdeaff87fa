// The one interface every shop system is reached through. Results are typed: a connector never throws for
// an expected outcome (not found, not allowed) and never invents a success when the shop system fails.

export type OrderStatus = 'unpaid' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'returned' | 'refunded';
export type TrackingStatus = 'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
export type ReturnPolicy = '7_day_no_reason' | 'no_return_unless_defective';
export const returnReasons = [
  'no_longer_needed',
  'wrong_size',
  'not_as_described',
  'defective',
  'damaged_in_transit',
] as const;
export type ReturnReason = (typeof returnReasons)[number];

export interface CommerceAddress {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  line: string;
  postalCode?: string | undefined;
}

export interface CommerceCustomer {
  id: string;
  name: string;
  phone: string;
  email: string;
  vipTier: string;
}

export interface CommerceOrderItem {
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  titleZh: string;
  titleEn: string;
  category: string;
  returnPolicy: ReturnPolicy;
  warrantyMonths: number;
  /** Hours from payment to dispatch when the product has its own (made-to-order); null: the shop's default. */
  shipsWithinHours: number | null;
}

export interface CommerceInvoice {
  titleType: 'personal' | 'company';
  title: string;
  taxId: string | null;
  email: string;
  status: 'pending' | 'issued';
  invoiceNumber: string | null;
}

export interface CommerceOrder {
  orderNumber: string;
  customerId: string;
  status: OrderStatus;
  items: CommerceOrderItem[];
  totalCents: number;
  currency: string;
  shippingAddress: CommerceAddress;
  invoice: CommerceInvoice | null;
  placedAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
}

export interface TrackingEvent {
  status: TrackingStatus;
  descriptionZh: string;
  descriptionEn: string;
  location: string;
  at: string;
}

export interface CommerceShipment {
  carrierCode: string;
  carrierNameZh: string;
  carrierNameEn: string;
  trackingNumber: string;
  status: TrackingStatus;
  shippedAt: string;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  /** Oldest first. */
  events: TrackingEvent[];
}

export interface CommerceReturn {
  returnNumber: string;
  orderNumber: string;
  kind: 'return' | 'exchange';
  status: string;
  reason: ReturnReason;
  /** Where the shopper sends the parcel, and the code to write on it. */
  returnAddress: CommerceAddress;
  createdAt: string;
}

export interface CommerceRefund {
  id: string;
  orderNumber: string;
  amountCents: number;
  status: 'processing' | 'succeeded' | 'failed';
  method: string;
  createdAt: string;
  settledAt: string | null;
  /** The shop's note on the refund (e.g. "信用卡 1–7 个工作日到账"), when it keeps one. */
  note: { zh: string; en: string } | null;
}

export interface ProductVariant {
  sku: string;
  labelZh: string;
  labelEn: string;
  stock: number;
}

export interface CommerceProduct {
  id: string;
  sku: string;
  nameZh: string;
  nameEn: string;
  category: string;
  priceCents: number;
  stock: number;
  attributes: { key: string; labelZh: string; labelEn: string; valueZh: string; valueEn: string }[];
  variants: ProductVariant[];
  returnPolicy: ReturnPolicy;
  warrantyMonths: number;
  shipsWithinHours: number | null;
  /** For product cards: a picture (URL), or the built-in shop's emoji, when the shop has one. */
  imageUrl?: string | null;
  imageEmoji?: string | null;
  /** The product page: absolute, or a path on the Kefu server (the built-in shop's own pages). */
  url?: string | null;
}

export interface CommercePromotion {
  code: string;
  descriptionZh: string;
  descriptionEn: string;
  minimumSubtotalCents: number;
  discountCents: number;
  /** Restricted to VIP members when true. */
  membersOnly: boolean;
}

export interface ShopPolicy {
  returnWindowDays: number;
  dispatchWithinHours: number;
  freeShippingThresholdCents: number;
  standardShippingCents: number;
  carriersZh: string[];
  carriersEn: string[];
  returnAddress: CommerceAddress;
}

export interface InvoiceRequest {
  titleType: 'personal' | 'company';
  title: string;
  taxId: string | null;
  email: string;
}

/** Refusals Kefu's connectors name by a code, so every screen can say them in the reader's language. */
export const shopRefusalReasons = [
  'order_status',
  'refund_exists',
  'nothing_to_refund',
  'invoice_exists',
  'no_invoice',
  'invoice_not_issued',
  'not_delivered',
  'window_passed',
  'policy_excludes',
  'already_returned',
] as const;
export type ShopRefusalReason = (typeof shopRefusalReasons)[number];

export type CommerceFailure =
  | { kind: 'not_found' }
  /**
   * The shop refuses the action in the order's current state (e.g. cancelling a shipped order): one of the
   * `ShopRefusalReason` codes Kefu puts in words, or a remote shop's own sentence, shown as it is.
   */
  | { kind: 'rejected'; reason: ShopRefusalReason | (string & {}); orderStatus?: OrderStatus }
  /** This connector cannot do that (e.g. returns through Shopify's REST API). */
  | { kind: 'unsupported' }
  /** The shop system failed or could not be reached: nothing can be promised to the shopper. */
  | { kind: 'unavailable'; detail: string };

export type CommerceResult<Value> = { ok: true; value: Value } | { ok: false; failure: CommerceFailure };

export interface CommerceConnector {
  readonly kind: 'builtin' | 'shopify' | 'http';
  policy(): ShopPolicy;
  findCustomer(query: { customerId?: string; phone?: string }): Promise<CommerceResult<CommerceCustomer>>;
  listOrders(customerId: string, limit: number): Promise<CommerceResult<CommerceOrder[]>>;
  getOrder(orderNumber: string): Promise<CommerceResult<CommerceOrder>>;
  findOrderByTracking(trackingNumber: string): Promise<CommerceResult<CommerceOrder>>;
  listShipments(orderNumber: string): Promise<CommerceResult<CommerceShipment[]>>;
  cancelOrder(orderNumber: string, reason: string): Promise<CommerceResult<CommerceOrder>>;
  changeShippingAddress(
    orderNumber: string,
    address: CommerceAddress,
  ): Promise<CommerceResult<CommerceOrder>>;
  createReturn(
    orderNumber: string,
    request: { kind: 'return' | 'exchange'; reason: ReturnReason; note: string },
  ): Promise<CommerceResult<CommerceReturn>>;
  listReturns(orderNumber: string): Promise<CommerceResult<CommerceReturn[]>>;
  listRefunds(orderNumber: string): Promise<CommerceResult<CommerceRefund[]>>;
  startRefund(orderNumber: string, reason: string): Promise<CommerceResult<CommerceRefund>>;
  requestInvoice(orderNumber: string, request: InvoiceRequest): Promise<CommerceResult<CommerceInvoice>>;
  /** Sends an issued invoice to its e-mail address again. */
  resendInvoice(orderNumber: string): Promise<CommerceResult<CommerceInvoice>>;
  searchProducts(query: string, limit: number): Promise<CommerceResult<CommerceProduct[]>>;
  getProduct(productId: string): Promise<CommerceResult<CommerceProduct>>;
  listPromotions(query: {
    customerId?: string;
    productId?: string;
  }): Promise<CommerceResult<CommercePromotion[]>>;
}

export function succeed<Value>(value: Value): CommerceResult<Value> {
  return { ok: true, value };
}

export function fail<Value>(failure: CommerceFailure): CommerceResult<Value> {
  return { ok: false, failure };
}

export const notFound = { kind: 'not_found' } as const satisfies CommerceFailure;
export const unsupported = { kind: 'unsupported' } as const satisfies CommerceFailure;
