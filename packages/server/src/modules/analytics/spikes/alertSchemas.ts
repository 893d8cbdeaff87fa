import { z } from 'zod';

export const topicKindSchema = z.enum(['intent', 'category', 'product', 'keyword', 'product_keyword']);

/** The realtime notice of a new spike alert (event payload, WebSocket frame, webhook body). */
export const spikeAlertNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['surge', 'new_topic']),
  topicKind: topicKindSchema,
  topicLabel: z.object({ 'zh-CN': z.string(), en: z.string() }),
  count: z.number(),
  expected: z.number(),
  windowStart: z.string(),
  windowEnd: z.string(),
  conversationIds: z.array(z.string()),
});

export const spikeAlertExampleSchema = z.object({ conversationId: z.string(), excerpt: z.string() });

/** An alert as the API lists it. */
export const spikeAlertSchema = z.object({
  id: z.string(),
  kind: z.enum(['surge', 'new_topic']),
  topicKind: topicKindSchema,
  topic: z.string(),
  topicLabel: z.string(),
  count: z.number(),
  expected: z.number(),
  score: z.number(),
  windowStart: z.string(),
  windowEnd: z.string(),
  examples: z.array(spikeAlertExampleSchema),
  status: z.enum(['open', 'acknowledged']),
  detectedAt: z.string(),
  lastDetectedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});

export type SpikeAlert = z.infer<typeof spikeAlertSchema>;
export type SpikeAlertExample = z.infer<typeof spikeAlertExampleSchema>;
