import { z } from 'zod';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import type { AgentRoutingDirectory } from '../agents';
import type { AuthenticatedAgent } from '../auth';
import { canAgentSeeTicket, hasPermission } from '../auth';
import type { RoutingService } from '../routing';
import { appendMessage, findConversationById, listLatestMessages } from '../conversations';
import * as ticketsRepo from './repo';
import type { TicketFilter, TicketRow } from './repo';
import type { Ticket, TicketDetail, TicketSource, TicketStatus } from './schemas';
import { ticketLinkKindSchema } from './schemas';
import { reapplySlaPolicy } from './slaTargets';
import {
  describeRecentQuestions,
  orderNumbersOf,
  parseAuthorType,
  pickFieldChanges,
  toColumns,
} from './ticketFields';
import type { NewTicketInput, TicketActor } from './ticketWrites';
import {
  changeTicketStatus,
  insertNewTicket,
  recordAgentResponse,
  recordHistory,
  toTicket,
} from './ticketWrites';

export interface TicketChanges {
  status?: TicketStatus | undefined;
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  priority?: 'low' | 'normal' | 'high' | 'urgent' | undefined;
  category?: string | undefined;
  subject?: string | undefined;
}

/** Tickets: follow-ups that outlive a chat, with lifecycle, comments, links, history and SLA clocks. */
export class TicketService {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly routing: RoutingService,
    private readonly directory: AgentRoutingDirectory,
  ) {}

  async create(input: NewTicketInput, actor: TicketActor): Promise<Ticket> {
    const hours = (await this.routing.settings()).businessHours;
    return this.unitOfWork.run(async (context) =>
      toTicket(await insertNewTicket(context, input, actor, hours)),
    );
  }

  /**
   * A follow-up for a conversation (left message, delivery problem …): one open ticket per conversation,
   * later messages become customer comments on it.
   */
  async createFromConversation(
    conversationId: string,
    source: TicketSource,
    text: string | null,
  ): Promise<Ticket> {
    const hours = (await this.routing.settings()).businessHours;
    return this.unitOfWork.run(async (context) => {
      const conversation = await findConversationById(context.trx, conversationId);
      if (!conversation) throw new KefuError('conversation_not_found');
      const existing = await ticketsRepo.findOpenTicketLinkedTo(context.trx, 'conversation', conversationId);
      const customer: TicketActor = { type: 'customer', id: conversation.customer_id };
      const messages = await listLatestMessages(context.trx, conversationId, 60);
      const description = text ?? describeRecentQuestions(messages);
      if (existing) {
        await this.insertComment(context, existing, customer, description, false);
        return toTicket(existing);
      }
      const orderNumbers = orderNumbersOf(messages);
      const row = await insertNewTicket(
        context,
        {
          subject: conversation.subject ?? description.slice(0, 80),
          description,
          priority: conversation.priority,
          category: conversation.category ?? 'general',
          channel: conversation.channel,
          source,
          customerId: conversation.customer_id,
          links: [
            { kind: 'conversation', targetId: conversationId },
            ...orderNumbers.map((targetId) => ({ kind: 'order' as const, targetId })),
          ],
        },
        source === 'agent' ? { type: 'agent', id: null } : { type: 'system', id: null },
        hours,
      );
      return toTicket(row);
    });
  }

  async list(agent: AuthenticatedAgent, filter: Omit<TicketFilter, 'visibleTo'>): Promise<Ticket[]> {
    const visibleTo = hasPermission(agent, 'tickets:read_all')
      ? undefined
      : { agentId: agent.id, teamIds: agent.teamIds };
    return (await ticketsRepo.listTickets(this.db, { ...filter, visibleTo })).map(toTicket);
  }

  async get(agent: AuthenticatedAgent, ticketId: string): Promise<TicketDetail> {
    const ticket = await this.requireVisible(agent, ticketId);
    const [links, comments, history, sla] = await Promise.all([
      ticketsRepo.listLinks(this.db, ticketId),
      ticketsRepo.listComments(this.db, ticketId),
      ticketsRepo.listHistory(this.db, ticketId),
      ticketsRepo.listSlaTargets(this.db, ticketId),
    ]);
    return {
      ...toTicket(ticket),
      links: links.map((link) => ({
        kind: ticketLinkKindSchema.parse(link.kind),
        targetId: link.target_id,
        createdAt: link.created_at,
      })),
      comments: comments.map((comment) => ({
        id: comment.id,
        authorType: parseAuthorType(comment.author_type),
        authorId: comment.author_id,
        body: comment.body,
        internal: comment.is_internal === 1,
        createdAt: comment.created_at,
      })),
      history: history.map((entry) => ({
        id: entry.id,
        actorType: entry.actor_type,
        actorId: entry.actor_id,
        action: entry.action,
        changes: parseJsonColumn(entry.changes, z.record(z.string(), z.unknown())),
        createdAt: entry.created_at,
      })),
      sla: sla.map((target) => ({
        target:
          target.target === 'first_response' || target.target === 'next_response'
            ? target.target
            : 'resolution',
        policyId: target.policy_id,
        startedAt: target.started_at,
        warnAt: target.warn_at,
        dueAt: target.due_at,
        metAt: target.met_at,
        warnedAt: target.warned_at,
        breachedAt: target.breached_at,
        cancelledAt: target.cancelled_at,
      })),
    };
  }

  async update(agent: AuthenticatedAgent, ticketId: string, changes: TicketChanges): Promise<Ticket> {
    await this.requireVisible(agent, ticketId);
    const reassigning = changes.assigneeId !== undefined || changes.teamId !== undefined;
    if (reassigning && changes.assigneeId !== agent.id && !hasPermission(agent, 'tickets:read_all'))
      throw new KefuError('forbidden', 'Only supervisors assign tickets to others');
    if (changes.teamId) await this.directory.requireTeam(changes.teamId);
    const hours = (await this.routing.settings()).businessHours;
    const actor: TicketActor = { type: 'agent', id: agent.id };
    return this.unitOfWork.run(async (context) => {
      let ticket = await this.requireTicket(context, ticketId);
      const fieldChanges = pickFieldChanges(ticket, changes);
      if (Object.keys(fieldChanges).length > 0) {
        ticket = await ticketsRepo.updateTicket(context.trx, ticketId, {
          ...toColumns(changes),
          updated_at: context.now.toISOString(),
        });
        await recordHistory(context, ticketId, actor, 'updated', fieldChanges);
        if (fieldChanges.priority || fieldChanges.category)
          await reapplySlaPolicy(context.trx, ticket, hours, context.now);
      }
      if (changes.status) ticket = await changeTicketStatus(context, ticket, changes.status, actor, hours);
      await context.emit('ticket.updated', {
        ticket: toTicket(ticket),
        action: changes.status ? `status:${changes.status}` : 'updated',
      });
      return toTicket(ticket);
    });
  }

  /** An internal note, or a public reply that also reaches the shopper in the linked conversation. */
  async comment(
    agent: AuthenticatedAgent,
    ticketId: string,
    input: { body: string; internal: boolean },
  ): Promise<Ticket> {
    await this.requireVisible(agent, ticketId);
    return this.unitOfWork.run(async (context) => {
      let ticket = await this.requireTicket(context, ticketId);
      await this.insertComment(context, ticket, { type: 'agent', id: agent.id }, input.body, input.internal);
      if (!input.internal) {
        ticket = await recordAgentResponse(context, ticket);
        await this.replyInLinkedConversation(context, ticket.id, agent, input.body);
      }
      await context.emit('ticket.updated', {
        ticket: toTicket(ticket),
        action: input.internal ? 'note' : 'reply',
      });
      return toTicket(ticket);
    });
  }

  async link(
    agent: AuthenticatedAgent,
    ticketId: string,
    link: { kind: 'conversation' | 'order'; targetId: string },
  ): Promise<TicketDetail> {
    await this.requireVisible(agent, ticketId);
    await this.unitOfWork.run(async (context) => {
      await ticketsRepo.insertLink(context.trx, {
        ticket_id: ticketId,
        kind: link.kind,
        target_id: link.targetId,
        created_at: context.now.toISOString(),
      });
      await recordHistory(context, ticketId, { type: 'agent', id: agent.id }, 'linked', link);
    });
    return this.get(agent, ticketId);
  }

  private async insertComment(
    context: UnitOfWorkContext,
    ticket: TicketRow,
    actor: TicketActor,
    body: string,
    internal: boolean,
  ) {
    await ticketsRepo.insertComment(context.trx, {
      id: newId('tkc'),
      ticket_id: ticket.id,
      author_type: actor.type,
      author_id: actor.id,
      body,
      is_internal: internal ? 1 : 0,
      created_at: context.now.toISOString(),
    });
    await recordHistory(context, ticket.id, actor, internal ? 'noted' : 'commented', { length: body.length });
  }

  private async replyInLinkedConversation(
    context: UnitOfWorkContext,
    ticketId: string,
    agent: AuthenticatedAgent,
    text: string,
  ) {
    const link = (await ticketsRepo.listLinks(context.trx, ticketId)).find(
      (candidate) => candidate.kind === 'conversation',
    );
    const conversation = link ? await findConversationById(context.trx, link.target_id) : undefined;
    if (!conversation || conversation.status === 'closed') return;
    await appendMessage(context, conversation, {
      sender: 'agent',
      senderId: agent.id,
      senderName: agent.displayName,
      text,
    });
  }

  private async requireTicket(context: UnitOfWorkContext, ticketId: string): Promise<TicketRow> {
    const ticket = await ticketsRepo.findTicket(context.trx, ticketId);
    if (!ticket) throw new KefuError('ticket_not_found');
    return ticket;
  }

  private async requireVisible(agent: AuthenticatedAgent, ticketId: string): Promise<TicketRow> {
    const ticket = await ticketsRepo.findTicket(this.db, ticketId);
    if (!ticket) throw new KefuError('ticket_not_found');
    if (!canAgentSeeTicket(agent, { assigneeId: ticket.assignee_id, teamId: ticket.team_id }))
      throw new KefuError('ticket_not_found');
    return ticket;
  }
}
