import type { Selectable } from 'kysely';
import { z } from 'zod';
import { parseJsonColumn } from '../../../db/json';
import type {
  OrdersTable,
  ProductsTable,
  ReturnsTable,
  RefundsTable,
  ShipmentsTable,
} from '../../../db/schema';
import type {
  CommerceAddress,
  CommerceFailure,
  CommerceInvoice,
  CommerceOrder,
  CommerceProduct,
  CommerceRefund,
  CommerceReturn,
  CommerceShipment,
  OrderStatus,
  ReturnPolicy,
  ReturnReason,
  TrackingStatus,
} from '../connector';

export const orderStatuses = [
  'unpaid',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
  'refunded',
] as const satisfies readonly OrderStatus[];
export const trackingStatuses = [
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
] as const satisfies readonly TrackingStatus[];
export const returnReasons = [
  'no_longer_needed',
  'wrong_size',
  'not_as_described',
  'defective',
  'damaged_in_transit',
] as const satisfies readonly ReturnReason[];
const returnPolicies = [
  '7_day_no_reason',
  'no_return_unless_defective',
] as const satisfies readonly ReturnPolicy[];

export const addressSchema = z.object({
  recipient: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  line: z.string(),
  postalCode: z.string().optional(),
});
export const orderItemSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
  titleZh: z.string(),
  titleEn: z.string(),
});
export const invoiceSchema = z.object({
  titleType: z.enum(['personal', 'company']),
  title: z.string(),
  taxId: z.string().optional(),
  email: z.string(),
  status: z.enum(['pending', 'issued']),
  invoiceNumber: z.string().optional(),
});
export const trackingEventSchema = z.object({
  statusCode: z.enum(trackingStatuses),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  location: z.string(),
  at: z.string(),
});
const attributeSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  valueZh: z.string(),
  valueEn: z.string(),
});
const variantSchema = z.object({
  sku: z.string(),
  colorZh: z.string().optional(),
  colorEn: z.string().optional(),
  size: z.string().optional(),
  stock: z.number().int(),
});
const returnDetailsSchema = z.object({
  kind: z.enum(['return', 'exchange']).optional(),
});
const refundDetailsSchema = z.object({
  succeededAt: z.string().optional(),
  reasonZh: z.string().optional(),
  reasonEn: z.string().optional(),
});

export type ProductRow = Selectable<ProductsTable>;

/** The shop's refusal of an action the order's status does not allow. */
export function refusedInStatus(status: string): CommerceFailure {
  const known = z.enum(orderStatuses).safeParse(status);
  return { kind: 'rejected', reason: 'order_status', ...(known.success ? { orderStatus: known.data } : {}) };
}

export function toCommerceOrder(
  row: Selectable<OrdersTable>,
  products: ReadonlyMap<string, ProductRow>,
): CommerceOrder {
  const items = parseJsonColumn(row.items, z.array(orderItemSchema));
  return {
    orderNumber: row.order_number,
    customerId: row.shop_customer_id,
    status: z.enum(orderStatuses).parse(row.status),
    items: items.map((item) => {
      const product = products.get(item.productId);
      return {
        ...item,
        category: product?.category ?? 'other',
        returnPolicy: parseReturnPolicy(product?.return_policy),
        warrantyMonths: product?.warranty_months ?? 0,
        shipsWithinHours: product?.ships_within_hours ?? null,
      };
    }),
    totalCents: row.total_cents,
    currency: 'CNY',
    shippingAddress: toAddress(row.shipping_address),
    invoice: row.invoice ? toInvoice(row.invoice) : null,
    placedAt: row.placed_at,
    paidAt: row.paid_at,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    cancelledAt: row.cancelled_at,
  };
}

export function toAddress(text: string): CommerceAddress {
  const address = parseJsonColumn(text, addressSchema);
  return { ...address, postalCode: address.postalCode };
}

export function toInvoice(text: string): CommerceInvoice {
  const invoice = parseJsonColumn(text, invoiceSchema);
  return {
    titleType: invoice.titleType,
    title: invoice.title,
    taxId: invoice.taxId ?? null,
    email: invoice.email,
    status: invoice.status,
    invoiceNumber: invoice.invoiceNumber ?? null,
  };
}

export function toCommerceShipment(row: Selectable<ShipmentsTable>): CommerceShipment {
  return {
    carrierCode: row.carrier_code,
    carrierNameZh: row.carrier_name_zh,
    carrierNameEn: row.carrier_name_en,
    trackingNumber: row.tracking_number,
    status: z.enum(trackingStatuses).parse(row.status),
    shippedAt: row.shipped_at,
    estimatedDeliveryAt: row.estimated_delivery_at,
    deliveredAt: row.delivered_at,
    events: parseJsonColumn(row.events, z.array(trackingEventSchema)).map((event) => ({
      status: event.statusCode,
      descriptionZh: event.descriptionZh,
      descriptionEn: event.descriptionEn,
      location: event.location,
      at: event.at,
    })),
  };
}

export function toCommerceReturn(
  row: Selectable<ReturnsTable>,
  orderNumber: string,
  returnAddress: CommerceAddress,
): CommerceReturn {
  const details = parseJsonColumn(row.details, returnDetailsSchema.loose());
  return {
    returnNumber: row.return_number,
    orderNumber,
    kind: details.kind ?? 'return',
    status: row.status,
    reason: z.enum(returnReasons).catch('no_longer_needed').parse(row.reason_code),
    returnAddress,
    createdAt: row.created_at,
  };
}

export function toCommerceRefund(row: Selectable<RefundsTable>, orderNumber: string): CommerceRefund {
  const details = parseJsonColumn(row.details, refundDetailsSchema.loose());
  return {
    id: row.id,
    orderNumber,
    amountCents: row.amount_cents,
    status: z.enum(['processing', 'succeeded', 'failed']).parse(row.status),
    method: row.method,
    createdAt: row.created_at,
    settledAt: details.succeededAt ?? null,
    note:
      details.reasonZh || details.reasonEn
        ? { zh: details.reasonZh ?? details.reasonEn ?? '', en: details.reasonEn ?? details.reasonZh ?? '' }
        : null,
  };
}

export function toCommerceProduct(row: ProductRow): CommerceProduct {
  const variants = parseJsonColumn(row.variants, z.array(variantSchema));
  return {
    id: row.id,
    sku: row.sku,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    category: row.category,
    priceCents: row.price_cents,
    stock: row.stock,
    attributes: parseJsonColumn(row.attributes, z.array(attributeSchema)),
    variants: variants.map((variant) => ({
      sku: variant.sku,
      labelZh: [variant.colorZh, variant.size].filter(Boolean).join(' / ') || variant.sku,
      labelEn: [variant.colorEn, variant.size].filter(Boolean).join(' / ') || variant.sku,
      stock: variant.stock,
    })),
    returnPolicy: parseReturnPolicy(row.return_policy),
    warrantyMonths: row.warranty_months,
    shipsWithinHours: row.ships_within_hours,
    imageEmoji: row.image_emoji || null,
    // The built-in shop's product page is served by Kefu itself (the demo shop at `/`).
    url: `/#/product/${encodeURIComponent(row.id)}`,
  };
}

function parseReturnPolicy(value: string | undefined): ReturnPolicy {
  return z.enum(returnPolicies).catch('7_day_no_reason').parse(value);
}
