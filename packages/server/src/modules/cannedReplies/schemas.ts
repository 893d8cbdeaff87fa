import { z } from 'zod';

export const cannedScopeSchema = z.enum(['personal', 'team']);

export const cannedReplySchema = z.object({
  id: z.string(),
  scope: cannedScopeSchema,
  teamId: z.string().nullable(),
  ownerAgentId: z.string().nullable(),
  category: z.string(),
  shortcut: z.string(),
  title: z.string(),
  text: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type CannedReply = z.infer<typeof cannedReplySchema>;

const shortcutSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[^\s/]+$/u, 'A shortcut is one word without spaces or "/"');

export const cannedReplyInputSchema = z
  .object({
    scope: cannedScopeSchema,
    teamId: z.string().max(64).nullable().default(null),
    category: z.string().trim().max(40).default(''),
    shortcut: shortcutSchema,
    title: z.string().trim().max(80).default(''),
    text: z.string().trim().min(1).max(2000),
  })
  .strict();
export type CannedReplyInput = z.infer<typeof cannedReplyInputSchema>;

export const cannedReplyPatchSchema = cannedReplyInputSchema
  .pick({ category: true, shortcut: true, title: true, text: true })
  .partial()
  .strict();

export const cannedImportSchema = z
  .object({
    format: z.enum(['csv', 'json']),
    content: z.string().min(1).max(1_000_000),
    scope: cannedScopeSchema,
    teamId: z.string().max(64).nullable().default(null),
  })
  .strict();

/** One row of an import file: shortcut and text required, category and title optional. */
export const cannedImportRowSchema = z.object({
  shortcut: shortcutSchema,
  text: z.string().trim().min(1).max(2000),
  category: z.string().trim().max(40).default(''),
  title: z.string().trim().max(80).default(''),
});
