import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';
import { isValidTimeZone } from './timeZone';

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-01-31')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a calendar date');

/** The filters every report takes; dates are days in `timeZone`, both included (default: the last 7 days). */
export const reportQueryShape = {
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  timeZone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, 'timeZone must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  channel: channelKindSchema.optional(),
  teamId: z.string().min(1).max(64).optional(),
  agentId: z.string().min(1).max(64).optional(),
  category: z.string().min(1).max(60).optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
};
export const reportQuerySchema = z.object(reportQueryShape).strict();

const labeledKeySchema = z.object({ key: z.string().nullable(), label: z.string() });
const labeledValueSchema = labeledKeySchema.extend({ value: z.number() });
const dailySeriesSchema = labeledKeySchema.extend({ values: z.array(z.number()) });
const nullableNumbers = z.array(z.number().nullable());
const durationStatsSchema = z.object({
  count: z.number(),
  averageSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
const slaAttainmentSchema = labeledKeySchema.extend({
  met: z.number(),
  missed: z.number(),
  attainment: z.number().nullable(),
});

export const reportSchemas = {
  overview: z.object({
    conversations: z.number(),
    engaged: z.number(),
    botContained: z.number(),
    containmentRate: z.number().nullable(),
    handedOff: z.number(),
    handoffRate: z.number().nullable(),
    resolved: z.number(),
    firstContactResolved: z.number(),
    firstContactResolutionRate: z.number().nullable(),
    messages: z.object({ customer: z.number(), bot: z.number(), agent: z.number() }),
    csat: z.object({ rated: z.number(), average: z.number().nullable() }),
    qa: z.object({ inspected: z.number(), averageScore: z.number().nullable() }),
  }),
  volume: z.object({
    byDay: z.array(dailySeriesSchema),
    byHourOfDay: z.array(z.number()),
    byChannel: z.array(labeledValueSchema),
    customerMessagesByDay: z.array(z.number()),
  }),
  topics: z.object({
    categories: z.array(labeledValueSchema),
    categoryTrend: z.array(dailySeriesSchema),
    intents: z.array(labeledValueSchema),
    intentTrend: z.array(dailySeriesSchema),
  }),
  bot: z.object({
    engaged: z.number(),
    contained: z.number(),
    handedOff: z.number(),
    containmentRate: z.number().nullable(),
    handoffRate: z.number().nullable(),
    handoffReasons: z.array(labeledValueSchema),
    trend: z.object({
      engaged: z.array(z.number()),
      contained: z.array(z.number()),
      handedOff: z.array(z.number()),
    }),
  }),
  responseTimes: z.object({
    firstResponse: durationStatsSchema,
    handling: durationStatsSchema,
    resolution: durationStatsSchema,
    trend: z.object({
      firstResponse: nullableNumbers,
      handling: nullableNumbers,
      resolution: nullableNumbers,
    }),
  }),
  sla: z.object({
    overall: slaAttainmentSchema,
    byTarget: z.array(slaAttainmentSchema),
    trend: nullableNumbers,
  }),
  csat: z.object({
    requested: z.number(),
    rated: z.number(),
    responseRate: z.number().nullable(),
    average: z.number().nullable(),
    satisfiedRate: z.number().nullable(),
    distribution: z.array(z.number()),
    trend: z.object({ rated: z.array(z.number()), average: nullableNumbers }),
  }),
  backlog: z.object({
    open: z.array(labeledValueSchema),
    openByAge: z.array(z.number()),
    endOfDay: z.array(z.number()),
  }),
  agents: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      handled: z.number(),
      resolved: z.number(),
      agentMessages: z.number(),
      averageFirstResponseSeconds: z.number().nullable(),
      averageHandlingSeconds: z.number().nullable(),
      csatRated: z.number(),
      csatAverage: z.number().nullable(),
      qaInspected: z.number(),
      qaAverageScore: z.number().nullable(),
    }),
  ),
  questions: z.object({
    topQuestions: z.array(z.object({ question: z.string(), asked: z.number(), answered: z.number() })),
    gaps: z.array(
      z.object({
        topic: z.string(),
        count: z.number(),
        unanswered: z.number(),
        notHelpful: z.number(),
        examples: z.array(z.string()),
      }),
    ),
  }),
  productIssues: z.array(
    z.object({
      productId: z.string(),
      name: z.string(),
      total: z.number(),
      reasons: z.array(labeledValueSchema),
    }),
  ),
};

export const reportRangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  days: z.array(z.string()),
});

export const dashboardSchema = z.object({ range: reportRangeSchema, ...reportSchemas });

export const conversationMetricsRowSchema = z.object({
  conversationId: z.string(),
  createdAt: z.string(),
  createdLocal: z.string(),
  channel: labeledKeySchema,
  category: labeledKeySchema,
  intent: labeledKeySchema,
  product: z.object({ id: z.string(), name: z.string() }).nullable(),
  agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: labeledKeySchema,
  customerMessages: z.number(),
  botMessages: z.number(),
  agentMessages: z.number(),
  botContained: z.boolean(),
  handedOff: z.boolean(),
  handoffReason: labeledKeySchema.nullable(),
  firstResponseSeconds: z.number().nullable(),
  handlingSeconds: z.number().nullable(),
  resolutionSeconds: z.number().nullable(),
  csatRating: z.number().nullable(),
  qaScore: z.number().nullable(),
  issueReason: labeledKeySchema.nullable(),
  lastSentiment: labeledKeySchema.nullable(),
});
