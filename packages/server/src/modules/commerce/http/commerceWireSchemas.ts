import { z } from 'zod';

// The JSON a merchant's REST endpoints return to the http connector: the interface's own types.

const isoTime = z.string().min(10);
const orderStatus = z.enum(['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded']);
const trackingStatus = z.enum(['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception']);
const returnPolicy = z.enum(['7_day_no_reason', 'no_return_unless_defective']).default('7_day_no_reason');
const returnReason = z.enum([
  'no_longer_needed',
  'wrong_size',
  'not_as_described',
  'defective',
  'damaged_in_transit',
]);

export const addressWire = z.object({
  recipient: z.string(),
  phone: z.string(),
  province: z.string().default(''),
  city: z.string().default(''),
  district: z.string().default(''),
  line: z.string(),
  postalCode: z.string().optional(),
});

export const customerWire = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string().default(''),
  vipTier: z.string().default('none'),
});

export const invoiceWire = z.object({
  titleType: z.enum(['personal', 'company']),
  title: z.string(),
  taxId: z.string().nullable().default(null),
  email: z.string(),
  status: z.enum(['pending', 'issued']),
  invoiceNumber: z.string().nullable().default(null),
});

export const orderWire = z.object({
  orderNumber: z.string(),
  customerId: z.string(),
  status: orderStatus,
  items: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      quantity: z.number().int().positive(),
      unitPriceCents: z.number().int().nonnegative(),
      titleZh: z.string(),
      titleEn: z.string(),
      category: z.string().default('other'),
      returnPolicy,
      warrantyMonths: z.number().int().nonnegative().default(0),
      shipsWithinHours: z.number().int().positive().nullable().default(null),
    }),
  ),
  totalCents: z.number().int().nonnegative(),
  currency: z.string().default('CNY'),
  shippingAddress: addressWire,
  invoice: invoiceWire.nullable().default(null),
  placedAt: isoTime,
  paidAt: isoTime.nullable().default(null),
  shippedAt: isoTime.nullable().default(null),
  deliveredAt: isoTime.nullable().default(null),
  cancelledAt: isoTime.nullable().default(null),
});

export const shipmentWire = z.object({
  carrierCode: z.string(),
  carrierNameZh: z.string(),
  carrierNameEn: z.string(),
  trackingNumber: z.string(),
  status: trackingStatus,
  shippedAt: isoTime,
  estimatedDeliveryAt: isoTime.nullable().default(null),
  deliveredAt: isoTime.nullable().default(null),
  events: z.array(
    z.object({
      status: trackingStatus,
      descriptionZh: z.string(),
      descriptionEn: z.string(),
      location: z.string().default(''),
      at: isoTime,
    }),
  ),
});

export const returnWire = z.object({
  returnNumber: z.string(),
  orderNumber: z.string(),
  kind: z.enum(['return', 'exchange']).default('return'),
  status: z.string(),
  reason: returnReason,
  returnAddress: addressWire,
  createdAt: isoTime,
});

export const refundWire = z.object({
  id: z.string(),
  orderNumber: z.string(),
  amountCents: z.number().int().nonnegative(),
  status: z.enum(['processing', 'succeeded', 'failed']),
  method: z.string().default('original'),
  createdAt: isoTime,
  settledAt: isoTime.nullable().default(null),
  note: z.object({ zh: z.string(), en: z.string() }).nullable().default(null),
});

export const productWire = z.object({
  id: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string().default('other'),
  priceCents: z.number().int().nonnegative(),
  stock: z.number().int(),
  attributes: z
    .array(
      z.object({
        key: z.string(),
        labelZh: z.string(),
        labelEn: z.string(),
        valueZh: z.string(),
        valueEn: z.string(),
      }),
    )
    .default([]),
  variants: z
    .array(z.object({ sku: z.string(), labelZh: z.string(), labelEn: z.string(), stock: z.number().int() }))
    .default([]),
  returnPolicy,
  warrantyMonths: z.number().int().nonnegative().default(0),
  shipsWithinHours: z.number().int().positive().nullable().default(null),
});

export const promotionWire = z.object({
  code: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  minimumSubtotalCents: z.number().int().nonnegative().default(0),
  discountCents: z.number().int().nonnegative(),
  membersOnly: z.boolean().default(false),
});
