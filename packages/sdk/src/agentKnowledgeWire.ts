// Parsing of the knowledge API's responses: untrusted input, checked and narrowed instead of cast.
import type {
  ConversationSuggestions,
  KnowledgeAuditRecord,
  KnowledgeContent,
  KnowledgeEntry,
  KnowledgeGap,
  KnowledgeImportJob,
  KnowledgeLocaleContent,
  KnowledgeSearchHit,
  KnowledgeSearchResult,
  KnowledgeSuggestion,
  KnowledgeVersion,
} from './agentKnowledgeTypes';
import {
  readEnum,
  readNullableString,
  readNumber,
  readString,
  readStringArray,
  requireRecord,
} from './agentWire';
import type { QuickReply } from './types';
import { channelKinds } from './types';
import { isRecord } from './visitorWire';

const entryKinds = ['faq', 'article'] as const;
const versionStatuses = ['draft', 'in_review', 'published', 'archived'] as const;
const fileFormats = ['csv', 'json', 'markdown'] as const;

export function parseKnowledgeEntry(value: unknown): KnowledgeEntry {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    kind: readEnum(record.kind, entryKinds),
    title: readString(record, 'title'),
    category: readString(record, 'category'),
    latestVersion: readNumber(record, 'latestVersion'),
    publishedVersion: readNullableNumber(record, 'publishedVersion'),
    createdBy: readNullableString(record, 'createdBy'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
    latest: parseKnowledgeVersion(record.latest),
  };
}

export function parseKnowledgeVersion(value: unknown): KnowledgeVersion {
  const record = requireRecord(value);
  return {
    version: readNumber(record, 'version'),
    status: readEnum(record.status, versionStatuses),
    content: parseKnowledgeContent(record.content),
    authorId: readNullableString(record, 'authorId'),
    reviewerId: readNullableString(record, 'reviewerId'),
    reviewNote: readNullableString(record, 'reviewNote'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

export function parseKnowledgeContent(value: unknown): KnowledgeContent {
  const record = requireRecord(value);
  const locales = requireRecord(record.locales);
  const channels = readStringArray(record, 'channels');
  return {
    category: readString(record, 'category'),
    tags: readStringArray(record, 'tags'),
    productIds: readStringArray(record, 'productIds'),
    channels: channels.map((channel) => readEnum(channel, channelKinds)),
    validFrom: readNullableString(record, 'validFrom'),
    validUntil: readNullableString(record, 'validUntil'),
    locales: {
      ...(locales['zh-CN'] !== undefined && { 'zh-CN': parseLocaleContent(locales['zh-CN']) }),
      ...(locales.en !== undefined && { en: parseLocaleContent(locales.en) }),
    },
  };
}

export function parseAuditRecord(value: unknown): KnowledgeAuditRecord {
  const record = requireRecord(value);
  return {
    action: readString(record, 'action'),
    actorType: readString(record, 'actorType'),
    actorId: readNullableString(record, 'actorId'),
    data: isRecord(record.data) ? record.data : {},
    createdAt: readString(record, 'createdAt'),
  };
}

export function parseImportJob(value: unknown): KnowledgeImportJob {
  const record = requireRecord(value);
  const errors = Array.isArray(record.errors) ? record.errors : [];
  return {
    id: readString(record, 'id'),
    format: readEnum(record.format, fileFormats),
    status: readEnum(record.status, ['pending', 'running', 'completed', 'failed'] as const),
    totalRows: readNumber(record, 'totalRows'),
    processedRows: readNumber(record, 'processedRows'),
    importedCount: readNumber(record, 'importedCount'),
    failedCount: readNumber(record, 'failedCount'),
    progress: readNumber(record, 'progress'),
    errors: errors.map((error) => {
      const entry = requireRecord(error);
      return { row: readNumber(entry, 'row'), message: readString(entry, 'message') };
    }),
    entryIds: readStringArray(record, 'entryIds'),
    createdAt: readString(record, 'createdAt'),
    finishedAt: readNullableString(record, 'finishedAt'),
  };
}

export function parseKnowledgeGap(value: unknown): KnowledgeGap {
  const record = requireRecord(value);
  const reasons = requireRecord(record.reasons);
  return {
    id: readString(record, 'id'),
    topic: readString(record, 'topic'),
    count: readNumber(record, 'count'),
    reasons: {
      unanswered: readNumber(reasons, 'unanswered'),
      suggested: readNumber(reasons, 'suggested'),
      notHelpful: readNumber(reasons, 'notHelpful'),
      corrected: readNumber(reasons, 'corrected'),
    },
    examples: readStringArray(record, 'examples'),
    corrections: readStringArray(record, 'corrections'),
    locale: readString(record, 'locale'),
    lastAskedAt: readString(record, 'lastAskedAt'),
  };
}

export function parseSearchResult(value: unknown): KnowledgeSearchResult {
  const record = requireRecord(value);
  const hits = Array.isArray(record.hits) ? record.hits : [];
  const decision = requireRecord(record.decision);
  const reply = decision.reply === null ? null : requireRecord(decision.reply);
  return {
    hits: hits.map(parseSearchHit),
    decision: {
      outcome: readEnum(decision.outcome, ['answered', 'suggested', 'unanswered'] as const),
      source: readNullableString(decision, 'source'),
      entryId: readNullableString(decision, 'entryId'),
      score: readNumber(decision, 'score'),
      reply: reply && { text: readString(reply, 'text'), quickReplies: parseQuickReplies(reply) },
    },
  };
}

export function parseConversationSuggestions(value: unknown): ConversationSuggestions {
  const record = requireRecord(value);
  const suggestions = Array.isArray(record.suggestions) ? record.suggestions : [];
  return {
    question: readNullableString(record, 'question'),
    suggestions: suggestions.map(parseSuggestion),
  };
}

function parseSuggestion(value: unknown): KnowledgeSuggestion {
  const record = requireRecord(value);
  return {
    entryId: readNullableString(record, 'entryId'),
    source: readString(record, 'source'),
    title: readString(record, 'title'),
    answer: readString(record, 'answer'),
    score: readNumber(record, 'score'),
  };
}

function parseSearchHit(value: unknown): KnowledgeSearchHit {
  const record = requireRecord(value);
  return {
    entryId: readString(record, 'entryId'),
    kind: readEnum(record.kind, entryKinds),
    question: readString(record, 'question'),
    answer: readString(record, 'answer'),
    score: readNumber(record, 'score'),
    matched: readString(record, 'matched'),
  };
}

function parseLocaleContent(value: unknown): KnowledgeLocaleContent {
  const record = requireRecord(value);
  const links = Array.isArray(record.links) ? record.links : [];
  const images = Array.isArray(record.images) ? record.images : [];
  return {
    question: readString(record, 'question'),
    similarQuestions: readStringArray(record, 'similarQuestions'),
    answer: readString(record, 'answer'),
    links: links.map((link) => {
      const entry = requireRecord(link);
      return { label: readString(entry, 'label'), url: readString(entry, 'url') };
    }),
    images: images.map((image) => {
      const entry = requireRecord(image);
      return { url: readString(entry, 'url'), alt: readString(entry, 'alt') };
    }),
    quickReplies: parseQuickReplies(record),
  };
}

function parseQuickReplies(record: Record<string, unknown>): QuickReply[] {
  const replies = Array.isArray(record.quickReplies) ? record.quickReplies : [];
  return replies.map((reply) => {
    const entry = requireRecord(reply);
    return { label: readString(entry, 'label'), text: readString(entry, 'text') };
  });
}

function readNullableNumber(record: Record<string, unknown>, key: string): number | null {
  return record[key] === null ? null : readNumber(record, key);
}
