import { classifyConversation, requireConversation } from '../conversations';
import { findClassification, saveClassification } from '../handoff';
import type { FastifyBaseLogger } from 'fastify';
import { toConversation } from '../conversations';
import { computePriority, readSignals } from '../handoff';
import { requeueConversation } from './queueWrites';
import * as routingRepo from './repo';
import type { RoutingDependencies, RoutingService } from './service';

export interface OrphanReport {
  checkedAt: string;
  staleEntriesRemoved: number;
  queuedWithoutEntryRestored: number;
  requeuedFromUnavailableAgents: number;
  /** After the repairs: conversations still unowned and unqueued (0 unless something raced the check). */
  orphansRemaining: number;
}

/**
 * The periodic guarantees: no conversation is left unowned and unqueued, waiting conversations gain
 * priority as they wait, and whatever can be assigned is. Driven by a timer and the injected clock.
 */
export class QueueMaintenance {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dependencies: RoutingDependencies,
    private readonly routing: RoutingService,
    private readonly logger: FastifyBaseLogger,
  ) {}

  async checkOrphans(): Promise<OrphanReport> {
    const { db, unitOfWork, clock } = this.dependencies;
    const stale = await routingRepo.listStaleQueueEntries(db);
    for (const conversationId of stale) await routingRepo.deleteQueueEntry(db, conversationId);
    const withoutEntry = await routingRepo.listQueuedConversationsWithoutEntry(db);
    const unavailable = await routingRepo.listAssignedToUnavailableAgents(db);
    for (const conversationId of withoutEntry) {
      await unitOfWork.run(async (context) => {
        const conversation = await requireConversation(context, conversationId);
        if (conversation.status !== 'queued') return;
        await requeueConversation(context, conversation, {
          reason: 'orphan_check',
          excludedAgentId: null,
        });
      });
    }
    for (const { id, assignee_id: assigneeId } of unavailable) {
      await unitOfWork.run(async (context) => {
        const conversation = await requireConversation(context, id);
        if (conversation.status !== 'assigned' || conversation.assignee_id !== assigneeId) return;
        await requeueConversation(context, conversation, {
          reason: 'orphan_check',
          excludedAgentId: null,
          preferredAgentId: assigneeId,
        });
      });
    }
    const remaining =
      (await routingRepo.listQueuedConversationsWithoutEntry(db)).length +
      (await routingRepo.listAssignedToUnavailableAgents(db)).length;
    return {
      checkedAt: clock.now().toISOString(),
      staleEntriesRemoved: stale.length,
      queuedWithoutEntryRestored: withoutEntry.length,
      requeuedFromUnavailableAgents: unavailable.length,
      orphansRemaining: remaining,
    };
  }

  /** Recomputes the priority of waiting conversations (waiting time, SLA risk), except overridden ones. */
  async reprioritize(): Promise<number> {
    const { db, unitOfWork, clock } = this.dependencies;
    const settings = await this.routing.settings();
    const entries = await routingRepo.listQueueEntries(db);
    let changed = 0;
    for (const entry of entries) {
      const classification = await findClassification(db, entry.conversation_id);
      if (!classification || classification.priority_overridden) continue;
      const waitingMinutes = (clock.now().getTime() - Date.parse(entry.enqueued_at)) / 60_000;
      const outcome = computePriority(readSignals(classification.signals), settings.priorityRules, {
        minutes: waitingMinutes,
        targetMinutes: settings.queueTargetMinutes,
      });
      if (outcome.priority === entry.priority) continue;
      changed += 1;
      await unitOfWork.run(async (context) => {
        await routingRepo.setQueuePriority(context.trx, entry.conversation_id, outcome.priority);
        await saveClassification(context.trx, {
          ...classification,
          priority: outcome.priority,
          reasons: JSON.stringify(outcome.reasons),
          updated_at: context.now.toISOString(),
        });
        const conversation = await classifyConversation(
          context,
          entry.conversation_id,
          { priority: outcome.priority },
          { touch: false },
        );
        await context.emit('conversation.classified', {
          conversation: toConversation(conversation),
          category: classification.category,
          priority: outcome.priority,
          changedBy: null,
        });
      });
    }
    return changed;
  }

  async tick(): Promise<OrphanReport> {
    const report = await this.checkOrphans();
    await this.reprioritize();
    await this.routing.dispatch();
    return report;
  }

  start(intervalMs = 30_000): void {
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.logger.error({ err: error }, 'queue maintenance failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
