import type { Conversation, QuickReply } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork } from '../../events/outbox';
import type { AgentRoutingDirectory } from '../agents';
import type { AuthenticatedAgent } from '../auth';
import { hasPermission } from '../auth';
import type { ReplyLocale } from '../../replyLocale';
import { normaliseLocale } from '../../replyLocale';
import { toConversation } from '../conversations';
import {
  appendMessage,
  requireConversation,
  countAssignedByAgent,
  findConversationById,
  listConversationsByStatus,
} from '../conversations';
import { describeOpeningHours, nextOpeningAt } from './businessCalendar';
import type { PlannedAssignment, RoutingAgent, RoutingRequest } from './planAssignments';
import { compareQueueOrder, planAssignments, priorityRank, RoutingPool } from './planAssignments';
import type { QueueStanding } from './queueNotice';
import { composeQueueNotice, estimateWaitMinutes } from './queueNotice';
import { addInternalNote, assignFromQueue, requeueConversation } from './queueWrites';
import * as routingRepo from './repo';
import type { QueueEntryRow } from './repo';
import type { QueueEntryView, RoutingSettings } from './schemas';
import type { SettingsStore } from './settingsStore';
import type { routingSettingsSchema } from './schemas';

export interface RoutingDependencies {
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  settings: SettingsStore<typeof routingSettingsSchema>;
  directory: AgentRoutingDirectory;
}

/**
 * The queue and its use-cases: dispatch (assign what can be assigned, in queue order), manual pull,
 * transfers, re-queueing an agent's conversations when they go offline, and the shopper's standing.
 * Dispatches in this process run one after another; across processes the guarded assignment decides.
 */
export class RoutingService {
  private dispatchChain: Promise<unknown> = Promise.resolve();

  constructor(private readonly dependencies: RoutingDependencies) {}

  settings(): Promise<RoutingSettings> {
    return this.dependencies.settings.get();
  }

  /** Assigns waiting conversations to online agents with room, in queue order. */
  dispatch(): Promise<PlannedAssignment[]> {
    const run = this.dispatchChain.then(() => this.dispatchNow());
    this.dispatchChain = run.catch(() => undefined);
    return run;
  }

  /** On `conversation.handed_off`: route it, and tell the shopper honestly where they stand if nobody took it. */
  async routeHandedOffConversation(conversationId: string): Promise<void> {
    await this.dispatch();
    await this.notifyWaitingShopper(conversationId);
  }

  /** On `agent.presence_changed`: an agent who left gives their conversations back; one who came takes some. */
  async handlePresenceChange(agentId: string, presence: string, previousPresence: string): Promise<void> {
    // Gone (signed out, socket lost) from any presence: what they held goes back to the queue.
    if (presence === 'offline' && previousPresence !== 'offline')
      await this.requeueConversationsOf(agentId, 'agent_offline');
    await this.dispatch();
  }

  async requeueConversationsOf(agentId: string, reason: string): Promise<number> {
    const held = await listConversationsByStatus(this.dependencies.db, ['assigned'], {
      assigneeId: agentId,
      limit: 1000,
    });
    for (const conversation of held) {
      await this.dependencies.unitOfWork.run(async (context) => {
        const current = await requireConversation(context, conversation.id);
        if (current.status !== 'assigned' || current.assignee_id !== agentId) return;
        await requeueConversation(context, current, {
          reason,
          excludedAgentId: null,
          preferredAgentId: agentId,
          enqueuedAt: current.updated_at,
        });
      });
    }
    return held.length;
  }

  /** Manual pull: the first waiting conversation, in queue order, this agent may take. */
  async pullNext(agent: AuthenticatedAgent): Promise<string> {
    const settings = await this.settings();
    const agents = await this.loadAgentsWithLoad(settings);
    const pool = new RoutingPool(agents, settings.mode);
    if (!pool.agent(agent.id))
      throw new KefuError('agent_unavailable', 'Set your presence to online to take conversations');
    for (const entry of await this.orderedEntries()) {
      if (!pool.canTake(agent.id, toRoutingRequest(entry))) continue;
      const assigned = await this.dependencies.unitOfWork.run((context) =>
        assignFromQueue(context, entry.conversation_id, agent.id),
      );
      if (assigned) return assigned.id;
    }
    throw new KefuError('queue_empty');
  }

  /** Agent → agent (assigned at once, they must be online) or agent → team (back to the queue for that team). */
  async transfer(
    agent: AuthenticatedAgent,
    conversationId: string,
    input: { toAgentId?: string | undefined; toTeamId?: string | undefined; note?: string | undefined },
  ): Promise<Conversation> {
    if (input.toTeamId) await this.dependencies.directory.requireTeam(input.toTeamId);
    if (input.toAgentId && !(await this.dependencies.directory.isOnline(input.toAgentId)))
      throw new KefuError('agent_unavailable');
    const result = await this.dependencies.unitOfWork.run(async (context) => {
      const conversation = await requireConversation(context, conversationId);
      const holdsIt = conversation.assignee_id === agent.id;
      if (!holdsIt && !hasPermission(agent, 'conversations:reassign'))
        throw new KefuError('conversation_assigned_elsewhere');
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      const note = input.note ?? null;
      if (note) await addInternalNote(context, conversation, agent, `转接说明 / Transfer note: ${note}`);
      const queued = await requeueConversation(context, await requireConversation(context, conversationId), {
        reason: 'transfer',
        teamId: input.toTeamId ?? null,
        excludedAgentId: input.toAgentId ? null : agent.id,
        enqueuedAt: context.now.toISOString(),
      });
      const transferred = input.toAgentId
        ? await assignFromQueue(context, conversationId, input.toAgentId)
        : queued;
      await context.emit('conversation.transferred', {
        conversation: toConversation(transferred ?? queued),
        fromAgentId: agent.id,
        toAgentId: input.toAgentId ?? null,
        toTeamId: input.toTeamId ?? null,
        note,
      });
      return transferred ?? queued;
    });
    if (input.toTeamId) await this.dispatch();
    const latest = await findConversationById(this.dependencies.db, conversationId);
    return toConversation(latest ?? result);
  }

  /** The waiting conversations in order, with position and waiting time. */
  async listQueue(limit: number): Promise<QueueEntryView[]> {
    const now = this.dependencies.clock.now().getTime();
    return (await this.orderedEntries()).slice(0, limit).map((entry, index) => ({
      conversationId: entry.conversation_id,
      customerId: entry.customer_id,
      channel: entry.channel,
      category: entry.category,
      language: entry.language,
      productLine: entry.product_line,
      priority: parsePriority(entry.priority),
      teamId: entry.team_id,
      preferredAgentId: entry.preferred_agent_id,
      reason: entry.reason,
      enqueuedAt: entry.enqueued_at,
      position: index + 1,
      waitingSeconds: Math.max(0, Math.floor((now - Date.parse(entry.enqueued_at)) / 1000)),
    }));
  }

  /** Where a waiting conversation stands: position, agents online, an honest estimate, opening hours. */
  async standingOf(conversationId: string): Promise<QueueStanding | null> {
    const settings = await this.settings();
    const entries = await this.orderedEntries();
    const index = entries.findIndex((entry) => entry.conversation_id === conversationId);
    if (index < 0) return null;
    const now = this.dependencies.clock.now();
    const onlineAgents = (await this.dependencies.directory.loadOnlineAgents(settings.defaultCapacity))
      .length;
    const opening = nextOpeningAt(settings.businessHours, now);
    const minutesUntilOpen = opening
      ? Math.max(0, Math.ceil((opening.getTime() - now.getTime()) / 60_000))
      : null;
    const open = minutesUntilOpen === 0;
    return {
      position: index + 1,
      waitingTotal: entries.length,
      onlineAgents,
      estimatedWaitMinutes: estimateWaitMinutes(
        index + 1,
        onlineAgents,
        settings.averageHandleMinutes,
        open && onlineAgents === 0 ? null : minutesUntilOpen,
      ),
      open,
      nextOpeningAt: opening?.toISOString() ?? null,
      openingHours: describeOpeningHours(settings.businessHours, now),
    };
  }

  /** What a waiting shopper is told about their place in the queue now; null when not waiting. */
  async describeStanding(
    conversationId: string,
    locale: ReplyLocale,
  ): Promise<{ text: string; quickReplies: QuickReply[] } | null> {
    const standing = await this.standingOf(conversationId);
    if (!standing) return null;
    return composeQueueNotice(standing, locale, (await this.settings()).businessHours);
  }

  private async notifyWaitingShopper(conversationId: string): Promise<void> {
    const standing = await this.standingOf(conversationId);
    if (!standing) return;
    const settings = await this.settings();
    await this.dependencies.unitOfWork.run(async (context) => {
      const conversation = await requireConversation(context, conversationId);
      const entry = await routingRepo.findQueueEntry(context.trx, conversationId);
      if (conversation.status !== 'queued' || !entry) return;
      if (!(await routingRepo.claimNotice(context.trx, conversationId, context.now.toISOString()))) return;
      const notice = composeQueueNotice(
        standing,
        normaliseLocale(conversation.locale),
        settings.businessHours,
      );
      await appendMessage(context, conversation, {
        sender: 'system',
        senderId: null,
        senderName: null,
        ...notice,
      });
    });
  }

  private async dispatchNow(): Promise<PlannedAssignment[]> {
    const settings = await this.settings();
    if (settings.mode === 'manual') return [];
    const agents = await this.loadAgentsWithLoad(settings);
    if (agents.length === 0) return [];
    const entries = await this.orderedEntries();
    const planned = planAssignments(entries.map(toRoutingRequest), agents, settings.mode);
    const done: PlannedAssignment[] = [];
    for (const assignment of planned) {
      const assigned = await this.dependencies.unitOfWork.run((context) =>
        assignFromQueue(context, assignment.conversationId, assignment.agentId),
      );
      if (assigned) done.push(assignment);
    }
    return done;
  }

  private async loadAgentsWithLoad(settings: RoutingSettings): Promise<RoutingAgent[]> {
    const agents = await this.dependencies.directory.loadOnlineAgents(settings.defaultCapacity);
    const loads = await countAssignedByAgent(this.dependencies.db);
    for (const agent of agents) agent.load = loads.get(agent.id) ?? 0;
    return agents;
  }

  private async orderedEntries(): Promise<QueueEntryRow[]> {
    const entries = await routingRepo.listQueueEntries(this.dependencies.db);
    return entries
      .map((entry) => ({
        entry,
        key: {
          priorityRank: priorityRank(entry.priority),
          enqueuedAt: entry.enqueued_at,
          conversationId: entry.conversation_id,
        },
      }))
      .sort((left, right) => compareQueueOrder(left.key, right.key))
      .map(({ entry }) => entry);
  }
}

export function toRoutingRequest(entry: QueueEntryRow): RoutingRequest {
  return {
    conversationId: entry.conversation_id,
    category: entry.category,
    language: entry.language,
    channel: entry.channel,
    productLine: entry.product_line,
    teamId: entry.team_id,
    preferredAgentId: entry.preferred_agent_id,
    excludedAgentId: entry.excluded_agent_id,
  };
}

export function parsePriority(priority: string): 'low' | 'normal' | 'high' | 'urgent' {
  return priority === 'low' || priority === 'high' || priority === 'urgent' ? priority : 'normal';
}
