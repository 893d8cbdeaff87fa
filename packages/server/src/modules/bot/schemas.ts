import { z } from 'zod';

export const ruleMatchTypeSchema = z.enum(['contains', 'exact', 'regex']);
export const ruleActionSchema = z.enum(['reply', 'handoff']);

const patternsSchema = z.array(z.string().trim().min(1).max(200)).min(1).max(50);

export const botRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    matchType: ruleMatchTypeSchema,
    patterns: patternsSchema,
    replyZh: z.string().trim().max(2000).default(''),
    replyEn: z.string().trim().max(2000).default(''),
    action: ruleActionSchema.default('reply'),
    priority: z.number().int().min(0).max(10_000).default(100),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((rule, context) => {
    if (!rule.replyZh && !rule.replyEn)
      context.addIssue({
        code: 'custom',
        path: ['replyZh'],
        message: 'a reply in Chinese or English is needed',
      });
    for (const problem of findInvalidRegexPatterns(rule.matchType, rule.patterns)) {
      context.addIssue({ code: 'custom', path: ['patterns', problem.index], message: problem.message });
    }
  });

export const botRulePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    matchType: ruleMatchTypeSchema,
    patterns: patternsSchema,
    replyZh: z.string().trim().max(2000),
    replyEn: z.string().trim().max(2000),
    action: ruleActionSchema,
    priority: z.number().int().min(0).max(10_000),
    enabled: z.boolean(),
  })
  .partial()
  .strict();

export const botRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  matchType: ruleMatchTypeSchema,
  patterns: z.array(z.string()),
  replyZh: z.string(),
  replyEn: z.string(),
  action: ruleActionSchema,
  priority: z.number(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type BotRuleInput = z.infer<typeof botRuleInputSchema>;
export type BotRulePatch = z.infer<typeof botRulePatchSchema>;
export type BotRule = z.infer<typeof botRuleSchema>;

export function findInvalidRegexPatterns(
  matchType: string,
  patterns: readonly string[],
): { index: number; message: string }[] {
  if (matchType !== 'regex') return [];
  return patterns.flatMap((pattern, index) => {
    try {
      new RegExp(pattern, 'iu');
      return [];
    } catch {
      return [{ index, message: `Not a valid regular expression: ${pattern}` }];
    }
  });
}
