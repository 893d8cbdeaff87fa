import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import { pickLocalizedText } from '../replyLocale';

/** Answers when nothing else did: says so honestly and offers the ways forward. */
export class FallbackStage implements BotStage {
  readonly name = 'fallback';

  async handle(turn: BotTurn): Promise<BotDecision> {
    const zh = turn.locale !== 'en';
    return {
      stage: this.name,
      replies: [
        {
          text: pickLocalizedText(turn.locale, {
            zh: '抱歉，我暂时没能理解您的问题。您可以换个说法，或者点击下方按钮：',
            en: "Sorry, I didn't quite get that. Could you rephrase it, or pick one of these:",
          }),
          quickReplies: [
            { label: zh ? '查物流' : 'Track my order', text: zh ? '我的快递到哪了' : 'Where is my order?' },
            { label: zh ? '退换货' : 'Returns', text: zh ? '我想退货' : 'I want to return an item' },
            { label: zh ? '转人工' : 'Human agent', text: zh ? '转人工' : 'Talk to a human' },
          ],
        },
      ],
      handoff: null,
    };
  }
}
