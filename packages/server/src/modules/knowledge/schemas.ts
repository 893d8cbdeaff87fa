import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';
import { quickReplySchema } from '../conversations/schemas';

export const knowledgeLocales = ['zh-CN', 'en'] as const;
export type KnowledgeLocale = (typeof knowledgeLocales)[number];
export const entryKindSchema = z.enum(['faq', 'article']);
export const versionStatusSchema = z.enum(['draft', 'in_review', 'published', 'archived']);
export type VersionStatus = z.infer<typeof versionStatusSchema>;

const isoTimestampSchema = z.string().datetime({ offset: true });
const shortTextSchema = z.string().trim().min(1).max(500);

/** One language of an entry: the FAQ's question and answer, or an article's title and Markdown body. */
export const localeContentSchema = z
  .object({
    question: shortTextSchema,
    similarQuestions: z.array(shortTextSchema).max(100).default([]),
    answer: z.string().trim().max(20_000).default(''),
    links: z
      .array(z.object({ label: z.string().trim().min(1).max(100), url: z.string().url().max(2048) }).strict())
      .max(10)
      .default([]),
    images: z
      .array(
        z.object({ url: z.string().url().max(2048), alt: z.string().trim().max(200).default('') }).strict(),
      )
      .max(10)
      .default([]),
    quickReplies: z.array(quickReplySchema.strict()).max(10).default([]),
  })
  .strict();
export type LocaleContent = z.infer<typeof localeContentSchema>;

/** Everything a version holds; a rollback copies it whole. */
export const entryContentSchema = z
  .object({
    category: z.string().trim().min(1).max(50).default('general'),
    tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
    productIds: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
    /** Channels the entry answers on; empty means every channel. */
    channels: z.array(channelKindSchema).max(10).default([]),
    validFrom: isoTimestampSchema.nullable().default(null),
    validUntil: isoTimestampSchema.nullable().default(null),
    locales: z
      .object({ 'zh-CN': localeContentSchema.optional(), en: localeContentSchema.optional() })
      .strict()
      .refine((locales) => locales['zh-CN'] !== undefined || locales.en !== undefined, {
        message: 'at least one of zh-CN and en is required',
      }),
  })
  .strict()
  .refine((content) => !content.validFrom || !content.validUntil || content.validFrom < content.validUntil, {
    message: 'validFrom must be before validUntil',
    path: ['validUntil'],
  });
export type EntryContent = z.infer<typeof entryContentSchema>;

export const createEntryBodySchema = z
  .object({ kind: entryKindSchema.default('faq'), content: entryContentSchema })
  .strict();
export const updateEntryBodySchema = z
  .object({
    content: entryContentSchema,
    /** The version the editor started from; a newer one answers 409 instead of losing someone's change. */
    baseVersion: z.number().int().min(1).optional(),
  })
  .strict();
export const reviewBodySchema = z
  .object({ note: z.string().trim().max(1000).optional() })
  .strict()
  .nullish();
export const rollbackBodySchema = z.object({ version: z.number().int().min(1) }).strict();

export const versionSchema = z.object({
  version: z.number(),
  status: versionStatusSchema,
  content: entryContentSchema,
  authorId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntryVersion = z.infer<typeof versionSchema>;

export const entrySchema = z.object({
  id: z.string(),
  kind: entryKindSchema,
  title: z.string(),
  category: z.string(),
  latestVersion: z.number(),
  publishedVersion: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  latest: versionSchema,
});
export type KnowledgeEntry = z.infer<typeof entrySchema>;

export const entryListQuerySchema = z
  .object({
    status: versionStatusSchema.optional(),
    kind: entryKindSchema.optional(),
    category: z.string().max(50).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const importFormatSchema = z.enum(['csv', 'json', 'markdown']);
export type ImportFormat = z.infer<typeof importFormatSchema>;
export const importBodySchema = z
  .object({
    format: importFormatSchema,
    /** The file's text (up to 5 MB). */
    content: z.string().min(1).max(5_000_000),
    /** Imported entries are drafts; with this they go straight to review. */
    submitForReview: z.boolean().default(false),
  })
  .strict();
export const importJobSchema = z.object({
  id: z.string(),
  format: importFormatSchema,
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  totalRows: z.number(),
  processedRows: z.number(),
  importedCount: z.number(),
  failedCount: z.number(),
  /** 0..1, for a progress bar. */
  progress: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  entryIds: z.array(z.string()),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const exportQuerySchema = z
  .object({
    format: importFormatSchema.default('json'),
    status: z.enum(['published', 'all']).default('published'),
  })
  .strict();

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(500),
    locale: z.enum(['zh-CN', 'zh-TW', 'en']).default('zh-CN'),
    channel: channelKindSchema.optional(),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();
export const searchHitSchema = z.object({
  entryId: z.string(),
  kind: entryKindSchema,
  question: z.string(),
  answer: z.string(),
  score: z.number(),
  matched: z.string(),
});
export type KnowledgeSearchHit = z.infer<typeof searchHitSchema>;
/** What the bot would reply to the searched question: an answer, "did you mean" with quick replies, or nothing. */
export const searchDecisionSchema = z.object({
  outcome: z.enum(['answered', 'suggested', 'unanswered']),
  source: z.string().nullable(),
  entryId: z.string().nullable(),
  score: z.number(),
  reply: z.object({ text: z.string(), quickReplies: z.array(quickReplySchema) }).nullable(),
});

export const feedbackBodySchema = z.object({ helpful: z.boolean() }).strict();
export const correctionBodySchema = z
  .object({ answer: z.string().trim().min(1).max(4000), entryId: z.string().max(64).optional() })
  .strict();

export const gapSchema = z.object({
  id: z.string(),
  topic: z.string(),
  count: z.number(),
  reasons: z.object({
    unanswered: z.number(),
    suggested: z.number(),
    notHelpful: z.number(),
    corrected: z.number(),
  }),
  examples: z.array(z.string()),
  corrections: z.array(z.string()),
  locale: z.string(),
  lastAskedAt: z.string(),
});
export type KnowledgeGap = z.infer<typeof gapSchema>;
