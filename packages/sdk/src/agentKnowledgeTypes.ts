// Wire types of the knowledge-base API (admin/knowledge and conversation suggestions). Mirrors the server's
// zod schemas in packages/server/src/modules/knowledge/schemas.ts.
import type { ChannelKind, QuickReply } from './types';

export type KnowledgeEntryKind = 'faq' | 'article';
export type KnowledgeVersionStatus = 'draft' | 'in_review' | 'published' | 'archived';
/** The languages an entry is written in; zh-Hant shoppers get the zh-CN text converted. */
export type KnowledgeLocale = 'zh-CN' | 'en';
export type KnowledgeFileFormat = 'csv' | 'json' | 'markdown';

export interface KnowledgeLink {
  label: string;
  url: string;
}

export interface KnowledgeImage {
  url: string;
  alt: string;
}

/** One language of an entry: an FAQ's question and answer, or an article's title and Markdown body. */
export interface KnowledgeLocaleContent {
  question: string;
  similarQuestions: string[];
  answer: string;
  links: KnowledgeLink[];
  images: KnowledgeImage[];
  quickReplies: QuickReply[];
}

/** Everything a version holds; a rollback copies it whole. */
export interface KnowledgeContent {
  category: string;
  tags: string[];
  productIds: string[];
  /** Channels the entry answers on; empty means every channel. */
  channels: ChannelKind[];
  validFrom: string | null;
  validUntil: string | null;
  locales: Partial<Record<KnowledgeLocale, KnowledgeLocaleContent>>;
}

/** What a create/update sends: lists and the validity window may be left out (the server fills defaults). */
export interface KnowledgeContentInput {
  category?: string;
  tags?: string[];
  productIds?: string[];
  channels?: ChannelKind[];
  validFrom?: string | null;
  validUntil?: string | null;
  locales: Partial<Record<KnowledgeLocale, Partial<KnowledgeLocaleContent> & { question: string }>>;
}

export interface KnowledgeVersion {
  version: number;
  status: KnowledgeVersionStatus;
  content: KnowledgeContent;
  authorId: string | null;
  reviewerId: string | null;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeEntry {
  id: string;
  kind: KnowledgeEntryKind;
  title: string;
  category: string;
  latestVersion: number;
  publishedVersion: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The newest version, whatever its status. */
  latest: KnowledgeVersion;
}

/** Query of the entry list; `status` filters on the latest version's status. */
export interface KnowledgeEntryFilter {
  status?: KnowledgeVersionStatus;
  kind?: KnowledgeEntryKind;
  category?: string;
  /** Text in the title or any field of the latest version. */
  q?: string;
  limit?: number;
  offset?: number;
}

/** One line of an entry's audit trail, e.g. `knowledge.approved` by an agent with `{ version, note }`. */
export interface KnowledgeAuditRecord {
  action: string;
  actorType: string;
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface KnowledgeImportRequest {
  format: KnowledgeFileFormat;
  /** The file's text (up to 5 MB). */
  content: string;
  /** Imported entries are drafts; with this they go straight to review. */
  submitForReview?: boolean;
}

export interface KnowledgeImportJob {
  id: string;
  format: KnowledgeFileFormat;
  status: 'pending' | 'running' | 'completed' | 'failed';
  totalRows: number;
  processedRows: number;
  importedCount: number;
  failedCount: number;
  /** 0..1, for a progress bar. */
  progress: number;
  /** Rows that were not imported (nothing of them was written), numbered from 1. */
  errors: { row: number; message: string }[];
  entryIds: string[];
  createdAt: string;
  finishedAt: string | null;
}

export interface KnowledgeExportRequest {
  format?: KnowledgeFileFormat;
  /** `published` (default) or the latest version of every entry. */
  status?: 'published' | 'all';
}

/** A topic the bot could not answer well, with why and what shoppers asked. */
export interface KnowledgeGap {
  id: string;
  topic: string;
  count: number;
  reasons: { unanswered: number; suggested: number; notHelpful: number; corrected: number };
  examples: string[];
  corrections: string[];
  locale: string;
  lastAskedAt: string;
}

export interface KnowledgeSearchRequest {
  q: string;
  locale?: 'zh-CN' | 'zh-TW' | 'en';
  channel?: ChannelKind;
  limit?: number;
}

export interface KnowledgeSearchHit {
  entryId: string;
  kind: KnowledgeEntryKind;
  question: string;
  answer: string;
  /** Calibrated confidence in [0, 1]. */
  score: number;
  /** The passage that matched (an FAQ question or an article section). */
  matched: string;
}

export type KnowledgeOutcome = 'answered' | 'suggested' | 'unanswered';

export interface KnowledgeSearchResult {
  hits: KnowledgeSearchHit[];
  /** What the bot would reply: an answer, "did you mean" with the top questions as buttons, or nothing. */
  decision: {
    outcome: KnowledgeOutcome;
    /** faq, article, product or llm when answered. */
    source: string | null;
    entryId: string | null;
    score: number;
    reply: { text: string; quickReplies: QuickReply[] } | null;
  };
}

export interface KnowledgeSuggestion {
  entryId: string | null;
  /** faq, article or product. */
  source: string;
  title: string;
  answer: string;
  score: number;
}

export interface ConversationSuggestions {
  /** The shopper's latest message the suggestions answer, or null before the shopper wrote. */
  question: string | null;
  suggestions: KnowledgeSuggestion[];
}

export interface AnswerCorrectionInput {
  /** The answer the bot should have given. */
  answer: string;
  /** The entry that should have answered, when there is one. */
  entryId?: string;
}
