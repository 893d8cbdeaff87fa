import { classifyConversation, requireConversation } from '../conversations';
import { findQueueEntry, upsertQueueEntry } from '../routing';
import type { Conversation } from '@kefu/sdk';
import type { UnitOfWork } from '../../events/outbox';
import type { AuthenticatedAgent } from '../auth';
import { toConversation } from '../conversations';
import * as handoffRepo from './repo';

export interface ClassificationOverride {
  category?: string | undefined;
  priority?: 'low' | 'normal' | 'high' | 'urgent' | undefined;
}

/** A supervisor sets the category and/or priority; automatic recomputation leaves overridden values alone. */
export async function overrideClassification(
  unitOfWork: UnitOfWork,
  agent: AuthenticatedAgent,
  conversationId: string,
  override: ClassificationOverride,
): Promise<Conversation> {
  return unitOfWork.run(async (context) => {
    const conversation = await requireConversation(context, conversationId);
    const existing = await handoffRepo.findClassification(context.trx, conversationId);
    const category = override.category ?? existing?.category ?? conversation.category ?? 'general';
    const priority = override.priority ?? existing?.priority ?? conversation.priority;
    await handoffRepo.saveClassification(context.trx, {
      conversation_id: conversationId,
      category,
      category_overridden: override.category !== undefined ? 1 : (existing?.category_overridden ?? 0),
      priority,
      priority_overridden: override.priority !== undefined ? 1 : (existing?.priority_overridden ?? 0),
      reasons: existing?.reasons ?? '[]',
      signals:
        existing?.signals ??
        JSON.stringify({
          vipTier: 'none',
          intentId: null,
          anger: false,
          fallingSentiment: false,
          sensitiveTopic: false,
        }),
      updated_by: agent.id,
      updated_at: context.now.toISOString(),
    });
    const updated = await classifyConversation(
      context,
      conversationId,
      { category, priority },
      { touch: true },
    );
    const entry = await findQueueEntry(context.trx, conversationId);
    if (entry) await upsertQueueEntry(context.trx, { ...entry, category, priority });
    await context.emit('conversation.classified', {
      conversation: toConversation(updated),
      category,
      priority,
      changedBy: agent.id,
    });
    return toConversation(updated);
  });
}
