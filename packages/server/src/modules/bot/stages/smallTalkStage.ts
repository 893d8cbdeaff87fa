import { toSimplified } from '@kefu/nlu';
import type { QuickReply } from '@kefu/sdk';
import { humanButton, say } from '../flows/flowKit';
import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import type { ReplyLocale } from '../../../replyLocale';
import type { SmallTalkKind } from '../smallTalk';
import { detectSmallTalk } from '../smallTalk';
import type { SuggestionSource } from '../suggestions';

const whatIDo = {
  zh: '查订单物流、催发货、改地址、取消订单、退换货和退款、开发票，以及商品的规格、尺码和优惠',
  en: 'tracking and hurrying orders, changing addresses, cancellations, returns and refunds, invoices, and product details, sizes and offers',
};

/**
 * Greetings and small talk: a warm greeting that invites the question with suggestions, an honest answer to
 * "are you a bot", a calm refusal of requests for the bot's secrets, and a polite, specific answer to
 * chit-chat outside the shop's business. `kinds` limits what one instance answers (honesty comes before
 * the merchant's keyword rules; greetings after them, so a merchant's own greeting rule wins).
 */
export class SmallTalkStage implements BotStage {
  readonly name = 'small_talk';

  constructor(
    private readonly suggestions: SuggestionSource,
    private readonly now: () => Date,
    private readonly kinds: readonly SmallTalkKind[] | null = null,
  ) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    const kind = detectSmallTalk(toSimplified(turn.text));
    if (!kind || (this.kinds && !this.kinds.includes(kind))) return null;
    const reply = await this.compose(kind, turn);
    return { stage: `${this.name}:${kind}`, replies: [reply], handoff: null };
  }

  private async compose(
    kind: SmallTalkKind,
    turn: BotTurn,
  ): Promise<{ text: string; quickReplies: QuickReply[] }> {
    const { locale } = turn;
    const suggested = () => this.suggestions.suggest({ locale, pageProductId: turn.pageProductId });
    switch (kind) {
      case 'greeting':
        return { text: greetingText(turn.text, locale), quickReplies: await suggested() };
      case 'closing':
        return { text: closingText(turn.text, locale), quickReplies: [] };
      case 'identity':
        return {
          text: say(
            locale,
            `我是店铺的智能客服机器人小客，不是真人哦。${whatIDo.zh}，我都可以马上帮您办；想找真人客服的话，说“转人工”就行。`,
            `I'm Kefu, the shop's automated assistant — a bot, not a person. I can help right away with ${whatIDo.en}. If you'd like a person, just say "talk to a human".`,
          ),
          quickReplies: [humanButton(locale)],
        };
      case 'name':
        return {
          text: say(
            locale,
            '我叫小客，是店铺的智能客服～有什么可以帮您？',
            "I'm Kefu, the shop's assistant. How can I help?",
          ),
          quickReplies: await suggested(),
        };
      case 'abilities':
        return {
          text: say(
            locale,
            `我可以帮您${whatIDo.zh}。直接告诉我您的问题就好～`,
            `I can help with ${whatIDo.en}. Just tell me what you need.`,
          ),
          quickReplies: await suggested(),
        };
      case 'how_are_you':
        return {
          text: say(
            locale,
            '我很好，谢谢关心～今天有什么可以帮您？',
            "I'm doing well, thanks for asking! What can I do for you today?",
          ),
          quickReplies: await suggested(),
        };
      case 'secrets':
        return {
          text: say(
            locale,
            `内部的设置和账号信息我不能提供。购物上的事情我很乐意帮忙：${whatIDo.zh}。`,
            `I can't share internal settings or account details. I'm happy to help with your shopping: ${whatIDo.en}.`,
          ),
          quickReplies: await suggested(),
        };
      case 'time':
        return {
          text: say(
            locale,
            `现在是北京时间 ${beijingTime(this.now())}。还有什么可以帮您？`,
            `It's ${beijingTime(this.now())} in Beijing (China Standard Time). Anything else I can help with?`,
          ),
          quickReplies: [],
        };
      case 'business':
        return {
          text: say(
            locale,
            '代理、批发、样品和直播带货等商务合作由店铺的同事负责对接，我这里办理不了。需要的话我可以为您转人工，请说明合作意向并留下联系方式。',
            'Partnerships such as reselling, wholesale, samples and live-stream selling are handled by the shop’s staff, not by me. I can pass you to a person: tell them what you have in mind and how to reach you.',
          ),
          quickReplies: [humanButton(locale)],
        };
      case 'live_demo':
        return {
          text: say(
            locale,
            '店铺目前没有直播或视频讲解哦。商品的材质、尺码、功能和库存都可以直接问我，告诉我商品名称就行～',
            "The shop doesn't offer live streams or video demos at the moment. Ask me anything about a product — materials, sizes, features, stock — just tell me which one.",
          ),
          quickReplies: await suggested(),
        };
      default:
        return { text: outOfScopeText(kind, locale), quickReplies: await suggested() };
    }
  }
}

function greetingText(text: string, locale: ReplyLocale): string {
  const presence = /在吗|在嗎|在不在|有人|在么|anyone|you there/i.test(text);
  return say(
    locale,
    `${presence ? '在的～' : '您好～'}我是店铺的智能客服小客，有什么可以帮您？直接说您的问题就好，也可以点下面的常见问题：`,
    `${presence ? "Yes, I'm here! " : 'Hi there! '}I'm Kefu, the shop's assistant. What can I do for you? Just ask, or tap one of these:`,
  );
}

/** Thanks are answered with "you're welcome", a goodbye with a goodbye; the door stays open either way. */
export function closingText(text: string, locale: ReplyLocale): string {
  const thanked = /谢|謝|辛苦|麻烦|thank|thx|\bty\b|tysm|cheers/i.test(text);
  return thanked
    ? say(
        locale,
        '不客气～很高兴能帮到您。之后还有问题随时找我，祝您购物愉快！',
        "You're welcome — glad I could help. Ask me any time if anything else comes up. Happy shopping!",
      )
    : say(
        locale,
        '好的，再见～之后还有问题随时找我，祝您生活愉快！',
        'Goodbye! Ask me any time if anything else comes up. Have a great day!',
      );
}

function outOfScopeText(kind: SmallTalkKind, locale: ReplyLocale): string {
  const topic: Partial<Record<SmallTalkKind, { zh: string; en: string }>> = {
    weather: { zh: '天气我查不到哦', en: "I can't check the weather" },
    joke: { zh: '讲笑话我不太在行', en: "Jokes aren't my strong point" },
  };
  const lead = topic[kind] ?? { zh: '这个话题我帮不上忙', en: "That's outside what I can help with" };
  return say(
    locale,
    `${lead.zh}～我是店铺的客服助手，可以帮您${whatIDo.zh}。`,
    `${lead.en} — I'm the shop's assistant, here for ${whatIDo.en}.`,
  );
}

function beijingTime(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now);
}
