import { z } from 'zod';
import { conversationPrioritySchema } from '../../conversationWireSchemas';
import { botHandoffReasons } from '../bot';

export const handoffReasonSchema = z.enum([
  ...botHandoffReasons,
  'bot_failures',
  'not_helpful',
  'anger',
  'sentiment_decline',
  'complaint',
  'sensitive_topic',
  'refund_amount',
  'vip',
  'intent_rule',
  'transfer',
]);
export type HandoffReason = z.infer<typeof handoffReasonSchema>;

const phraseListSchema = z.array(z.string().trim().min(1).max(60)).max(200);

/** Every automatic handoff trigger, each switchable and tunable by admins and supervisors. */
export const handoffSettingsSchema = z
  .object({
    botFailures: z.object({ enabled: z.boolean(), consecutive: z.number().int().min(1).max(20) }).strict(),
    notHelpful: z
      .object({ enabled: z.boolean(), count: z.number().int().min(1).max(20), phrases: phraseListSchema })
      .strict(),
    anger: z.object({ enabled: z.boolean(), angryMessages: z.number().int().min(1).max(10) }).strict(),
    sentimentDecline: z
      .object({
        enabled: z.boolean(),
        window: z.number().int().min(2).max(10),
        minimumDrop: z.number().min(0.05).max(2),
        below: z.number().min(-1).max(1),
      })
      .strict(),
    complaint: z.object({ enabled: z.boolean(), minimumConfidence: z.number().min(0).max(1) }).strict(),
    sensitiveTopics: z
      .object({
        enabled: z.boolean(),
        topics: z
          .array(z.object({ id: z.string().min(1).max(40), keywords: phraseListSchema }).strict())
          .max(30),
      })
      .strict(),
    refundAmount: z
      .object({
        enabled: z.boolean(),
        /** In CNY; amounts in other currencies are converted at rough fixed rates. */
        thresholdCny: z.number().min(0),
        intents: z.array(z.string().min(1).max(60)).max(20),
      })
      .strict(),
    vip: z.object({ enabled: z.boolean(), tiers: z.array(z.string().min(1).max(40)).max(20) }).strict(),
    intentRules: z
      .array(
        z
          .object({
            intent: z.string().min(1).max(60).optional(),
            category: z.string().min(1).max(60).optional(),
            minimumConfidence: z.number().min(0).max(1).default(0.6),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type HandoffSettings = z.infer<typeof handoffSettingsSchema>;

export const defaultHandoffSettings: HandoffSettings = {
  botFailures: { enabled: true, consecutive: 3 },
  notHelpful: {
    enabled: true,
    count: 2,
    phrases: [
      '没帮助',
      '没有帮助',
      '沒幫助',
      '沒有幫助',
      '没用',
      '沒用',
      '答非所问',
      '答非所問',
      'not helpful',
      'unhelpful',
      'useless',
    ],
  },
  anger: { enabled: true, angryMessages: 1 },
  sentimentDecline: { enabled: true, window: 3, minimumDrop: 0.4, below: -0.3 },
  complaint: { enabled: true, minimumConfidence: 0.6 },
  sensitiveTopics: {
    enabled: true,
    topics: [
      {
        id: 'legal',
        keywords: [
          '律师',
          '律師',
          '起诉',
          '起訴',
          '法院',
          '诉讼',
          '訴訟',
          '报警',
          '報警',
          'lawyer',
          'attorney',
          'lawsuit',
          'sue',
          'court',
          'legal action',
        ],
      },
      {
        id: 'regulator',
        keywords: ['12315', '消协', '消協', '市场监管', '市場監管', '工商局', 'consumer protection'],
      },
      {
        id: 'media',
        keywords: [
          '媒体',
          '媒體',
          '记者',
          '記者',
          '曝光',
          '微博',
          '央视',
          '央視',
          'journalist',
          'reporter',
          'the press',
          'social media',
        ],
      },
      {
        id: 'payment_dispute',
        keywords: [
          '重复扣款',
          '重複扣款',
          '扣了两次',
          '扣了兩次',
          '扣款两次',
          '扣款兩次',
          '多扣了',
          '付了两次',
          '付了兩次',
          'charged twice',
          'charged me twice',
          'double charged',
          'double charge',
          'charged two times',
        ],
      },
      {
        id: 'safety',
        keywords: [
          '爆炸',
          '起火',
          '着火',
          '著火',
          '冒烟',
          '冒煙',
          '受伤',
          '受傷',
          '烫伤',
          '燙傷',
          '过敏',
          '過敏',
          '中毒',
          '触电',
          '觸電',
          'exploded',
          'caught fire',
          'smoke',
          'injured',
          'injury',
          'burned',
          'allergic',
          'poisoning',
          'electric shock',
        ],
      },
    ],
  },
  refundAmount: { enabled: true, thresholdCny: 500, intents: ['refund', 'return_exchange'] },
  vip: { enabled: true, tiers: ['platinum'] },
  intentRules: [],
};

export const handoffTriggerSchema = z.object({ reason: handoffReasonSchema, detail: z.string() });
export type HandoffTrigger = z.infer<typeof handoffTriggerSchema>;

export const sentimentTrendSchema = z.enum(['falling', 'rising', 'steady', 'unknown']);

/** What the agent gets at handoff, so the shopper never has to repeat themselves. */
export const handoffSummarySchema = z.object({
  reason: z.string(),
  triggers: z.array(handoffTriggerSchema),
  intent: z.object({ id: z.string(), confidence: z.number() }).nullable(),
  category: z.string(),
  priority: conversationPrioritySchema,
  priorityReasons: z.array(z.string()),
  entities: z.array(z.object({ type: z.string(), value: z.string() })),
  sentiment: z.object({
    latest: z.number().nullable(),
    trend: sentimentTrendSchema,
    scores: z.array(z.number()),
    anger: z.boolean(),
  }),
  botAnswers: z.array(z.object({ text: z.string(), answeredBy: z.string().nullable(), at: z.string() })),
  lastQuestion: z.string().nullable(),
  customer: z.object({ id: z.string(), vipTier: z.string() }),
  language: z.string(),
  productLine: z.string().nullable(),
  customerMessageCount: z.number().int(),
  createdAt: z.string(),
});
export type HandoffSummary = z.infer<typeof handoffSummarySchema>;
