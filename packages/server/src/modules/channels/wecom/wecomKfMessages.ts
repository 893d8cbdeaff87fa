import { z } from 'zod';
import type { InboundMessage } from '../channelAdapter';

/** One message of `kf/sync_msg`'s `msg_list`, as far as Kefu reads it. */
const syncedMessageSchema = z.object({
  msgid: z.string().min(1).max(200),
  open_kfid: z.string().optional(),
  external_userid: z.string().optional(),
  send_time: z.number().optional(),
  /** 3: the shopper; 4: a system event; 5: a WeCom member (servicer). */
  origin: z.number(),
  msgtype: z.string(),
  /** `menu_id`: the shopper tapped a choice of a menu message (the content is the choice's label). */
  text: z.object({ content: z.string(), menu_id: z.string().min(1).max(64).optional() }).optional(),
  location: z.object({ name: z.string().optional(), address: z.string().optional() }).optional(),
  link: z.object({ title: z.string().optional(), url: z.string().optional() }).optional(),
});

export const syncMessagesAnswerSchema = z.object({
  next_cursor: z.string().optional(),
  has_more: z.number().optional(),
  msg_list: z.array(z.unknown()).default([]),
});

const shopperOrigin = 3;
const labels: Record<string, string> = {
  image: '[图片]',
  voice: '[语音]',
  video: '[视频]',
  file: '[文件]',
  location: '[位置]',
  link: '[链接]',
  miniprogram: '[小程序]',
};

/**
 * The shopper's messages among what `sync_msg` returned (events and the servicers' own messages are not the
 * shopper's), keyed by WeCom's msgid; a list item Kefu cannot read is skipped rather than failing the batch.
 * https://developer.work.weixin.qq.com/document/path/94670
 */
export function convertSyncedMessagesToInbound(
  list: readonly unknown[],
  target: { accountId: string; openKfId: string },
): InboundMessage[] {
  const messages: InboundMessage[] = [];
  for (const item of list) {
    const parsed = syncedMessageSchema.safeParse(item);
    if (!parsed.success) continue;
    const synced = parsed.data;
    if (synced.origin !== shopperOrigin || !synced.external_userid) continue;
    if (synced.open_kfid && synced.open_kfid !== target.openKfId) continue;
    messages.push({
      channel: 'wecom_kf',
      accountId: target.accountId,
      externalMessageId: synced.msgid,
      sender: { externalId: synced.external_userid },
      text: textOf(synced).slice(0, 4000),
      sentAt: synced.send_time ? new Date(synced.send_time * 1000) : null,
      ...(synced.msgtype === 'text' && synced.text?.menu_id && { choiceId: synced.text.menu_id }),
    });
  }
  return messages;
}

function textOf(synced: z.infer<typeof syncedMessageSchema>): string {
  if (synced.msgtype === 'text' && synced.text) return synced.text.content;
  const label = labels[synced.msgtype] ?? '[消息]';
  if (synced.msgtype === 'location' && synced.location)
    return [label, synced.location.name, synced.location.address].filter(Boolean).join('\n');
  if (synced.msgtype === 'link' && synced.link)
    return [label, synced.link.title, synced.link.url].filter(Boolean).join('\n');
  return label;
}

/** `kf/customer/batchget`'s answer, as far as Kefu reads it: `unionid` only with a bound Open Platform. */
export const customerBatchAnswerSchema = z.object({
  customer_list: z
    .array(z.object({ external_userid: z.string(), unionid: z.string().optional() }))
    .optional(),
});
