import { z } from 'zod';
import { conversationPrioritySchema } from '../../conversationWireSchemas';
import { slaTargetKindSchema, slaTargetSchema } from '../sla';

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
