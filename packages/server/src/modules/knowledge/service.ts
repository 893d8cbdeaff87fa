import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import { listAuditEntries } from '../audit';
import {
  assertReadyForReview,
  parseContent,
  titleOf,
  toEntryVersion,
  toKnowledgeEntry,
} from './entryMappers';
import * as knowledgeRepo from './repo';
import type { EntryFilter, EntryRow, VersionRow } from './repo';
import type { EntryContent, EntryVersion, KnowledgeEntry } from './schemas';
import { entryKindSchema } from './schemas';
import type { KnowledgeIndex } from './searchIndex';
import type { KnowledgeActor } from './versionWrites';
import { archivePublishedVersion, auditKnowledgeChange, newVersionRow, requireEntry } from './versionWrites';

export type { KnowledgeActor } from './versionWrites';

/**
 * Authoring and review of knowledge entries. Every change is a version (draft → in_review → published →
 * archived), approved by someone other than its author, audited in the same transaction, and reflected
 * in the search index as soon as it commits.
 */
export class KnowledgeService {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    readonly index: KnowledgeIndex,
  ) {}

  async createEntry(
    actor: KnowledgeActor,
    kind: 'faq' | 'article',
    content: EntryContent,
    options: { publish?: boolean } = {},
  ): Promise<KnowledgeEntry> {
    const result = await this.unitOfWork.run((context) =>
      this.createEntryIn(context, actor, kind, content, options.publish ? 'published' : 'draft'),
    );
    if (options.publish) await this.refreshIndex([result.id]);
    return result;
  }

  /** Inside a caller's transaction (imports, drafts from gaps); the caller refreshes the index after commit. */
  async createEntryIn(
    context: UnitOfWorkContext,
    actor: KnowledgeActor,
    kind: 'faq' | 'article',
    content: EntryContent,
    status: 'draft' | 'in_review' | 'published',
  ): Promise<KnowledgeEntry> {
    if (status !== 'draft') assertReadyForReview(kind, content);
    const timestamp = context.now.toISOString();
    const entry: EntryRow = {
      id: newId('kb'),
      kind,
      title: titleOf(content),
      category: content.category,
      latest_version: 1,
      published_version: status === 'published' ? 1 : null,
      created_by: actor.id,
      created_at: timestamp,
      updated_at: timestamp,
    };
    const version = newVersionRow(entry.id, 1, status, content, actor.id, timestamp);
    await knowledgeRepo.insertEntry(context.trx, entry);
    await knowledgeRepo.insertVersion(context.trx, version);
    await auditKnowledgeChange(context, actor, 'knowledge.entry_created', entry.id, {
      kind,
      status,
      version: 1,
    });
    if (status === 'published')
      await context.emit('knowledge.entry_published', { entryId: entry.id, version: 1 });
    return toKnowledgeEntry(entry, version);
  }

  /** Edits the pending draft in place, or starts a new draft after the published/archived version. */
  async updateEntry(
    actor: KnowledgeActor,
    entryId: string,
    content: EntryContent,
    baseVersion?: number,
  ): Promise<KnowledgeEntry> {
    return this.unitOfWork.run((context) =>
      this.updateEntryIn(context, actor, entryId, content, 'draft', baseVersion),
    );
  }

  async updateEntryIn(
    context: UnitOfWorkContext,
    actor: KnowledgeActor,
    entryId: string,
    content: EntryContent,
    status: 'draft' | 'in_review',
    baseVersion?: number,
  ): Promise<KnowledgeEntry> {
    const { entry, latest } = await requireEntry(context, entryId);
    if (baseVersion !== undefined && baseVersion !== entry.latest_version) throw new KefuError('conflict');
    if (latest.status === 'in_review')
      throw new KefuError('knowledge_invalid_transition', 'The entry is in review: reject it before editing');
    if (status === 'in_review') assertReadyForReview(entry.kind, content);
    const timestamp = context.now.toISOString();
    let version: VersionRow;
    if (latest.status === 'draft') {
      version = await knowledgeRepo.updateVersion(context.trx, latest.id, {
        content: JSON.stringify(content),
        status,
        author_id: actor.id,
        updated_at: timestamp,
      });
    } else {
      version = newVersionRow(entryId, latest.version + 1, status, content, actor.id, timestamp);
      await knowledgeRepo.insertVersion(context.trx, version);
    }
    const updated = await knowledgeRepo.updateEntry(context.trx, entryId, {
      latest_version: version.version,
      updated_at: timestamp,
      ...(entry.published_version === null && { title: titleOf(content), category: content.category }),
    });
    await auditKnowledgeChange(context, actor, 'knowledge.draft_saved', entryId, {
      version: version.version,
      status,
    });
    return toKnowledgeEntry(updated, version);
  }

  async submitForReview(actor: KnowledgeActor, entryId: string): Promise<KnowledgeEntry> {
    return this.transition(actor, entryId, 'draft', async (context, entry, latest) => {
      assertReadyForReview(entry.kind, parseContent(latest.content));
      return { status: 'in_review', action: 'knowledge.submitted' };
    });
  }

  async reject(actor: KnowledgeActor, entryId: string, note: string | undefined): Promise<KnowledgeEntry> {
    return this.transition(actor, entryId, 'in_review', async () => ({
      status: 'draft',
      action: 'knowledge.rejected',
      reviewNote: note ?? null,
    }));
  }

  /** Publishes the version in review; the version published before it is archived. */
  async approve(actor: KnowledgeActor, entryId: string, note: string | undefined): Promise<KnowledgeEntry> {
    const result = await this.transition(actor, entryId, 'in_review', async (context, entry, latest) => {
      if (actor.id !== null && latest.author_id === actor.id) throw new KefuError('knowledge_self_review');
      await archivePublishedVersion(context, entry);
      await context.emit('knowledge.entry_published', { entryId, version: latest.version });
      return {
        status: 'published',
        action: 'knowledge.approved',
        reviewNote: note ?? null,
        entryChanges: {
          published_version: latest.version,
          title: titleOf(parseContent(latest.content)),
          category: parseContent(latest.content).category,
        },
      };
    });
    await this.refreshIndex([entryId]);
    return result;
  }

  /** Takes the entry off the bot: its published version is archived. */
  async archive(actor: KnowledgeActor, entryId: string): Promise<KnowledgeEntry> {
    const result = await this.unitOfWork.run(async (context) => {
      const { entry } = await requireEntry(context, entryId);
      if (entry.published_version === null)
        throw new KefuError('knowledge_invalid_transition', 'The entry has no published version');
      await archivePublishedVersion(context, entry);
      const updated = await knowledgeRepo.updateEntry(context.trx, entryId, {
        published_version: null,
        updated_at: context.now.toISOString(),
      });
      await auditKnowledgeChange(context, actor, 'knowledge.archived', entryId, {
        version: entry.published_version,
      });
      await context.emit('knowledge.entry_unpublished', { entryId });
      const latest = await knowledgeRepo.findVersion(context.trx, entryId, updated.latest_version);
      if (!latest) throw new KefuError('knowledge_version_not_found');
      return toKnowledgeEntry(updated, latest);
    });
    await this.refreshIndex([entryId]);
    return result;
  }

  /**
   * Publishes a copy of an earlier version as the newest version (history is never rewritten). The copy
   * was reviewed when first published, so a reviewer may roll back alone; a pending draft is archived.
   */
  async rollback(actor: KnowledgeActor, entryId: string, targetVersion: number): Promise<KnowledgeEntry> {
    const result = await this.unitOfWork.run(async (context) => {
      const { entry, latest } = await requireEntry(context, entryId);
      const target = await knowledgeRepo.findVersion(context.trx, entryId, targetVersion);
      if (!target) throw new KefuError('knowledge_version_not_found');
      if (target.version === entry.published_version)
        throw new KefuError('knowledge_invalid_transition', 'That version is already published');
      const timestamp = context.now.toISOString();
      if (latest.status === 'draft' || latest.status === 'in_review')
        await knowledgeRepo.updateVersion(context.trx, latest.id, {
          status: 'archived',
          review_note: `superseded by the rollback to version ${targetVersion}`,
          updated_at: timestamp,
        });
      await archivePublishedVersion(context, entry);
      const content = parseContent(target.content);
      const version = newVersionRow(entryId, latest.version + 1, 'published', content, actor.id, timestamp);
      version.reviewer_id = actor.id;
      version.review_note = `rollback to version ${targetVersion}`;
      await knowledgeRepo.insertVersion(context.trx, version);
      const updated = await knowledgeRepo.updateEntry(context.trx, entryId, {
        latest_version: version.version,
        published_version: version.version,
        title: titleOf(content),
        category: content.category,
        updated_at: timestamp,
      });
      await auditKnowledgeChange(context, actor, 'knowledge.rolled_back', entryId, {
        fromVersion: entry.published_version,
        toVersion: targetVersion,
        newVersion: version.version,
      });
      await context.emit('knowledge.entry_published', { entryId, version: version.version });
      return toKnowledgeEntry(updated, version);
    });
    await this.refreshIndex([entryId]);
    return result;
  }

  async getEntry(entryId: string): Promise<KnowledgeEntry> {
    const entry = await knowledgeRepo.findEntry(this.db, entryId);
    const latest = entry && (await knowledgeRepo.findVersion(this.db, entryId, entry.latest_version));
    if (!entry || !latest) throw new KefuError('knowledge_entry_not_found');
    return toKnowledgeEntry(entry, latest);
  }

  async listEntries(filter: EntryFilter): Promise<KnowledgeEntry[]> {
    const rows = await knowledgeRepo.listEntriesWithLatest(this.db, filter);
    return rows.map((row) =>
      toKnowledgeEntry(row, {
        id: '',
        entry_id: row.id,
        version: row.latest_version,
        status: row.version_status,
        content: row.version_content,
        author_id: row.version_author_id,
        reviewer_id: row.version_reviewer_id,
        review_note: row.version_review_note,
        created_at: row.version_created_at,
        updated_at: row.version_updated_at,
      }),
    );
  }

  async listVersions(entryId: string): Promise<EntryVersion[]> {
    await this.getEntry(entryId);
    return (await knowledgeRepo.listVersions(this.db, entryId)).map(toEntryVersion);
  }

  async listHistory(entryId: string) {
    await this.getEntry(entryId);
    const rows = await listAuditEntries(this.db, 'knowledge_entry', entryId);
    return rows.map((row) => ({
      action: row.action,
      actorType: row.actor_type,
      actorId: row.actor_id,
      data: parseAuditData(row.data),
      createdAt: row.created_at,
    }));
  }

  /** Loads every published version into the index (at start). */
  async loadIndex(): Promise<number> {
    for (const row of await knowledgeRepo.listPublishedVersions(this.db))
      await this.index.upsert({
        entryId: row.entry_id,
        kind: entryKindSchema.parse(row.kind),
        content: parseContent(row.content),
      });
    return this.index.size;
  }

  /** Brings the index in line with the store for these entries (after a commit, or an event from another instance). */
  async refreshIndex(entryIds: readonly string[]): Promise<void> {
    if (entryIds.length === 0) return;
    const published = await knowledgeRepo.listPublishedVersions(this.db, entryIds);
    const publishedIds = new Set(published.map((row) => row.entry_id));
    for (const entryId of entryIds) if (!publishedIds.has(entryId)) this.index.remove(entryId);
    for (const row of published)
      await this.index.upsert({
        entryId: row.entry_id,
        kind: entryKindSchema.parse(row.kind),
        content: parseContent(row.content),
      });
  }

  private async transition(
    actor: KnowledgeActor,
    entryId: string,
    expected: 'draft' | 'in_review',
    decide: (
      context: UnitOfWorkContext,
      entry: EntryRow,
      latest: VersionRow,
    ) => Promise<{
      status: 'draft' | 'in_review' | 'published';
      action: string;
      reviewNote?: string | null;
      entryChanges?: { published_version: number; title: string; category: string };
    }>,
  ): Promise<KnowledgeEntry> {
    return this.unitOfWork.run(async (context) => {
      const { entry, latest } = await requireEntry(context, entryId);
      if (latest.status !== expected)
        throw new KefuError(
          'knowledge_invalid_transition',
          `The latest version is ${latest.status}, not ${expected}`,
        );
      const decision = await decide(context, entry, latest);
      const timestamp = context.now.toISOString();
      const version = await knowledgeRepo.updateVersion(context.trx, latest.id, {
        status: decision.status,
        updated_at: timestamp,
        ...(decision.reviewNote !== undefined && { review_note: decision.reviewNote }),
        ...(expected === 'in_review' && { reviewer_id: actor.id }),
      });
      const updated = await knowledgeRepo.updateEntry(context.trx, entryId, {
        updated_at: timestamp,
        ...decision.entryChanges,
      });
      await auditKnowledgeChange(context, actor, decision.action, entryId, {
        version: latest.version,
        ...(decision.reviewNote && { note: decision.reviewNote }),
      });
      return toKnowledgeEntry(updated, version);
    });
  }
}

function parseAuditData(text: string): unknown {
  const data: unknown = JSON.parse(text);
  return data;
}
