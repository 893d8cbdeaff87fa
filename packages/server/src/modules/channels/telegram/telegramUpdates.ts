import { z } from 'zod';
import { KefuError } from '../../../errors';
import type { InboundMessage, PlatformPhoto } from '../channelAdapter';

/** The Bot API's `User`, as far as Kefu reads it. https://core.telegram.org/bots/api#user */
const userSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  language_code: z.string().optional(),
});

/** `PhotoSize`: one size of a photo; `file_size` when Telegram knows it. */
const photoSizeSchema = z.object({
  file_id: z.string().min(1),
  width: z.number().int(),
  height: z.number().int(),
  file_size: z.number().int().optional(),
});

/** `Message`: the chat it is in, its sender, and its text or what else it carries. */
const messageSchema = z.object({
  message_id: z.number().int(),
  from: userSchema.optional(),
  chat: z.object({ id: z.number().int(), type: z.string() }),
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSizeSchema).optional(),
  sticker: z.object({ emoji: z.string().optional() }).optional(),
  voice: z.unknown().optional(),
  video: z.unknown().optional(),
  document: z
    .object({
      file_id: z.string().min(1),
      file_name: z.string().optional(),
      mime_type: z.string().optional(),
      file_size: z.number().int().optional(),
    })
    .optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});

/** `CallbackQuery`: a button of an inline keyboard pressed; `data` is the button's `callback_data`. */
const callbackQuerySchema = z.object({
  id: z.string().min(1),
  from: userSchema,
  message: z.object({ chat: z.object({ id: z.number().int(), type: z.string() }) }).optional(),
  data: z.string().optional(),
});

/** `Update`: one of its optional parts is present; Kefu takes messages and callback queries. */
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
type TelegramUser = z.infer<typeof userSchema>;

const labels = { photo: '[图片]', sticker: '[表情]', voice: '[语音]', video: '[视频]', document: '[文件]' };

export function readTelegramUpdate(body: unknown): TelegramUpdate {
  const parsed = telegramUpdateSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KefuError(
      'platform_body_invalid',
      issue ? `${issue.path.join('.') || 'update'}: ${issue.message}` : undefined,
    );
  }
  return parsed.data;
}

/**
 * The shopper's message an update carries, or null: a text (or a photo, sticker, file … as a label with its
 * caption), or the inline-keyboard button they pressed — its `callback_data` is the quick reply's text, taken
 * as their words. Keyed by `update_id`, which Telegram repeats when it delivers an update again. Only private
 * chats with a person are served; group chats, other bots and other updates store nothing.
 */
export function convertTelegramUpdateToInbound(
  update: TelegramUpdate,
  accountId: string,
): InboundMessage | null {
  const { message, callback_query: callback } = update;
  const base = { channel: 'telegram' as const, accountId, externalMessageId: String(update.update_id) };
  if (message) {
    if (message.chat.type !== 'private' || !message.from || message.from.is_bot) return null;
    const text = messageText(message, message.from);
    if (!text) return null;
    return {
      ...base,
      sender: senderOf(message.chat.id, message.from),
      text,
      platformPhoto: photoOf(message),
      sentAt: new Date(message.date * 1000),
    };
  }
  if (callback?.data && callback.message?.chat.type === 'private' && !callback.from.is_bot)
    return {
      ...base,
      sender: senderOf(callback.message.chat.id, callback.from),
      text: callback.data,
      sentAt: null,
    };
  return null;
}

/**
 * The photo a message carries, its sizes smallest first: a `photo` (Telegram's sizes, sorted by area), or a
 * `document` whose type is an image (a photo sent uncompressed, as a file).
 */
function photoOf(message: z.infer<typeof messageSchema>): PlatformPhoto | undefined {
  const caption = message.caption?.slice(0, 4000) ?? '';
  if (message.photo && message.photo.length > 0) {
    const sizes = [...message.photo].sort((a, b) => a.width * a.height - b.width * b.height);
    return {
      sizes: sizes.map((size) => ({ fileId: size.file_id, sizeBytes: size.file_size ?? null })),
      caption,
    };
  }
  const document = message.document;
  if (document?.mime_type?.startsWith('image/'))
    return { sizes: [{ fileId: document.file_id, sizeBytes: document.file_size ?? null }], caption };
  return undefined;
}

function senderOf(chatId: number, user: TelegramUser): InboundMessage['sender'] {
  const displayName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return { externalId: String(chatId), displayName, locale: user.language_code };
}

function messageText(message: z.infer<typeof messageSchema>, user: TelegramUser): string | null {
  // A bot's first message is `/start`: the shopper opened the chat, which the bot answers as a greeting.
  if (message.text?.trim() === '/start') return user.language_code?.startsWith('zh') ? '你好' : 'Hello';
  if (message.text) return message.text.slice(0, 4000);
  const caption = message.caption ? `\n${message.caption}` : '';
  if (message.photo) return `${labels.photo}${caption}`;
  if (message.sticker) return `${labels.sticker}${message.sticker.emoji ?? ''}`;
  if (message.voice) return labels.voice;
  if (message.video) return `${labels.video}${caption}`;
  if (message.document) return `${labels.document} ${message.document.file_name ?? ''}${caption}`.trim();
  if (message.location) return `[位置]\n${message.location.latitude}, ${message.location.longitude}`;
  return null;
}
