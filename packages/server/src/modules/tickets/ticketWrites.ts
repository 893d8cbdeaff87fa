import type { UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import type { BusinessHours } from '../routing/schemas';
import { KefuError } from '../../errors';
import * as ticketsRepo from './repo';
import type { TicketRow } from './repo';
import type { Ticket, TicketSource, TicketStatus } from './schemas';
import { ticketSourceSchema, ticketStatusSchema } from './schemas';
import { cancelSlaTargets, meetSlaTargets, startSlaTarget } from './slaTargets';
import { conversationPrioritySchema } from '../conversations/schemas';

export interface TicketActor {
  type: 'agent' | 'customer' | 'system';
  id: string | null;
}

export interface NewTicketInput {
  subject: string;
  description: string;
  priority: string;
  category: string;
  channel: string;
  source: TicketSource;
  customerId: string | null;
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  links?: { kind: 'conversation' | 'order'; targetId: string }[] | undefined;
}

/** Which status may follow which: open → pending → on_hold → solved → closed, and reopen from solved/closed. */
const allowedTransitions: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['closed', 'open'],
  closed: ['open'],
};

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (from !== to && !allowedTransitions[from].includes(to))
    throw new KefuError('ticket_invalid_transition', `A ${from} ticket cannot become ${to}`);
}

/** Creates a ticket with its links, history and SLA clocks, and announces it. */
export async function insertNewTicket(
  context: UnitOfWorkContext,
  input: NewTicketInput,
  actor: TicketActor,
  hours: BusinessHours,
): Promise<TicketRow> {
  const timestamp = context.now.toISOString();
  const row: TicketRow = {
    id: newId('tkt'),
    subject: input.subject.slice(0, 200),
    description: input.description,
    status: 'open',
    priority: input.priority,
    category: input.category,
    channel: input.channel,
    source: input.source,
    customer_id: input.customerId,
    assignee_id: input.assigneeId ?? null,
    team_id: input.teamId ?? null,
    created_by: actor.id,
    first_responded_at: null,
    solved_at: null,
    closed_at: null,
    created_at: timestamp,
    updated_at: timestamp,
  };
  await ticketsRepo.insertTicket(context.trx, row);
  for (const link of input.links ?? [])
    await ticketsRepo.insertLink(context.trx, {
      ticket_id: row.id,
      kind: link.kind,
      target_id: link.targetId,
      created_at: timestamp,
    });
  await recordHistory(context, row.id, actor, 'created', {
    source: input.source,
    priority: input.priority,
    category: input.category,
  });
  await startSlaTarget(context.trx, row, 'first_response', context.now, hours);
  await startSlaTarget(context.trx, row, 'resolution', context.now, hours);
  await context.emit('ticket.created', { ticket: toTicket(row) });
  return row;
}

/** Moves the ticket along its lifecycle and keeps the SLA clocks in step. */
export async function changeTicketStatus(
  context: UnitOfWorkContext,
  ticket: TicketRow,
  status: TicketStatus,
  actor: TicketActor,
  hours: BusinessHours,
): Promise<TicketRow> {
  const from = ticketStatusSchema.parse(ticket.status);
  assertTransition(from, status);
  if (from === status) return ticket;
  const timestamp = context.now.toISOString();
  const reopened = (from === 'solved' || from === 'closed') && status === 'open';
  const updated = await ticketsRepo.updateTicket(context.trx, ticket.id, {
    status,
    solved_at: status === 'solved' ? timestamp : reopened ? null : ticket.solved_at,
    closed_at: status === 'closed' ? timestamp : reopened ? null : ticket.closed_at,
    updated_at: timestamp,
  });
  if (status === 'solved') {
    await meetSlaTargets(context.trx, ticket.id, ['resolution'], context.now);
    await cancelSlaTargets(context.trx, ticket.id, ['first_response', 'next_response'], context.now);
  }
  if (reopened) await startSlaTarget(context.trx, updated, 'resolution', context.now, hours);
  // Back to open from waiting on the shopper: the shopper answered, the next response is due.
  if (from === 'pending' && status === 'open' && ticket.first_responded_at)
    await startSlaTarget(context.trx, updated, 'next_response', context.now, hours);
  await recordHistory(context, ticket.id, actor, reopened ? 'reopened' : 'status_changed', {
    status: [from, status],
  });
  return updated;
}

/** An agent's public reply: the first one meets the first-response target, any meets the next-response one. */
export async function recordAgentResponse(context: UnitOfWorkContext, ticket: TicketRow): Promise<TicketRow> {
  await meetSlaTargets(context.trx, ticket.id, ['first_response', 'next_response'], context.now);
  if (ticket.first_responded_at) return ticket;
  return ticketsRepo.updateTicket(context.trx, ticket.id, { first_responded_at: context.now.toISOString() });
}

export async function recordHistory(
  context: UnitOfWorkContext,
  ticketId: string,
  actor: TicketActor,
  action: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await ticketsRepo.insertHistory(context.trx, {
    id: newId('tkh'),
    ticket_id: ticketId,
    actor_type: actor.type,
    actor_id: actor.id,
    action,
    changes: JSON.stringify(changes),
    created_at: context.now.toISOString(),
  });
}

export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    subject: row.subject,
    description: row.description,
    status: ticketStatusSchema.parse(row.status),
    priority: conversationPrioritySchema.parse(row.priority),
    category: row.category,
    channel: row.channel,
    source: ticketSourceSchema.parse(row.source),
    customerId: row.customer_id,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    createdBy: row.created_by,
    firstRespondedAt: row.first_responded_at,
    solvedAt: row.solved_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
