import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AgentServerEvent, Conversation, VisitorServerEvent } from '@kefu/sdk';
import type { EventBus } from '../events/eventBus';
import type { AuthenticatedAgent } from '../modules/auth';
import { canAgentSeeConversation, hasPermission } from '../modules/auth';
import { toVisitorMessage } from '../modules/conversations';
import type { SlaTargetKind } from '../modules/sla';
import type { Ticket } from '../modules/tickets';

const visitorFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('typing'), isTyping: z.boolean() }),
  z.object({ type: z.literal('ping') }),
]);
const agentFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('typing'), conversationId: z.string().max(64), isTyping: z.boolean() }),
  z.object({ type: z.literal('ping') }),
]);

interface AgentConnection {
  agent: AuthenticatedAgent;
  socket: WebSocket;
}

export interface GatewayLookups {
  /** The conversation a visitor's typing belongs to. */
  findCurrentConversation(customerId: string, channel: string): Promise<Conversation | null>;
  /** The conversation an agent types in, when the agent may see it. */
  findConversationForAgent(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation | null>;
}

/**
 * Holds this process's WebSocket connections and decides, in one place, who receives what:
 * the shopper gets their conversation's public messages; agents get what `canAgentSeeConversation` allows.
 */
export class RealtimeGateway {
  private readonly visitorSockets = new Map<string, Set<WebSocket>>();
  private readonly agentConnections = new Set<AgentConnection>();

  constructor(private readonly lookups: GatewayLookups) {}

  subscribeTo(bus: EventBus): void {
    bus.subscribe('message.created', ({ payload }) => {
      const { message, conversation } = payload;
      // The shopper's own message shows in their other open widgets; what is sent to them comes as a delivery.
      if (message.sender === 'customer' && !message.isPrivate)
        this.sendToVisitor(conversation.customerId, {
          type: 'message.created',
          message: toVisitorMessage(message),
        });
      this.sendToAgents(conversation, null, { type: 'message.created', message, conversation });
    });
    // The web and app channels' deliveries (see visitorPush.ts): already the shopper's view of the message.
    bus.subscribe('message.dispatched', ({ payload }) =>
      this.sendToVisitor(payload.customerId, { type: 'message.created', message: payload.message }),
    );
    bus.subscribe('conversation.created', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    // Agents who saw it waiting learn that it is taken, so their queue badge and title count drop it.
    bus.subscribe('conversation.assigned', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, payload.previousAssigneeId, true),
    );
    bus.subscribe('conversation.handed_off', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    bus.subscribe('conversation.handed_back', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    bus.subscribe('conversation.resolved', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    bus.subscribe('conversation.reopened', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    bus.subscribe('conversation.classified', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    bus.subscribe('handoff.summary_refreshed', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, null),
    );
    bus.subscribe('conversation.transferred', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, payload.fromAgentId),
    );
    bus.subscribe('conversation.requeued', ({ name, payload }) =>
      this.broadcastConversation(name, payload.conversation, payload.previousAssigneeId),
    );
    bus.subscribe('ticket.sla_warning', ({ name, payload }) => this.sendSlaAlert(name, payload));
    bus.subscribe('ticket.sla_breached', ({ name, payload }) => this.sendSlaAlert(name, payload));
    bus.subscribe('analytics.spike_detected', ({ payload }) => {
      for (const connection of this.agentConnections)
        if (hasPermission(connection.agent, 'reports:read'))
          send(connection.socket, {
            type: 'analytics.spike_alert',
            alert: payload.alert,
          } satisfies AgentServerEvent);
    });
  }

  addVisitor(customerId: string, channel: string, socket: WebSocket): void {
    const sockets = this.visitorSockets.get(customerId) ?? new Set<WebSocket>();
    sockets.add(socket);
    this.visitorSockets.set(customerId, sockets);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) this.visitorSockets.delete(customerId);
    });
    socket.on('message', (data) => {
      const frame = visitorFrameSchema.safeParse(parseFrame(data));
      if (!frame.success) return;
      if (frame.data.type === 'ping') return send(socket, { type: 'pong' });
      // Typing is best-effort: while the database is away it is dropped, never left as an unhandled rejection.
      this.relayVisitorTyping(customerId, channel, frame.data.isTyping).catch(() => undefined);
    });
  }

  addAgent(agent: AuthenticatedAgent, socket: WebSocket): void {
    const connection: AgentConnection = { agent, socket };
    this.agentConnections.add(connection);
    socket.on('close', () => this.agentConnections.delete(connection));
    socket.on('message', (data) => {
      const frame = agentFrameSchema.safeParse(parseFrame(data));
      if (!frame.success) return;
      if (frame.data.type === 'ping') return send(socket, { type: 'pong' });
      this.relayAgentTyping(agent, frame.data.conversationId, frame.data.isTyping).catch(() => undefined);
    });
    send(socket, { type: 'ready', agentId: agent.id } satisfies AgentServerEvent);
  }

  /** Whether the shopper has a socket open to this process. */
  hasVisitor(customerId: string): boolean {
    return (this.visitorSockets.get(customerId)?.size ?? 0) > 0;
  }

  connectionCounts(): { visitors: number; agents: number } {
    let visitors = 0;
    for (const sockets of this.visitorSockets.values()) visitors += sockets.size;
    return { visitors, agents: this.agentConnections.size };
  }

  /** 1012 (service restart) tells clients to reconnect, to this process once it is back or to another one. */
  closeAll(code = 1012, reason = 'service restart'): void {
    for (const sockets of this.visitorSockets.values())
      for (const socket of sockets) socket.close(code, reason);
    for (const connection of this.agentConnections) connection.socket.close(code, reason);
  }

  private broadcastConversation(
    eventName: string,
    conversation: Conversation,
    previousAssigneeId: string | null,
    alsoToQueueWatchers = false,
  ): void {
    this.sendToVisitor(conversation.customerId, {
      type: 'conversation.updated',
      status: conversation.status,
    });
    const event: AgentServerEvent = { type: 'conversation.updated', event: eventName, conversation };
    if (!alsoToQueueWatchers) return this.sendToAgents(conversation, previousAssigneeId, event);
    const waiting = { ...conversation, assigneeId: null };
    for (const connection of this.agentConnections)
      if (
        canAgentSeeConversation(connection.agent, conversation) ||
        canAgentSeeConversation(connection.agent, waiting)
      )
        send(connection.socket, event);
  }

  /** Overdue tickets go to their assignee and to every supervisor and admin. */
  private sendSlaAlert(
    eventName: 'ticket.sla_warning' | 'ticket.sla_breached',
    payload: { ticket: Ticket; target: SlaTargetKind; dueAt: string },
  ): void {
    const { ticket } = payload;
    const frame: AgentServerEvent = {
      type: 'ticket.sla_alert',
      event: eventName,
      ticketId: ticket.id,
      subject: ticket.subject,
      priority: ticket.priority,
      assigneeId: ticket.assigneeId,
      target: payload.target,
      dueAt: payload.dueAt,
    };
    for (const connection of this.agentConnections)
      if (connection.agent.id === ticket.assigneeId || hasPermission(connection.agent, 'tickets:read_all'))
        send(connection.socket, frame);
  }

  private sendToVisitor(customerId: string, event: VisitorServerEvent): void {
    for (const socket of this.visitorSockets.get(customerId) ?? []) send(socket, event);
  }

  /** Sends to every agent allowed to see the conversation, and to its previous holder so their list updates. */
  private sendToAgents(
    conversation: Conversation,
    previousAssigneeId: string | null,
    event: AgentServerEvent,
  ): void {
    for (const connection of this.agentConnections) {
      const wasHolder = previousAssigneeId !== null && connection.agent.id === previousAssigneeId;
      if (wasHolder || canAgentSeeConversation(connection.agent, conversation))
        send(connection.socket, event);
    }
  }

  private async relayVisitorTyping(customerId: string, channel: string, isTyping: boolean): Promise<void> {
    const conversation = await this.lookups.findCurrentConversation(customerId, channel);
    if (!conversation) return;
    this.sendToAgents(conversation, null, {
      type: 'typing',
      conversationId: conversation.id,
      sender: 'customer',
      isTyping,
    });
  }

  private async relayAgentTyping(
    agent: AuthenticatedAgent,
    conversationId: string,
    isTyping: boolean,
  ): Promise<void> {
    const conversation = await this.lookups.findConversationForAgent(agent, conversationId);
    if (!conversation) return;
    this.sendToVisitor(conversation.customerId, { type: 'typing', sender: 'agent', isTyping });
  }
}

function send(socket: WebSocket, event: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

function parseFrame(data: unknown): unknown {
  try {
    return JSON.parse(String(data));
  } catch {
    return null;
  }
}
