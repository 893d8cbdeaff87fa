import { z } from 'zod';
import { webhookEventTypes } from './webhookEventTypes';

const eventsSchema = z
  .array(z.enum(webhookEventTypes))
  .min(1)
  .max(webhookEventTypes.length * 2);

export const createWebhookBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    url: z.string().trim().min(1).max(2000),
    events: eventsSchema,
    enabled: z.boolean().default(true),
    allowPrivateNetwork: z.boolean().default(false),
  })
  .strict();

export const updateWebhookBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    url: z.string().trim().min(1).max(2000).optional(),
    events: eventsSchema.optional(),
    enabled: z.boolean().optional(),
    allowPrivateNetwork: z.boolean().optional(),
  })
  .strict();

export const webhookViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  enabled: z.boolean(),
  allowPrivateNetwork: z.boolean(),
  pausedAt: z.string().nullable(),
  failedInARow: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
});

export const webhookDeliveryParamsSchema = z.object({ id: z.string().min(1), deliveryId: z.string().min(1) });
