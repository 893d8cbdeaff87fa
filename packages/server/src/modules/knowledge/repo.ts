import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type {
  KnowledgeEntriesTable,
  KnowledgeImportJobsTable,
  KnowledgeQueriesTable,
  KnowledgeVersionsTable,
} from '../../db/schema';

export type EntryRow = Selectable<KnowledgeEntriesTable>;
export type VersionRow = Selectable<KnowledgeVersionsTable>;
export type ImportJobRow = Selectable<KnowledgeImportJobsTable>;
export type QueryRow = Selectable<KnowledgeQueriesTable>;

export interface EntryFilter {
  status?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export async function insertEntry(db: DbExecutor, row: EntryRow): Promise<void> {
  await db.insertInto('knowledge_entries').values(row).execute();
}

export async function findEntry(db: DbExecutor, entryId: string): Promise<EntryRow | undefined> {
  return db.selectFrom('knowledge_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
}

export async function updateEntry(
  db: DbExecutor,
  entryId: string,
  changes: Updateable<KnowledgeEntriesTable>,
): Promise<EntryRow> {
  return db
    .updateTable('knowledge_entries')
    .set(changes)
    .where('id', '=', entryId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Entries with their latest version, filtered by that version's status. */
export async function listEntriesWithLatest(db: DbExecutor, filter: EntryFilter) {
  let query = db
    .selectFrom('knowledge_entries')
    .innerJoin('knowledge_versions', (join) =>
      join
        .onRef('knowledge_versions.entry_id', '=', 'knowledge_entries.id')
        .onRef('knowledge_versions.version', '=', 'knowledge_entries.latest_version'),
    )
    .selectAll('knowledge_entries')
    .select([
      'knowledge_versions.status as version_status',
      'knowledge_versions.content as version_content',
      'knowledge_versions.author_id as version_author_id',
      'knowledge_versions.reviewer_id as version_reviewer_id',
      'knowledge_versions.review_note as version_review_note',
      'knowledge_versions.created_at as version_created_at',
      'knowledge_versions.updated_at as version_updated_at',
    ]);
  if (filter.status) query = query.where('knowledge_versions.status', '=', filter.status);
  if (filter.kind) query = query.where('knowledge_entries.kind', '=', filter.kind);
  if (filter.category) query = query.where('knowledge_entries.category', '=', filter.category);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('knowledge_entries.title', 'like', pattern),
        eb('knowledge_versions.content', 'like', pattern),
      ]),
    );
  }
  return query.orderBy('knowledge_entries.id').limit(filter.limit).offset(filter.offset).execute();
}

export async function insertVersion(db: DbExecutor, row: VersionRow): Promise<void> {
  await db.insertInto('knowledge_versions').values(row).execute();
}

export async function findVersion(
  db: DbExecutor,
  entryId: string,
  version: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('knowledge_versions')
    .selectAll()
    .where('entry_id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: DbExecutor, entryId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('knowledge_versions')
    .selectAll()
    .where('entry_id', '=', entryId)
    .orderBy('version')
    .execute();
}

export async function updateVersion(
  db: DbExecutor,
  versionId: string,
  changes: Updateable<KnowledgeVersionsTable>,
): Promise<VersionRow> {
  return db
    .updateTable('knowledge_versions')
    .set(changes)
    .where('id', '=', versionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every published version with its entry's kind: what the search index holds. */
export async function listPublishedVersions(db: DbExecutor, entryIds?: readonly string[]) {
  let query = db
    .selectFrom('knowledge_versions')
    .innerJoin('knowledge_entries', 'knowledge_entries.id', 'knowledge_versions.entry_id')
    .select(['knowledge_versions.entry_id', 'knowledge_versions.content', 'knowledge_entries.kind'])
    .where('knowledge_versions.status', '=', 'published');
  if (entryIds) query = query.where('knowledge_versions.entry_id', 'in', entryIds);
  return query.orderBy('knowledge_versions.entry_id').execute();
}

export async function countEntries(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('knowledge_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertImportJob(db: DbExecutor, row: ImportJobRow): Promise<void> {
  await db.insertInto('knowledge_import_jobs').values(row).execute();
}

export async function findImportJob(db: DbExecutor, jobId: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('knowledge_import_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
}

export async function updateImportJob(
  db: DbExecutor,
  jobId: string,
  changes: Updateable<KnowledgeImportJobsTable>,
): Promise<void> {
  await db.updateTable('knowledge_import_jobs').set(changes).where('id', '=', jobId).execute();
}

export async function listUnfinishedImportJobs(db: DbExecutor): Promise<ImportJobRow[]> {
  return db
    .selectFrom('knowledge_import_jobs')
    .selectAll()
    .where('status', 'in', ['pending', 'running'])
    .orderBy('id')
    .execute();
}

export async function insertQuery(db: DbExecutor, row: Insertable<KnowledgeQueriesTable>): Promise<void> {
  await db.insertInto('knowledge_queries').values(row).execute();
}

export async function findQueryByMessageId(db: DbExecutor, messageId: string): Promise<QueryRow | undefined> {
  return db
    .selectFrom('knowledge_queries')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

export async function updateQuery(
  db: DbExecutor,
  queryId: string,
  changes: Updateable<KnowledgeQueriesTable>,
): Promise<void> {
  await db.updateTable('knowledge_queries').set(changes).where('id', '=', queryId).execute();
}

/** The product most recently discussed in a conversation, as recorded with the questions. */
export async function findLastDiscussedProduct(
  db: DbExecutor,
  conversationId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('knowledge_queries')
    .select('product_id')
    .where('conversation_id', '=', conversationId)
    .where('product_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.product_id ?? null;
}

/** Questions that reveal a gap: not answered, only suggested, rated not helpful, or corrected by an agent. */
export async function listGapQueries(db: DbExecutor, since: string, limit: number): Promise<QueryRow[]> {
  return db
    .selectFrom('knowledge_queries')
    .selectAll()
    .where('created_at', '>=', since)
    .where('drafted_entry_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('outcome', 'in', ['unanswered', 'suggested']),
        eb('feedback', '=', 'not_helpful'),
        eb('correction', 'is not', null),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function markQueriesDrafted(
  db: DbExecutor,
  queryIds: readonly string[],
  entryId: string,
): Promise<void> {
  if (queryIds.length === 0) return;
  await db
    .updateTable('knowledge_queries')
    .set({ drafted_entry_id: entryId })
    .where('id', 'in', queryIds)
    .execute();
}

/** Published versions a person wrote or edited (the seeded defaults have no author). */
export async function countPublishedVersionsByPeople(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('knowledge_versions')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('author_id', 'is not', null)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
