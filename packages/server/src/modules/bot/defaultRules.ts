import type { BotRuleInput } from './schemas';

/** Rules every new shop starts with; merchants edit them in the admin. */
export const defaultBotRules: BotRuleInput[] = [
  {
    name: 'Greeting',
    matchType: 'regex',
    patterns: [
      '^(亲[～~!！,，。.]*)?(你好|您好|妳好|哈喽|嗨|在吗|在嗎|在不在|有人吗|有人嗎|hi|hello|hey|good (morning|afternoon|evening))[\\s!！~～,，.。?？呀啊呢哈]*$',
    ],
    replyZh: '您好，我是智能客服小客～请问有什么可以帮您？您可以问我订单物流、退换货、发票等问题。',
    replyEn:
      "Hello! I'm Kefu, the shop's assistant. How can I help you? You can ask me about orders, delivery, returns or invoices.",
    action: 'reply',
    priority: 10,
    enabled: true,
  },
  {
    name: 'Human agent',
    matchType: 'contains',
    patterns: [
      '转人工',
      '轉人工',
      '人工客服',
      '找人工',
      '真人',
      '人工服务',
      '人工服務',
      'human',
      'real person',
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
