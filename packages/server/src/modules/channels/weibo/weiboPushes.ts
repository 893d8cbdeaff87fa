import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../../clock';
import { KefuError } from '../../../errors';
import type { ChannelQuery, InboundMessage } from '../channelAdapter';
import { signaturesMatch, signWeChat } from '../wechat/wechatMessageCrypto';

/** How far the signed timestamp may be from now: the signature does not cover the body. */
const timestampToleranceMs = 5 * 60_000;

/**
 * The fan-service platform's proof (the same scheme as WeChat's, keyed by the app's App Secret): `signature`
 * is the SHA-1 of appsecret, timestamp and nonce sorted and joined; the timestamp (milliseconds, as Weibo
 * sends it) within five minutes. A 401 otherwise.
 * https://open.weibo.com/wiki/Messages_api_start
 */
export function verifyWeiboSignature(appSecret: string, query: ChannelQuery, clock: Clock): void {
  const { timestamp, nonce, signature } = query;
  if (!timestamp || !/^\d{1,15}$/.test(timestamp) || !nonce || !signature)
    throw new KefuError('platform_signature_invalid');
  const value = Number(timestamp);
  const sentAtMs = value >= 1e11 ? value : value * 1000;
  if (Math.abs(clock.now().getTime() - sentAtMs) > timestampToleranceMs)
    throw new KefuError('platform_signature_invalid');
  if (!signaturesMatch(signature, signWeiboPush(appSecret, timestamp, nonce)))
    throw new KefuError('platform_signature_invalid');
}

export function signWeiboPush(appSecret: string, timestamp: string, nonce: string): string {
  return signWeChat(appSecret, [timestamp, nonce]);
}

const weiboIdSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)])
  .transform(String);

/** A pushed message or event: `type`, `receiver_id`, `sender_id`, `created_at`, `text`, `data`. */
export const weiboPushSchema = z.object({
  type: z.string().min(1).max(32),
  receiver_id: weiboIdSchema,
  sender_id: weiboIdSchema,
  created_at: z.string().min(1).max(64),
  text: z.string().max(10_000).default(''),
  data: z
    .union([z.record(z.string(), z.unknown()), z.string(), z.null()])
    .optional()
    .transform(readData),
});

type WeiboPush = z.infer<typeof weiboPushSchema>;

export function readWeiboPush(body: unknown): WeiboPush {
  const parsed = weiboPushSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KefuError(
      'platform_body_invalid',
      issue ? `${issue.path.join('.')}: ${issue.message}` : undefined,
    );
  }
  return parsed.data;
}

/**
 * The shopper's message a push carries, or null: text as written; a menu click (`click`) is the item's
 * `key`, as if typed (menu keys are the shop's words); images, voice and places become a label for the agent.
 * Following and other events, pushes for another account and types Weibo may add later store nothing (as its
 * documentation asks). Weibo names no message id: a push is keyed by sender + `created_at` (what Weibo repeats
 * on retry, as it recommends) and a digest of its content, so two messages in one second stay apart.
 */
export function convertWeiboPushToInbound(
  push: WeiboPush,
  account: { id: string; uid: string },
): InboundMessage | null {
  if (push.receiver_id !== account.uid) return null;
  const text = textOf(push);
  if (text === null) return null;
  const digest = createHash('sha256')
    .update(JSON.stringify([push.type, push.text, push.data]))
    .digest('hex')
    .slice(0, 16);
  const sentAt = new Date(push.created_at);
  return {
    channel: 'weibo',
    accountId: account.id,
    externalMessageId: `${push.sender_id}:${push.created_at}:${digest}`,
    sender: { externalId: push.sender_id },
    text: text.slice(0, 4000),
    sentAt: Number.isNaN(sentAt.getTime()) ? null : sentAt,
  };
}

function textOf(push: WeiboPush): string | null {
  switch (push.type) {
    case 'text':
      return push.text.trim().length > 0 ? push.text : null;
    case 'event':
      // Only a menu click is the shopper's words; follow, unfollow, subscribe, scan, view store nothing.
      return push.data.subtype === 'click' ? (stringOf(push.data.key) ?? null) : null;
    case 'position': {
      const where = [stringOf(push.data.latitude), stringOf(push.data.longitude)].filter(Boolean).join(', ');
      return where ? `[位置]\n${where}` : '[位置]';
    }
    case 'image':
      return '[图片]';
    case 'voice':
      return '[语音]';
    default:
      return null;
  }
}

function readData(data: Record<string, unknown> | string | null | undefined): Record<string, unknown> {
  if (data && typeof data === 'object') return data;
  if (typeof data !== 'string' || data.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? { ...parsed } : {};
  } catch {
    return {};
  }
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
