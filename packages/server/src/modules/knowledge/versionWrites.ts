import { KefuError } from '../../errors';
import type { UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import * as knowledgeRepo from './repo';
import type { EntryRow, VersionRow } from './repo';
import type { EntryContent } from './schemas';

// Writes shared by the knowledge use-cases; each runs inside the caller's unit of work.

/** Who acts: an agent, or the system (seeding) when null. */
export interface KnowledgeActor {
  id: string | null;
}

export async function requireEntry(context: UnitOfWorkContext, entryId: string) {
  const entry = await knowledgeRepo.findEntry(context.trx, entryId);
  const latest = entry && (await knowledgeRepo.findVersion(context.trx, entryId, entry.latest_version));
  if (!entry || !latest) throw new KefuError('knowledge_entry_not_found');
  return { entry, latest };
}

/** The version that answered until now is archived when another one is published or the entry is withdrawn. */
export async function archivePublishedVersion(context: UnitOfWorkContext, entry: EntryRow): Promise<void> {
  if (entry.published_version === null) return;
  const published = await knowledgeRepo.findVersion(context.trx, entry.id, entry.published_version);
  if (published)
    await knowledgeRepo.updateVersion(context.trx, published.id, {
      status: 'archived',
      updated_at: context.now.toISOString(),
    });
}

export async function auditKnowledgeChange(
  context: UnitOfWorkContext,
  actor: KnowledgeActor,
  action: string,
  entryId: string,
  data: Record<string, unknown>,
): Promise<void> {
  await recordAudit(
    context.trx,
    {
      actorType: actor.id ? 'agent' : 'system',
      actorId: actor.id,
      action,
      targetType: 'knowledge_entry',
      targetId: entryId,
      data,
    },
    context.now,
  );
}

export function newVersionRow(
  entryId: string,
  version: number,
  status: string,
  content: EntryContent,
  authorId: string | null,
  timestamp: string,
): VersionRow {
  return {
    id: newId('kbv'),
    entry_id: entryId,
    version,
    status,
    content: JSON.stringify(content),
    author_id: authorId,
    reviewer_id: null,
    review_note: null,
    created_at: timestamp,
    updated_at: timestamp,
  };
}
