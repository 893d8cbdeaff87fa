import { KefuError } from '../../errors';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import type { ReplyLocale } from '../../replyLocale';
import type { CommerceFailure } from '../commerce';

/** What the agent is told when the shop says no: never a guessed success. */
export function toKefuError(failure: CommerceFailure): KefuError {
  switch (failure.kind) {
    case 'not_found':
      return new KefuError('order_not_found');
    case 'rejected':
      return new KefuError('order_action_rejected', `The shop refused: ${failure.reason}`);
    case 'unsupported':
      return new KefuError('order_action_unsupported');
    case 'unavailable':
      return new KefuError('shop_unavailable');
  }
}

/** A sentence for the shopper in their language (traditional script for zh-TW). */
export function speak(locale: ReplyLocale, zh: string, en: string): string {
  return localizeReply(pickLocalizedText(locale, { zh, en }), locale);
}
