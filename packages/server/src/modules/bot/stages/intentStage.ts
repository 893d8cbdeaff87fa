import { mentionsBot, refusesBot } from '../smallTalk';
import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import { pickLocalizedText } from '../../../replyLocale';

/** Words of a request for a person; "扫地机器人" or "robot vacuum" alone is a product, not a request. */
const personWords =
  /人工|真人|客服|找人|转人|轉人|有人|活人|经理|經理|店长|店長|主管|\b(human|agent|person|people|representative|someone|staff|operator|manager|supervisor)\b/i;

/** A request for a person, in any wording the engine recognises, that names a person. */
export function asksForPerson(turn: Pick<BotTurn, 'text' | 'understanding'>): boolean {
  const { intent } = turn.understanding;
  return intent.id === 'human_agent' && intent.confidence >= handoffConfidence && personWords.test(turn.text);
}

/** Below this the intent is a guess, and a guess must not move a shopper to the queue. */
const handoffConfidence = 0.6;

/**
 * Acts on what the engine understood where no rule answered: a request for a person (in any wording)
 * hands off; anger or a complaint gets an apology first and the offer of a person.
 */
export class IntentStage implements BotStage {
  readonly name = 'intent';

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    const { intent, sentiment } = turn.understanding;
    if (asksForPerson(turn)) {
      return {
        stage: `${this.name}:human_agent`,
        replies: [
          {
            text: pickLocalizedText(turn.locale, {
              zh: '好的，正在为您转接人工客服，请稍候～',
              en: 'Sure, connecting you to a human agent now. Please wait a moment.',
            }),
            quickReplies: [],
          },
        ],
        handoff: { reason: 'customer_request' },
      };
    }
    // "机器人别回了 / stop, bot": no person named, but the bot is not wanted — the way to one is offered.
    const notForTheBot =
      intent.id === 'human_agent' && intent.confidence >= handoffConfidence && mentionsBot(turn.text);
    if (notForTheBot || refusesBot(turn.text)) return this.offerPerson(turn);
    const complaint = intent.id === 'complaint' && intent.confidence >= handoffConfidence;
    if (sentiment.anger || complaint) return this.apologise(turn);
    return null;
  }

  private offerPerson(turn: BotTurn): BotDecision {
    return offeringPerson(turn, `${this.name}:offer_person`, {
      zh: '好的，我不多打扰了。需要人工客服的话，点下面的按钮或直接说「转人工」就可以。',
      en: "All right, I'll stay out of the way. If you'd like a person, tap the button below or just say so.",
    });
  }

  private apologise(turn: BotTurn): BotDecision {
    return offeringPerson(
      turn,
      `${this.name}:${turn.understanding.sentiment.anger ? 'anger' : 'complaint'}`,
      {
        zh: '非常抱歉给您带来了不好的体验，我们一定重视。请告诉我订单号和遇到的问题，或者直接联系人工客服为您处理。',
        en: "I'm really sorry about this experience. Please tell me your order number and what went wrong, or talk to a person right away.",
      },
    );
  }
}

/** One reply in the shopper's language with a button that asks for a person; nobody is handed over yet. */
function offeringPerson(turn: BotTurn, stage: string, text: { zh: string; en: string }): BotDecision {
  const english = turn.locale === 'en';
  return {
    stage,
    replies: [
      {
        text: pickLocalizedText(turn.locale, text),
        quickReplies: [
          { label: english ? 'Talk to a person' : '转人工', text: english ? 'Talk to a human' : '转人工' },
        ],
      },
    ],
    handoff: null,
  };
}
