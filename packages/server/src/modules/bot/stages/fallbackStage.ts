import { intentTopics } from '../intentTopics';
import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import { pickLocalizedText } from '../../../replyLocale';
import { closingText } from './smallTalkStage';

const closingWordsPattern =
  /谢|謝|拜拜|再见|再見|回见|辛苦|没事|沒事|没有了|沒有了|就这|就這|\b(?:thanks?|thank you|thx|ty|bye|goodbye|see you|that'?s all|that'?s it|nothing else)\b/i;

/** Above this the bot names the topic it understood instead of saying it did not understand. */
const namedTopicConfidence = 0.6;

/**
 * Answers when nothing else did, honestly: when the topic was understood but the bot cannot act on it,
 * it says so and offers a person; otherwise it asks to rephrase and offers the common paths.
 */
export class FallbackStage implements BotStage {
  readonly name = 'fallback';

  async handle(turn: BotTurn): Promise<BotDecision> {
    const english = turn.locale === 'en';
    const { intent, sentiment } = turn.understanding;
    const humanButton = {
      label: english ? 'Human agent' : '转人工',
      text: english ? 'Talk to a human' : '转人工',
    };
    // A thanks or goodbye in words small talk did not list is still a closing, not a topic to refuse.
    const leaving = intent.id === 'goodbye' && intent.confidence >= namedTopicConfidence;
    // "thanks for nothing", "谢谢 一点用都没有": leaving unhelped is a failure to own, not a thank-you.
    if (leaving && (sentiment.anger || sentiment.label === 'negative'))
      return {
        stage: `${this.name}:unhelped`,
        replies: [
          {
            text: pickLocalizedText(turn.locale, {
              zh: '抱歉这次没能帮到您。需要的话我马上为您转人工客服，由同事来处理。',
              en: "I'm sorry I couldn't help this time. If you like, I'll pass you to a person from our team right away.",
            }),
            quickReplies: [humanButton],
          },
        ],
        handoff: null,
      };
    if (leaving)
      return {
        stage: 'small_talk:closing',
        replies: [
          {
            // "好的" / "ok" alone only acknowledges: the shopper may still have something to ask.
            text: closingWordsPattern.test(turn.text)
              ? closingText(turn.text, turn.locale)
              : pickLocalizedText(turn.locale, {
                  zh: '好的～还有其他需要帮忙的，随时告诉我。',
                  en: 'Sure! If there is anything else, just tell me.',
                }),
            quickReplies: [],
          },
        ],
        handoff: null,
      };
    // A guessed request for a person that names no person is not a topic to name ("扫地机器人").
    const named =
      intent.confidence >= namedTopicConfidence && intent.id !== 'human_agent' && intent.id !== 'greeting';
    const topic = named ? intentTopics[intent.id] : undefined;
    if (topic) {
      return {
        stage: `${this.name}:${intent.id}`,
        replies: [
          {
            text: pickLocalizedText(turn.locale, {
              zh: `我理解您想咨询「${topic.zh}」方面的问题，这个我暂时还不能自动为您办理。需要的话可以转人工客服为您处理。`,
              en: `I understand this is about ${topic.en}, which I can't handle by myself yet. A person from our team can help you with it.`,
            }),
            quickReplies: [humanButton],
          },
        ],
        handoff: null,
      };
    }
    return {
      stage: this.name,
      replies: [
        {
          text: pickLocalizedText(turn.locale, {
            zh: '抱歉，我暂时没能理解您的问题。您可以换个说法，或者点击下方按钮：',
            en: "Sorry, I didn't quite get that. Could you rephrase it, or pick one of these:",
          }),
          quickReplies: [
            {
              label: english ? 'Track my order' : '查物流',
              text: english ? 'Where is my order?' : '我的快递到哪了',
            },
            {
              label: english ? 'Returns' : '退换货',
              text: english ? 'I want to return an item' : '我想退货',
            },
            humanButton,
          ],
        },
      ],
      handoff: null,
    };
  }
}
