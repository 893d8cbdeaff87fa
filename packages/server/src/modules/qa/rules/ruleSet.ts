import { z } from 'zod';

export const qaRuleIds = [
  'greeting',
  'closing',
  'response_time',
  'long_silence',
  'forbidden_words',
  'unkeepable_promise',
  'personal_data',
  'no_solution',
  'ignored_anger',
  'negative_end',
] as const;
export type QaRuleId = (typeof qaRuleIds)[number];

/**
 * One rule's settings. `weight`: points off per flagged moment; `maxPoints`: the most the rule takes off one
 * conversation; `seconds`: the time limit of timing rules; `phrases`: what the rule looks for (greetings,
 * closings, forbidden words, promises, solution or apology wording), zh and en alike, case-insensitive.
 */
export const qaRuleSettingsSchema = z
  .object({
    enabled: z.boolean(),
    weight: z.number().min(0).max(100),
    maxPoints: z.number().min(0).max(100),
    seconds: z.number().int().min(1).max(86_400).nullable(),
    phrases: z.array(z.string().trim().min(1).max(60)).max(200),
  })
  .strict();
export type QaRuleSettings = z.infer<typeof qaRuleSettingsSchema>;

export const qaRulesSchema = z
  .object({
    greeting: qaRuleSettingsSchema,
    closing: qaRuleSettingsSchema,
    response_time: qaRuleSettingsSchema,
    long_silence: qaRuleSettingsSchema,
    forbidden_words: qaRuleSettingsSchema,
    unkeepable_promise: qaRuleSettingsSchema,
    personal_data: qaRuleSettingsSchema,
    no_solution: qaRuleSettingsSchema,
    ignored_anger: qaRuleSettingsSchema,
    negative_end: qaRuleSettingsSchema,
  })
  .strict();
export type QaRules = z.infer<typeof qaRulesSchema>;

const rule = (
  weight: number,
  maxPoints: number,
  seconds: number | null,
  phrases: string[] = [],
): QaRuleSettings => ({
  enabled: true,
  weight,
  maxPoints,
  seconds,
  phrases,
});

/** The rule set a new install starts with; supervisors change weights, limits and wording. */
export const defaultQaRules: QaRules = {
  greeting: rule(5, 5, null, [
    '您好',
    '你好',
    '欢迎',
    '很高兴为您服务',
    '亲',
    'hello',
    'hi',
    'good morning',
    'good afternoon',
    'good evening',
    'welcome',
    'thanks for contacting',
    'thank you for contacting',
  ]),
  closing: rule(5, 5, null, [
    '还有什么可以帮',
    '还有其他问题',
    '还有别的问题',
    '祝您',
    '感谢您',
    '谢谢您',
    '再见',
    'anything else',
    'have a nice day',
    'have a great day',
    'thank you for',
    'thanks for',
    'goodbye',
    'bye',
  ]),
  response_time: rule(3, 15, 60),
  long_silence: rule(8, 24, 300),
  forbidden_words: rule(20, 40, null, [
    '滚开',
    '笨蛋',
    '蠢',
    '傻',
    '神经病',
    '你有病',
    '烦死了',
    '不关我的事',
    '关我什么事',
    '爱买不买',
    '投诉也没用',
    '随便你',
    'stupid',
    'idiot',
    'shut up',
    'not my problem',
    'whatever',
    'dumb',
  ]),
  unkeepable_promise: rule(15, 30, null, [
    '保证',
    '一定能',
    '绝对',
    '百分之百',
    '100%',
    '肯定没问题',
    '明天一定',
    '马上就到',
    '包您满意',
    'guarantee',
    'i promise',
    'definitely',
    'for sure',
    '100 percent',
  ]),
  personal_data: rule(20, 40, null),
  no_solution: rule(15, 15, null, [
    '为您',
    '帮您',
    '给您',
    '已经',
    '处理',
    '安排',
    '补发',
    '退款',
    '换货',
    '退货',
    '重新发',
    '建议',
    '可以',
    '申请',
    '解决',
    '提交',
    'refund',
    'replace',
    'resend',
    'arrange',
    'resolved',
    'fixed',
    'you can',
    'i have',
    "i've",
    'we will',
    "we'll",
    'submitted',
    'processed',
    'here is',
  ]),
  ignored_anger: rule(15, 30, null, [
    '抱歉',
    '对不起',
    '不好意思',
    '理解您',
    '非常理解',
    '给您带来',
    '请您放心',
    '别着急',
    'sorry',
    'apologi',
    'understand',
    'frustrat',
  ]),
  negative_end: rule(10, 10, null),
};

/** Rule names for people, zh-CN and English. */
export const qaRuleNames: Record<QaRuleId, readonly [zh: string, en: string]> = {
  greeting: ['未问候', 'No greeting'],
  closing: ['未礼貌结束', 'No closing'],
  response_time: ['回复慢', 'Slow reply'],
  long_silence: ['长时间未回复', 'Long silence'],
  forbidden_words: ['不文明用语', 'Rude or forbidden words'],
  unkeepable_promise: ['过度承诺', 'Promise the shop cannot keep'],
  personal_data: ['泄露个人信息', 'Personal data exposed'],
  no_solution: ['未提供解决方案', 'No solution offered'],
  ignored_anger: ['忽视顾客情绪', 'Angry shopper ignored'],
  negative_end: ['结束时顾客情绪负面', 'Shopper negative at the end'],
};

export function isQaRuleId(value: string): value is QaRuleId {
  return (qaRuleIds as readonly string[]).includes(value);
}
