import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Attachment, QuickReply } from '@kefu/sdk';
import { KefuError } from '../../../errors';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  InboundMessage,
  OutboundMessage,
  VerifiedInbound,
} from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import type { ShopperPhotos } from '../platformPhotos';
import { recipientAndText } from '../outboundText';
import type { TelegramCredentials, TelegramSettings } from '../accounts/channelAccountSchemas';
import { parseJsonBody } from '../parseJsonBody';
import { TelegramBotApi } from './telegramBotApi';
import { convertTelegramUpdateToInbound, readTelegramUpdate } from './telegramUpdates';

/**
 * Telegram shows text up to 4,096 characters with an inline keyboard under it (the bot's quick replies) and
 * photos with a caption; cards become their title and link. It writes to a chat any time, and repeats an
 * update until it is answered 2xx.
 */
export const telegramCapabilities: ChannelCapabilities = {
  cards: false,
  images: true,
  quickReplies: true,
  maxTextLength: 4096,
  replyWindowMs: null,
  replyDeadlineMs: null,
};

/** A photo's caption takes 0–1,024 characters. */
const captionMaxLength = 1024;

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

  constructor(
    private readonly account: TelegramAccount,
    private readonly photos: ShopperPhotos | null = null,
  ) {
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

  /**
   * Text with sendMessage (its quick replies as an inline keyboard); photos with sendPhoto, uploaded as
   * multipart (Kefu's own photos need no public address), the text as the first photo's caption when it fits
   * and no keyboard goes with it, otherwise as a message before them.
   */
  async send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    const photos = outbound.message.attachments.filter((item) => item.contentType.startsWith('image/'));
    if (photos.length === 0) {
      const { recipientId, text } = recipientAndText(outbound, { name: 'Telegram', shopper: 'chat' });
      return externalIdOf(await this.sendText(recipientId, text, outbound.message.quickReplies));
    }
    const chatId = outbound.recipient.externalId;
    if (!chatId) throw new DeliveryError('the conversation has no Telegram chat to write to', false);
    const text = outbound.message.text.trim();
    const { quickReplies } = outbound.message;
    const asCaption = quickReplies.length === 0 && Array.from(text).length <= captionMaxLength;
    if (text && !asCaption) await this.sendText(chatId, text, quickReplies);
    let last: unknown = null;
    for (const [index, photo] of photos.entries()) {
      const caption = index === 0 && asCaption ? text : '';
      last = await this.sendPhoto(chatId, photo, caption, outbound.recipient.customerId);
    }
    return externalIdOf(last);
  }

  /** A file the shopper sent (a photo's size), downloaded through getFile. */
  downloadFile(fileId: string, maxBytes: number): Promise<Buffer> {
    return this.api.downloadFile(fileId, maxBytes);
  }

  private sendText(chatId: string, text: string, quickReplies: readonly QuickReply[]): Promise<unknown> {
    return this.api.call('sendMessage', {
      chat_id: chatId,
      text,
      ...(quickReplies.length > 0 && { reply_markup: inlineKeyboardOf(quickReplies) }),
    });
  }

  private async sendPhoto(chatId: string, photo: Attachment, caption: string, customerId: string) {
    const fields = { chat_id: chatId, ...(caption && { caption }) };
    if (!photo.uploadId) {
      if (!/^https?:\/\//.test(photo.url)) throw new DeliveryError('the photo has no address', false);
      return this.api.call('sendPhoto', { ...fields, photo: photo.url });
    }
    if (!this.photos) throw new DeliveryError('photos cannot be read here', false);
    const stored = await this.photos.read(customerId, photo.uploadId).catch(() => {
      throw new DeliveryError('the photo is no longer kept', false);
    });
    return this.api.callWithFile('sendPhoto', fields, {
      field: 'photo',
      bytes: stored.bytes,
      contentType: stored.contentType,
      fileName: stored.fileName,
    });
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

/** The id of the message Telegram made (`Message.message_id`). */
function externalIdOf(result: unknown): { externalId: string | null } {
  const messageId = result && typeof result === 'object' && 'message_id' in result ? result.message_id : null;
  return { externalId: typeof messageId === 'number' ? String(messageId) : null };
}

/** Equal-length digests, so neither the secret's value nor its length shows in the comparison's time. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
