import type { QuickReply } from '@kefu/sdk';
import type { ReplyLocale } from './replyLocale';

/** "猜你想问": questions offered when the shopper has not asked anything yet. */
export interface SuggestionSource {
  suggest(request: { locale: ReplyLocale; pageProductId: string | null }): Promise<QuickReply[]>;
}

const commonQuestions: { zh: string; en: string; zhText: string; enText: string }[] = [
  { zh: '查物流', en: 'Track my order', zhText: '我的快递到哪了', enText: 'Where is my order?' },
  { zh: '退换货', en: 'Returns', zhText: '我想退换货', enText: 'I want to return an item' },
  { zh: '开发票', en: 'Invoice', zhText: '怎么开发票', enText: 'How do I get an invoice?' },
  { zh: '运费和配送', en: 'Shipping', zhText: '运费怎么算', enText: 'How much is shipping?' },
];

/** The questions most shoppers ask, for a shop without its own statistics yet. */
export const commonSuggestions: SuggestionSource = {
  async suggest({ locale }) {
    return commonQuestions.map((question) =>
      locale === 'en'
        ? { label: question.en, text: question.enText }
        : { label: question.zh, text: question.zhText },
    );
  },
};
