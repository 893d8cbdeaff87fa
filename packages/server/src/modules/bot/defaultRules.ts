import type { BotRuleInput } from './schemas';

/** Rules every new shop starts with; merchants edit them in the admin. Greetings are small talk (see smallTalk.ts). */
export const defaultBotRules: BotRuleInput[] = [
  {
    name: 'Human agent',
    matchType: 'contains',
    patterns: [
      '转人工',
      '轉人工',
      '人工客服',
      '找人工',
      '真人客服',
      '找真人',
      '人工服务',
      '人工服務',
      'human agent',
      'talk to a human',
      'speak to a human',
      'talk to a person',
      'live agent',
      'talk to an agent',
      'speak to an agent',
    ],
    replyZh: '好的，正在为您转接人工客服，请稍候～',
    replyEn: 'Sure, connecting you to a human agent now. Please wait a moment.',
    action: 'handoff',
    priority: 20,
    enabled: true,
  },
  {
    name: 'Thanks',
    matchType: 'regex',
    patterns: [
      '^(好的[,，]?)?(谢谢|謝謝|多谢|多謝|感谢|感謝|thanks|thank you|thx|ty)[\\s!！~～,，.。呀啊哈亲]*$',
    ],
    replyZh: '不客气～祝您购物愉快！还有其他问题随时找我哦。',
    replyEn: "You're welcome! Happy shopping, and ask me any time.",
    action: 'reply',
    priority: 30,
    enabled: true,
  },
];
