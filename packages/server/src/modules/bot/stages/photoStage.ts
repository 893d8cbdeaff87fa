import type { QuickReply } from '@kefu/sdk';
import { parseDialogueState } from '../flows/dialogueState';
import { currentFlow } from '../flows/flowRegistry';
import type { BotDecision, BotStage, BotTurn } from '../pipeline';
import type { ReplyLocale } from '../../../replyLocale';
import { pickLocalizedText } from '../../../replyLocale';

export interface PhotoStageDependencies {
  /** The conversation's dialogue state (JSON), to know whether a flow asked for this photo. */
  readDialogueState(conversationId: string): Promise<string | null>;
}

/**
 * A photo sent without words, when no flow asked for one: thank the shopper briefly and ask what happened,
 * offering the usual reasons (broken, wrong or missing items) so one tap continues the conversation.
 */
export class PhotoStage implements BotStage {
  readonly name = 'photo';

  constructor(private readonly dependencies: PhotoStageDependencies) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    if (turn.attachments.length === 0 || turn.text.trim() !== '') return null;
    if (await this.flowAwaitsPhoto(turn.conversationId)) return null;
    const several = turn.attachments.length > 1;
    return {
      stage: this.name,
      replies: [
        {
          text: pickLocalizedText(turn.locale, {
            zh: `收到您的${several ? ' ' + String(turn.attachments.length) + ' 张' : ''}照片了。请问发生了什么呢？是商品破损、发错货，还是少发了东西？告诉我订单号，我马上帮您处理。`,
            en: `Thanks, I've got your photo${several ? 's' : ''}. What happened? Is the item broken, wrong or missing something? Tell me the order number and I'll sort it out.`,
          }),
          quickReplies: photoReasons(turn.locale),
        },
      ],
      handoff: null,
    };
  }

  private async flowAwaitsPhoto(conversationId: string): Promise<boolean> {
    const state = parseDialogueState(await this.dependencies.readDialogueState(conversationId));
    return currentFlow(state)?.expectsPhoto?.(state.step ?? '') ?? false;
  }
}

function photoReasons(locale: ReplyLocale): QuickReply[] {
  const reasons = [
    {
      zh: '商品破损',
      en: 'It arrived broken',
      zhText: '收到的商品破损了',
      enText: 'The item arrived broken',
    },
    { zh: '发错货了', en: 'Wrong item', zhText: '发错货了', enText: 'I received the wrong item' },
    {
      zh: '少发漏发',
      en: 'Something is missing',
      zhText: '少发了东西',
      enText: 'Something is missing from my parcel',
    },
  ];
  return reasons.map((reason) =>
    locale === 'en' ? { label: reason.en, text: reason.enText } : { label: reason.zh, text: reason.zhText },
  );
}
