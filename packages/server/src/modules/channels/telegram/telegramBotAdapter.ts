import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { QuickReply } from '@kefu/sdk';
import { KefuError } from '../../../errors';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  InboundMessage,
  OutboundMessage,
  VerifiedInbound,
} from '../channelAdapter';
import { recipientAndText } from '../outboundText';
import type { TelegramCredentials, TelegramSettings } from '../accounts/channelAccountSchemas';
import { parseJsonBody } from '../parseJsonBody';
import { TelegramBotApi } from './telegramBotApi';
import { convertTelegramUpdateToInbound, readTelegramUpdate } from './telegramUpdates';

/**
 * Telegram shows text up to 4,096 characters with an inline keyboard under it (the bot's quick replies);
 * cards become their title and link, images their address. It writes to a chat any time, and repeats an
 * update until it is answered 2xx.
 */
export const telegramCapabilities: ChannelCapabilities = {
  cards: false,
  images: false,
  quickReplies: true,
  maxTextLength: 4096,
  replyWindowMs: null,
  replyDeadlineMs: null,
};

/** `callback_data` takes 1–64 bytes. */
const callbackDataMaxBytes = 64;

export interface TelegramAccount {
  id: string;
  settings: TelegramSettings;
  credentials: TelegramCredentials;
  /** The account's callback URL when the server knows its public address (set with setWebhook). */
  callbackUrl: string | null;
}

/**
 * A Telegram bot: updates arrive by webhook with the `secret_token` given to setWebhook in the
 * `X-Telegram-Bot-Api-Secret-Token` header (compared in constant time); the bot's replies go out with
 * sendMessage. A pressed inline-keyboard button is answered in the webhook's own answer
 * (`answerCallbackQuery`, as the Bot API allows), so the shopper's button stops spinning at once.
 * https://core.telegram.org/bots/api#setwebhook
 */
export class TelegramBotAdapter implements ChannelAdapter {
  readonly kind = 'telegram' as const;
  readonly capabilities = telegramCapabilities;
  private readonly api: TelegramBotApi;

  constructor(private readonly account: TelegramAccount) {
    this.api = new TelegramBotApi(account.settings.apiBaseUrl, account.credentials.botToken);
  }

  verify(rawBody: Buffer, headers: IncomingHttpHeaders): VerifiedInbound {
    const given = headers['x-telegram-bot-api-secret-token'];
    if (typeof given !== 'string' || !sameSecret(given, this.account.credentials.secretToken))
      throw new KefuError('platform_signature_invalid');
    return { customerId: null, body: readTelegramUpdate(parseJsonBody(rawBody)) };
  }

  parse(inbound: VerifiedInbound): InboundMessage[] {
    const message = convertTelegramUpdateToInbound(readTelegramUpdate(inbound.body), this.account.id);
    return message ? [message] : [];
  }

  /** A pressed button is answered in the webhook's answer; other updates get Kefu's JSON summary. */
  acknowledgementFor(inbound: VerifiedInbound): { contentType: string; body: string } | null {
    const callback = readTelegramUpdate(inbound.body).callback_query;
    if (!callback) return null;
    const body = { method: 'answerCallbackQuery', callback_query_id: callback.id };
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
  }

  async send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    const { recipientId, text } = recipientAndText(outbound, { name: 'Telegram', shopper: 'chat' });
    const { quickReplies } = outbound.message;
    const result = await this.api.call('sendMessage', {
      chat_id: recipientId,
      text,
      ...(quickReplies.length > 0 && { reply_markup: inlineKeyboardOf(quickReplies) }),
    });
    const messageId =
      result && typeof result === 'object' && 'message_id' in result ? result.message_id : null;
    return { externalId: typeof messageId === 'number' ? String(messageId) : null };
  }

  /** getMe proves the token; with a known callback URL, setWebhook points the bot at it with the secret. */
  async testConnection(): Promise<void> {
    await this.api.call('getMe');
    if (!this.account.callbackUrl) return;
    await this.api.call('setWebhook', {
      url: this.account.callbackUrl,
      secret_token: this.account.credentials.secretToken,
      allowed_updates: ['message', 'callback_query'],
    });
  }
}

/** One button per row; its `callback_data` is the quick reply's text (cut to 64 bytes), sent back when pressed. */
export function inlineKeyboardOf(quickReplies: readonly QuickReply[]) {
  return {
    inline_keyboard: quickReplies.map((quickReply) => [
      { text: quickReply.label, callback_data: cutToBytes(quickReply.text, callbackDataMaxBytes) },
    ]),
  };
}

function cutToBytes(text: string, maxBytes: number): string {
  let cut = '';
  for (const character of text) {
    if (Buffer.byteLength(cut + character) > maxBytes) break;
    cut += character;
  }
  return cut;
}

/** Equal-length digests, so neither the secret's value nor its length shows in the comparison's time. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
