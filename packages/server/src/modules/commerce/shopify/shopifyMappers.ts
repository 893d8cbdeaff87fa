import type {
  CommerceAddress,
  CommerceOrder,
  CommerceProduct,
  CommerceRefund,
  CommerceShipment,
  OrderStatus,
  TrackingStatus,
} from '../connector';
import type {
  ShopifyFulfillment,
  ShopifyFulfillmentEvent,
  ShopifyOrder,
  ShopifyProduct,
  ShopifyRefund,
} from './shopifySchemas';

/** Shopify's order names carry a `#`; shoppers quote them without it. */
export function toShopifyOrderName(orderNumber: string): string {
  return orderNumber.startsWith('#') ? orderNumber : `#${orderNumber}`;
}

export function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

export function convertShopifyOrder(order: ShopifyOrder): CommerceOrder {
  const delivered = order.fulfillments.find((fulfillment) => fulfillment.shipment_status === 'delivered');
  const shipped = order.fulfillments.find((fulfillment) => fulfillment.status === 'success');
  return {
    orderNumber: order.name.replace(/^#/, ''),
    customerId: order.customer ? String(order.customer.id) : '',
    status: convertOrderStatus(order),
    items: order.line_items.map((item) => {
      const title = item.variant_title ? `${item.title} (${item.variant_title})` : item.title;
      return {
        productId: item.product_id === null ? '' : String(item.product_id),
        sku: item.sku ?? '',
        quantity: item.quantity,
        unitPriceCents: toCents(item.price),
        titleZh: title,
        titleEn: title,
        category: 'other',
        returnPolicy: '7_day_no_reason',
        warrantyMonths: 0,
        shipsWithinHours: null,
      };
    }),
    totalCents: toCents(order.total_price),
    currency: order.currency,
    shippingAddress: convertShopifyAddress(order.shipping_address ?? {}, order.phone ?? ''),
    invoice: null,
    placedAt: order.created_at,
    paidAt: isPaid(order) ? (order.processed_at ?? order.created_at) : null,
    shippedAt: shipped?.created_at ?? null,
    // The REST Fulfillment has no delivery time; its last update is when the carrier reported delivery.
    deliveredAt: delivered?.updated_at ?? null,
    cancelledAt: order.cancelled_at ?? null,
  };
}

function isPaid(order: ShopifyOrder): boolean {
  return ['paid', 'partially_refunded', 'refunded'].includes(order.financial_status ?? '');
}

function convertOrderStatus(order: ShopifyOrder): OrderStatus {
  if (order.cancelled_at) return 'cancelled';
  if (order.financial_status === 'refunded') return 'refunded';
  if (!isPaid(order)) return 'unpaid';
  if (order.fulfillment_status !== 'fulfilled' && order.fulfillment_status !== 'partial') return 'paid';
  const fulfillments = order.fulfillments.filter((fulfillment) => fulfillment.status === 'success');
  const allDelivered =
    fulfillments.length > 0 &&
    fulfillments.every((fulfillment) => fulfillment.shipment_status === 'delivered');
  return allDelivered ? 'delivered' : 'shipped';
}

export function convertShopifyAddress(
  address: {
    name?: string | null | undefined;
    address1?: string | null | undefined;
    address2?: string | null | undefined;
    city?: string | null | undefined;
    province?: string | null | undefined;
    zip?: string | null | undefined;
    phone?: string | null | undefined;
  },
  fallbackPhone: string,
): CommerceAddress {
  return {
    recipient: address.name ?? '',
    phone: address.phone ?? fallbackPhone,
    province: address.province ?? '',
    city: address.city ?? '',
    district: '',
    line: [address.address1, address.address2].filter(Boolean).join(' '),
    postalCode: address.zip ?? undefined,
  };
}

export function toShopifyAddress(address: CommerceAddress): Record<string, string> {
  return {
    name: address.recipient,
    phone: address.phone,
    province: address.province,
    city: address.city,
    address1: [address.district, address.line].filter(Boolean).join(' '),
    zip: address.postalCode ?? '',
  };
}

export function convertTrackingStatus(status: string | null | undefined): TrackingStatus {
  switch (status) {
    case 'in_transit':
    case 'delayed':
      return 'in_transit';
    case 'out_for_delivery':
      return 'out_for_delivery';
    case 'delivered':
    case 'picked_up':
      return 'delivered';
    case 'failure':
    case 'attempted_delivery':
      return 'exception';
    default:
      return 'picked_up';
  }
}

export function convertShopifyFulfillment(
  fulfillment: ShopifyFulfillment,
  events: readonly ShopifyFulfillmentEvent[],
): CommerceShipment {
  const ordered = [...events].sort((left, right) => left.happened_at.localeCompare(right.happened_at));
  const deliveredEvent = ordered.find((event) => event.status === 'delivered');
  const carrier = fulfillment.tracking_company ?? '';
  return {
    carrierCode: carrier,
    carrierNameZh: carrier,
    carrierNameEn: carrier,
    trackingNumber: fulfillment.tracking_number ?? '',
    status: convertTrackingStatus(ordered.at(-1)?.status ?? fulfillment.shipment_status),
    shippedAt: fulfillment.created_at,
    estimatedDeliveryAt: ordered.at(-1)?.estimated_delivery_at ?? null,
    deliveredAt: deliveredEvent?.happened_at ?? null,
    events: ordered.map((event) => ({
      status: convertTrackingStatus(event.status),
      descriptionZh: event.message ?? event.status,
      descriptionEn: event.message ?? event.status,
      location: [event.city, event.province].filter(Boolean).join(', '),
      at: event.happened_at,
    })),
  };
}

export function convertShopifyRefund(refund: ShopifyRefund, orderNumber: string): CommerceRefund {
  const transactions = refund.transactions.filter((transaction) => transaction.kind === 'refund');
  const failed = transactions.some(
    (transaction) => transaction.status === 'failure' || transaction.status === 'error',
  );
  const succeeded =
    transactions.length > 0 && transactions.every((transaction) => transaction.status === 'success');
  return {
    id: String(refund.id),
    orderNumber,
    amountCents: transactions.reduce((sum, transaction) => sum + toCents(transaction.amount), 0),
    status: failed ? 'failed' : succeeded ? 'succeeded' : 'processing',
    method: transactions[0]?.gateway ?? 'original',
    createdAt: refund.created_at,
    settledAt: succeeded ? (refund.processed_at ?? refund.created_at) : null,
    note: refund.note ? { zh: refund.note, en: refund.note } : null,
  };
}

export function convertShopifyProduct(
  product: ShopifyProduct,
  stockByInventoryItem: ReadonlyMap<number, number>,
): CommerceProduct {
  const variants = product.variants.map((variant) => ({
    sku: variant.sku ?? String(variant.id),
    labelZh: variant.title,
    labelEn: variant.title,
    stock: stockByInventoryItem.get(variant.inventory_item_id) ?? variant.inventory_quantity ?? 0,
  }));
  const attributes = [
    ...(product.vendor
      ? [
          {
            key: 'vendor',
            labelZh: '品牌',
            labelEn: 'Brand',
            valueZh: product.vendor,
            valueEn: product.vendor,
          },
        ]
      : []),
    ...product.options
      .filter((option) => option.name !== 'Title')
      .map((option) => ({
        key: option.name.toLowerCase(),
        labelZh: option.name,
        labelEn: option.name,
        valueZh: option.values.join(' / '),
        valueEn: option.values.join(' / '),
      })),
  ];
  return {
    id: String(product.id),
    sku: product.variants[0]?.sku ?? String(product.id),
    nameZh: product.title,
    nameEn: product.title,
    category: product.product_type ?? 'other',
    priceCents: toCents(product.variants[0]?.price ?? '0'),
    stock: variants.reduce((sum, variant) => sum + Math.max(0, variant.stock), 0),
    attributes,
    variants: variants.length > 1 ? variants : [],
    returnPolicy: '7_day_no_reason',
    warrantyMonths: 0,
    shipsWithinHours: null,
  };
}
