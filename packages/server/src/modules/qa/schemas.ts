import { z } from 'zod';
import { reportQueryShape } from '../analytics';
import { qaRulesSchema } from './rules/ruleSet';

const agentRefSchema = z.object({ id: z.string(), name: z.string() });
const flagCountsSchema = z.object({ open: z.number(), confirmed: z.number(), dismissed: z.number() });
const flagStatusSchema = z.enum(['open', 'confirmed', 'dismissed']);

/** Period filters: days in a time zone (as the reports), an agent or a team. */
export const qaPeriodShape = {
  from: reportQueryShape.from,
  to: reportQueryShape.to,
  timeZone: reportQueryShape.timeZone,
  agentId: reportQueryShape.agentId,
  teamId: reportQueryShape.teamId,
  locale: reportQueryShape.locale,
};

export const inspectionSummarySchema = z.object({
  conversationId: z.string(),
  agent: agentRefSchema.nullable(),
  score: z.number(),
  resolvedAt: z.string(),
  inspectedAt: z.string(),
  flags: flagCountsSchema,
});

export const flagSchema = z.object({
  id: z.string(),
  rule: z.string(),
  label: z.string(),
  messageId: z.string().nullable(),
  agent: agentRefSchema.nullable(),
  detail: z.string(),
  status: flagStatusSchema,
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export const coachingNoteSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  conversationId: z.string().nullable(),
  author: agentRefSchema,
  text: z.string(),
  createdAt: z.string(),
});

export const inspectionDetailSchema = inspectionSummarySchema.omit({ flags: true }).extend({
  flags: z.array(flagSchema),
  transcript: z.array(
    z.object({
      id: z.string(),
      sender: z.enum(['customer', 'agent', 'bot', 'system']),
      senderName: z.string().nullable(),
      text: z.string(),
      at: z.string(),
    }),
  ),
  notes: z.array(coachingNoteSchema),
});

export const scorecardsSchema = z.object({
  weeks: z.array(z.string()),
  agents: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      inspected: z.number(),
      averageScore: z.number().nullable(),
      weekly: z.array(z.number().nullable()),
      flags: z.array(z.object({ rule: z.string(), label: z.string() }).extend(flagCountsSchema.shape)),
    }),
  ),
});

export const ruleSetSchema = z.object({
  id: z.string(),
  name: z.string(),
  rules: qaRulesSchema,
  ruleNames: z.record(z.string(), z.string()),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});

export const flagReviewSchema = z
  .object({ status: flagStatusSchema, note: z.string().trim().min(1).max(1000).nullable().default(null) })
  .strict();

export const coachingNoteInputSchema = z
  .object({
    text: z.string().trim().min(1, 'text must not be empty').max(4000),
    conversationId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
