import { z } from 'zod';

// The parts of Shopify Admin REST resources the connector reads (Order, Fulfillment, FulfillmentEvent,
// Refund, Product, InventoryLevel, PriceRule, Customer); unknown fields are ignored.

const money = z.string().regex(/^-?\d+(\.\d+)?$/);
const nullableText = z.string().nullable().optional();

export const shopifyAddress = z.object({
  name: nullableText,
  first_name: nullableText,
  last_name: nullableText,
  address1: nullableText,
  address2: nullableText,
  city: nullableText,
  province: nullableText,
  zip: nullableText,
  phone: nullableText,
});

export const shopifyFulfillment = z.object({
  id: z.number(),
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  tracking_company: nullableText,
  tracking_number: nullableText,
  shipment_status: nullableText,
});

export const shopifyOrder = z.object({
  id: z.number(),
  name: z.string(),
  created_at: z.string(),
  processed_at: nullableText,
  cancelled_at: nullableText,
  financial_status: nullableText,
  fulfillment_status: nullableText,
  currency: z.string(),
  total_price: money,
  phone: nullableText,
  customer: z.object({ id: z.number() }).nullable().optional(),
  line_items: z.array(
    z.object({
      id: z.number(),
      product_id: z.number().nullable(),
      sku: nullableText,
      title: z.string(),
      variant_title: nullableText,
      quantity: z.number(),
      price: money,
    }),
  ),
  shipping_address: shopifyAddress.nullable().optional(),
  fulfillments: z.array(shopifyFulfillment).default([]),
});

export const shopifyFulfillmentEvent = z.object({
  id: z.number(),
  status: z.string(),
  message: nullableText,
  happened_at: z.string(),
  city: nullableText,
  province: nullableText,
  estimated_delivery_at: nullableText,
});

export const shopifyRefund = z.object({
  id: z.number(),
  order_id: z.number(),
  created_at: z.string(),
  processed_at: nullableText,
  note: nullableText,
  transactions: z.array(
    z.object({
      amount: money,
      kind: z.string(),
      status: z.string(),
      gateway: nullableText,
      parent_id: z.number().nullable().optional(),
    }),
  ),
});

export const shopifyRefundCalculation = z.object({
  refund: z.object({
    transactions: z.array(
      z.object({ parent_id: z.number(), amount: money, kind: z.string(), gateway: z.string() }),
    ),
  }),
});

export const shopifyProduct = z.object({
  id: z.number(),
  title: z.string(),
  vendor: nullableText,
  product_type: nullableText,
  tags: z.string().default(''),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })).default([]),
  variants: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      sku: nullableText,
      price: money,
      inventory_item_id: z.number(),
      inventory_quantity: z.number().optional(),
    }),
  ),
});

export const shopifyInventoryLevels = z.object({
  inventory_levels: z.array(
    z.object({ inventory_item_id: z.number(), location_id: z.number(), available: z.number().nullable() }),
  ),
});

export const shopifyPriceRules = z.object({
  price_rules: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      value_type: z.enum(['fixed_amount', 'percentage']),
      value: money,
      customer_selection: z.string(),
      starts_at: z.string(),
      ends_at: nullableText,
      prerequisite_subtotal_range: z.object({ greater_than_or_equal_to: money }).nullable().optional(),
    }),
  ),
});

export const shopifyCustomer = z.object({
  id: z.number(),
  first_name: nullableText,
  last_name: nullableText,
  email: nullableText,
  phone: nullableText,
  tags: z.string().default(''),
});

export type ShopifyOrder = z.infer<typeof shopifyOrder>;
export type ShopifyFulfillment = z.infer<typeof shopifyFulfillment>;
export type ShopifyFulfillmentEvent = z.infer<typeof shopifyFulfillmentEvent>;
export type ShopifyProduct = z.infer<typeof shopifyProduct>;
export type ShopifyRefund = z.infer<typeof shopifyRefund>;
