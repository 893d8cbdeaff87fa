import { offerResolvers, offerSkipReasons } from '@kefu/sdk';
import { z } from 'zod';

const tierSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9_-]+$/, 'a tier is lower-case letters, digits, - or _');
const categorySchema = z.string().trim().min(1).max(64);

export const offerConditionsSchema = z
  .object({
    resolvedBy: z.enum(offerResolvers).default('anyone'),
    categories: z.array(categorySchema).max(50).default([]),
    requireProductDiscussed: z.boolean().default(false),
    minimumCsat: z.number().int().min(1).max(5).nullable().default(null),
    skipUpsetShoppers: z.boolean().default(true),
    customerTiers: z.array(tierSchema).max(20).default([]),
  })
  .strict();

export const offerContentSchema = z
  .object({
    recommendations: z.number().int().min(0).max(5),
    coupon: z.boolean(),
  })
  .strict()
  .refine((content) => content.recommendations > 0 || content.coupon, {
    message: 'an offer sends recommendations, a coupon or both',
  });

const ruleFields = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  conditions: offerConditionsSchema,
  content: offerContentSchema,
  /** At most a week after the resolution. */
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  capDays: z.number().int().min(0).max(365),
};

export const createOfferRuleBodySchema = z.object(ruleFields).strict();

export const updateOfferRuleBodySchema = z
  .object(ruleFields)
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'nothing to change' });

export const offerRuleViewSchema = z.object({
  id: z.string(),
  ...ruleFields,
  conditions: offerConditionsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

const skippedSchema = z.object({
  opted_out: z.number(),
  frequency_cap: z.number(),
  customer_erased: z.number(),
  reply_window_closed: z.number(),
  conversation_active: z.number(),
  nothing_to_offer: z.number(),
  shop_unavailable: z.number(),
  rule_not_matched: z.number(),
  conversation_closed: z.number(),
});

export const offerFiguresViewSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  sent: z.number(),
  skipped: skippedSchema,
  clicked: z.number(),
  clickRate: z.number().nullable(),
  couponsSent: z.number(),
  redeemed: z.number(),
  redemptionRate: z.number().nullable(),
});

export const figuresQuerySchema = z
  .object({ from: z.string().datetime({ offset: true }), to: z.string().datetime({ offset: true }) })
  .strict()
  .refine((period) => Date.parse(period.from) < Date.parse(period.to), { message: 'from is before to' });

export const redemptionBodySchema = z
  .object({
    code: z.string().trim().min(1).max(64),
    orderNumber: z.string().trim().min(1).max(64),
    shopCustomerId: z.string().trim().min(1).max(128),
  })
  .strict();

export const clickTokenSchema = z.object({ token: z.string().min(1).max(128) }).strict();

export const consentViewSchema = z.object({
  customerId: z.string(),
  optedOut: z.boolean(),
  source: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const consentBodySchema = z.object({ optedOut: z.boolean() }).strict();

export { offerSkipReasons };
