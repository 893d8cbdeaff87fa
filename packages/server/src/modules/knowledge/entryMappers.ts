import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import type { EntryRow, VersionRow } from './repo';
import type { EntryContent, EntryVersion, KnowledgeEntry } from './schemas';
import { entryContentSchema, entryKindSchema, versionStatusSchema } from './schemas';

export function parseContent(text: string): EntryContent {
  return parseJsonColumn(text, entryContentSchema);
}

export function toEntryVersion(row: VersionRow): EntryVersion {
  return {
    version: row.version,
    status: versionStatusSchema.parse(row.status),
    content: parseContent(row.content),
    authorId: row.author_id,
    reviewerId: row.reviewer_id,
    reviewNote: row.review_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toKnowledgeEntry(row: EntryRow, latest: VersionRow): KnowledgeEntry {
  return {
    id: row.id,
    kind: entryKindSchema.parse(row.kind),
    title: row.title,
    category: row.category,
    latestVersion: row.latest_version,
    publishedVersion: row.published_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latest: toEntryVersion(latest),
  };
}

/** The name an entry is listed under: its Chinese question or title, else the English one. */
export function titleOf(content: EntryContent): string {
  return (content.locales['zh-CN'] ?? content.locales.en)?.question ?? '';
}

/** A version goes to review only when every language it has can be answered with. */
export function assertReadyForReview(kind: string, content: EntryContent): void {
  for (const [locale, localeContent] of Object.entries(content.locales)) {
    if (localeContent && localeContent.answer.trim().length === 0)
      throw new KefuError(
        'validation_failed',
        `${kind === 'faq' ? 'The answer' : 'The article body'} in ${locale} is empty`,
      );
  }
}
