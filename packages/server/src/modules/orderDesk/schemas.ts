import { z } from 'zod';
import { addressWire, orderWire, refundWire, returnWire, returnReasons, shipmentWire } from '../commerce';

export const orderViewSchema = z.object({
  order: orderWire,
  shipments: z.array(shipmentWire),
  returns: z.array(returnWire),
  refunds: z.array(refundWire),
  /** False for an order the shopper only named in the chat (not one of their linked shop account's). */
  linked: z.boolean(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderParamsSchema = z
  .object({ id: z.string().min(1).max(64), orderNumber: z.string().min(1).max(64) })
  .strict();

export const returnRequestSchema = z
  .object({
    kind: z.enum(['return', 'exchange']),
    reason: z.enum(returnReasons),
    note: z.string().trim().max(500).default(''),
  })
  .strict();

export const reasonRequestSchema = z.object({ reason: z.string().trim().min(1).max(300) }).strict();

export const addressRequestSchema = z
  .object({
    address: addressWire
      .extend({
        recipient: z.string().trim().min(1).max(60),
        phone: z.string().trim().min(5).max(30),
        line: z.string().trim().min(1).max(200),
      })
      .strict(),
  })
  .strict();

export const couponRequestSchema = z.object({ code: z.string().trim().min(1).max(64) }).strict();

export const cardRequestSchema = z.union([
  z.object({ orderNumber: z.string().min(1).max(64) }).strict(),
  z.object({ productId: z.string().min(1).max(64) }).strict(),
]);
