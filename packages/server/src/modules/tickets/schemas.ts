import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';
import { conversationPrioritySchema } from '../conversations/schemas';

export const ticketStatusSchema = z.enum(['open', 'pending', 'on_hold', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;
export const ticketSourceSchema = z.enum([
  'agent',
  'left_message',
  'delivery_problem',
  'return_inspection',
  'handoff',
]);
export type TicketSource = z.infer<typeof ticketSourceSchema>;
export const ticketLinkKindSchema = z.enum(['conversation', 'order']);
export const slaTargetKindSchema = z.enum(['first_response', 'next_response', 'resolution']);
export type SlaTargetKind = z.infer<typeof slaTargetKindSchema>;

export const ticketSchema = z.object({
  id: z.string(),
  subject: z.string(),
  description: z.string(),
  status: ticketStatusSchema,
  priority: conversationPrioritySchema,
  category: z.string(),
  channel: z.string(),
  source: ticketSourceSchema,
  customerId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  createdBy: z.string().nullable(),
  firstRespondedAt: z.string().nullable(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

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

export const ticketDetailSchema = ticketSchema.extend({
  links: z.array(z.object({ kind: ticketLinkKindSchema, targetId: z.string(), createdAt: z.string() })),
  comments: z.array(
    z.object({
      id: z.string(),
      authorType: z.enum(['agent', 'customer', 'system']),
      authorId: z.string().nullable(),
      body: z.string(),
      internal: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.string(),
      actorType: z.string(),
      actorId: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  sla: z.array(slaTargetSchema),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const slaAlertSchema = z.object({
  ticket: ticketSchema,
  target: slaTargetKindSchema,
  dueAt: z.string(),
});

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
