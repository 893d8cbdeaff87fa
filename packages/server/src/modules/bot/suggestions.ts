import type { QuickReply } from '@kefu/sdk';
import type { ReplyLocale } from '../../replyLocale';

/** "猜你想问": questions offered when the shopper has not asked anything yet. */
export interface SuggestionSource {
  suggest(request: { locale: ReplyLocale; pageProductId: string | null }): Promise<QuickReply[]>;
}
