import { z } from 'zod';

/** The conversation module's public wire schemas (other modules and the HTTP layer embed them). */
export const conversationStatusSchema = z.enum(['bot', 'queued', 'assigned', 'resolved', 'closed']);
export const conversationPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const messageSenderSchema = z.enum(['customer', 'bot', 'agent', 'system']);
export const attachmentSchema = z.object({
  name: z.string().min(1).max(255),
  // Absolute, or a path on this server for photos shoppers uploaded.
  url: z.union([z.string().url(), z.string().regex(/^\/api\/v1\/[\w/-]+$/)]).pipe(z.string().max(2048)),
  contentType: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative().optional(),
  uploadId: z.string().optional(),
});
const cardText = z.string().max(500);
export const messageCardSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('product'),
    productId: z.string(),
    title: cardText,
    priceCents: z.number().int(),
    currency: z.string(),
    imageUrl: z.string().nullable(),
    imageEmoji: z.string().nullable(),
    url: z.string().nullable(),
    facts: z.array(cardText).max(3),
  }),
  z.object({
    type: z.literal('order'),
    orderNumber: z.string(),
    statusLabel: cardText,
    items: z.array(z.object({ title: cardText, quantity: z.number().int() })),
    totalCents: z.number().int(),
    currency: z.string(),
    carrierName: cardText.nullable(),
    trackingNumber: z.string().nullable(),
    timeline: z.array(z.object({ at: z.string(), text: cardText })),
  }),
]);
export const messageAnalysisSchema = z.object({
  lang: z.string(),
  intent: z.object({
    id: z.string(),
    confidence: z.number(),
    alternatives: z.array(z.object({ id: z.string(), confidence: z.number() })),
  }),
  entities: z.array(z.object({ type: z.string(), value: z.string(), text: z.string() })),
  sentiment: z.object({
    score: z.number(),
    label: z.enum(['positive', 'negative', 'neutral']),
    anger: z.boolean(),
  }),
  answeredBy: z.string().nullable(),
});
export const quickReplySchema = z.object({
  label: z.string().min(1).max(100),
  text: z.string().min(1).max(500),
});
