import { isKnownTimeZone } from '@kefu/sdk';
import { z } from 'zod';
import { conversationPrioritySchema } from '../../conversationWireSchemas';

export const routingModeSchema = z.enum(['least_loaded', 'round_robin', 'manual']);
export type RoutingMode = z.infer<typeof routingModeSchema>;

const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'times are HH:MM');
const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

/**
 * Opening hours in the shop's time zone (an IANA name such as Asia/Shanghai), with holidays as local dates.
 * Settings saved before time zones had names carry only a fixed UTC offset, which is used when no zone is set.
 */
export const businessHoursSchema = z
  .object({
    /** false: open around the clock. */
    enabled: z.boolean(),
    timeZone: z
      .string()
      .max(64)
      .refine(isKnownTimeZone, 'an IANA time zone name such as Asia/Shanghai')
      .optional(),
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    /** day: 0 = Sunday … 6 = Saturday, local time. */
    weekly: z
      .array(z.object({ day: z.number().int().min(0).max(6), open: clockTimeSchema, close: clockTimeSchema }))
      .max(14),
    holidays: z.array(localDateSchema).max(400),
  })
  .strict();
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Weights of the priority rules: the sum of the matching weights decides the priority. */
export const priorityRulesSchema = z
  .object({
    vipTierWeights: z.record(z.string().max(40), z.number().min(0).max(10)),
    intentWeights: z.record(z.string().max(60), z.number().min(0).max(10)),
    angerWeight: z.number().min(0).max(10),
    fallingSentimentWeight: z.number().min(0).max(10),
    /** 12315, legal action, the media, a safety risk. */
    sensitiveTopicWeight: z.number().min(0).max(10).default(5),
    waitingStepMinutes: z.number().int().min(1).max(240),
    waitingStepWeight: z.number().min(0).max(10),
    maxWaitingWeight: z.number().min(0).max(10),
    /** Waiting longer than this share of the queue target counts as an SLA risk. */
    slaRiskRatio: z.number().min(0.1).max(1),
    slaRiskWeight: z.number().min(0).max(10),
    highAt: z.number().min(0).max(50),
    urgentAt: z.number().min(0).max(50),
  })
  .strict();
export type PriorityRules = z.infer<typeof priorityRulesSchema>;

export const routingSettingsSchema = z
  .object({
    mode: routingModeSchema,
    defaultCapacity: z.number().int().min(1).max(100),
    stickyToPreviousAgent: z.boolean(),
    /** Used for the shopper's estimated wait. */
    averageHandleMinutes: z.number().min(1).max(240),
    /** How long a shopper should wait at most before an agent answers. */
    queueTargetMinutes: z.number().min(1).max(1440),
    priorityRules: priorityRulesSchema,
    businessHours: businessHoursSchema,
  })
  .strict();
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;

export const defaultRoutingSettings: RoutingSettings = {
  mode: 'least_loaded',
  defaultCapacity: 5,
  stickyToPreviousAgent: true,
  averageHandleMinutes: 6,
  queueTargetMinutes: 5,
  priorityRules: {
    vipTierWeights: { silver: 1, gold: 2, platinum: 3 },
    intentWeights: { refund: 2, complaint: 2, delivery_problem: 2 },
    angerWeight: 2,
    fallingSentimentWeight: 1,
    sensitiveTopicWeight: 5,
    waitingStepMinutes: 10,
    waitingStepWeight: 1,
    maxWaitingWeight: 2,
    slaRiskRatio: 0.8,
    slaRiskWeight: 2,
    highAt: 2,
    urgentAt: 5,
  },
  businessHours: {
    enabled: true,
    timeZone: 'Asia/Shanghai',
    utcOffsetMinutes: 480,
    weekly: [1, 2, 3, 4, 5, 6, 0].map((day) => ({ day, open: '09:00', close: '21:00' })),
    holidays: [],
  },
};

export const queueEntrySchema = z.object({
  conversationId: z.string(),
  customerId: z.string(),
  channel: z.string(),
  category: z.string(),
  language: z.string(),
  productLine: z.string().nullable(),
  priority: conversationPrioritySchema,
  teamId: z.string().nullable(),
  preferredAgentId: z.string().nullable(),
  reason: z.string(),
  enqueuedAt: z.string(),
  position: z.number().int(),
  waitingSeconds: z.number().int(),
});
export type QueueEntryView = z.infer<typeof queueEntrySchema>;
