import { z } from 'zod';
import { orderStatuses, trackingStatuses } from './shopRowMappers';

// The rows a merchant imports (CSV or JSON) or pushes by webhook. CSV lists are separated by `;`.

const optionalText = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().trim().optional(),
);
const isoTime = z.string().datetime({ offset: true });
const optionalTime = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  isoTime.optional(),
);
const list = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(';')
          .map((part) => part.trim())
          .filter(Boolean)
      : value,
  z.array(z.string()),
);

export const productImportRow = z.object({
  id: z.string().trim().min(1).max(64),
  sku: z.string().trim().min(1).max(64),
  brand: z.string().trim().default(''),
  category: z.string().trim().min(1),
  name_zh: z.string().trim().min(1),
  name_en: z.string().trim().min(1),
  description_zh: z.string().default(''),
  description_en: z.string().default(''),
  price_cents: z.coerce.number().int().nonnegative(),
  stock: z.coerce.number().int().nonnegative(),
  return_policy: z.enum(['7_day_no_reason', 'no_return_unless_defective']).default('7_day_no_reason'),
  warranty_months: z.coerce.number().int().nonnegative().default(0),
  ships_within_hours: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 90)
    .optional(),
  tags: list.default([]),
});

/** Items as `SKU*quantity` (priced from the catalogue), e.g. `KF-HM-015*1;KF-FD-028*2`. */
export const orderImportRow = z.object({
  order_number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,40}$/, 'order_number: 4–40 letters, digits or -'),
  customer_id: z.string().trim().min(1),
  status: z.enum(orderStatuses),
  items: list.pipe(z.array(z.string().regex(/^[^*]+\*\d+$/, 'items look like SKU*quantity')).min(1)),
  placed_at: isoTime,
  paid_at: optionalTime,
  shipped_at: optionalTime,
  delivered_at: optionalTime,
  cancelled_at: optionalTime,
  recipient: z.string().trim().min(1),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d{6,20}$/, 'phone: digits only'),
  province: z.string().trim().default(''),
  city: z.string().trim().default(''),
  district: z.string().trim().default(''),
  address_line: z.string().trim().min(1),
  payment_method: optionalText,
  /** The shop's time of this state; a webhook older than the state held changes nothing. */
  updated_at: optionalTime,
});

export const shipmentImportRow = z.object({
  order_number: z.string().trim().min(1),
  carrier_code: z.string().trim().min(1),
  carrier_name_zh: optionalText,
  carrier_name_en: optionalText,
  tracking_number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6,40}$/, 'tracking_number: 6–40 letters or digits'),
  status: z.enum(trackingStatuses),
  shipped_at: isoTime,
  estimated_delivery_at: optionalTime,
  delivered_at: optionalTime,
  event_description_zh: optionalText,
  event_description_en: optionalText,
  event_location: optionalText,
  event_at: optionalTime,
  /** The shop's time of this state (else `event_at`); a webhook older than the state held changes nothing. */
  updated_at: optionalTime,
});

export type ProductImportRow = z.infer<typeof productImportRow>;
export type OrderImportRow = z.infer<typeof orderImportRow>;
export type ShipmentImportRow = z.infer<typeof shipmentImportRow>;
