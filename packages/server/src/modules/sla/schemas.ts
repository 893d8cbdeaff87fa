import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';
import { conversationPrioritySchema } from '../../conversationWireSchemas';

export const slaTargetKindSchema = z.enum(['first_response', 'next_response', 'resolution']);
export type SlaTargetKind = z.infer<typeof slaTargetKindSchema>;

export const slaTargetSchema = z.object({
  target: slaTargetKindSchema,
  policyId: z.string(),
  startedAt: z.string(),
  warnAt: z.string(),
  dueAt: z.string(),
  metAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

export const slaPolicyInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    position: z.number().int().min(0).max(10_000).default(100),
    matchPriority: conversationPrioritySchema.nullable().default(null),
    matchCategory: z.string().trim().min(1).max(60).nullable().default(null),
    matchChannel: channelKindSchema.nullable().default(null),
    firstResponseMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
    nextResponseMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
    resolutionMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
    warningMinutes: z.number().int().min(0).max(10_080).default(15),
    businessHoursOnly: z.boolean().default(true),
    enabled: z.boolean().default(true),
  })
  .strict();
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;
export const slaPolicySchema = slaPolicyInputSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
