import { KefuError } from '../../../errors';
import type { ChannelKind } from '../../../channelKinds';
import type { Attachment } from '@kefu/sdk';
import type { InboundMessage } from '../channelAdapter';

/** Labels WeChat itself shows for content that is not text; the shopper's words come with them where any. */
const contentLabels = {
  image: '[图片]',
  voice: '[语音]',
  video: '[视频]',
  location: '[位置]',
  link: '[链接]',
  miniProgramPage: '[小程序卡片]',
};

/**
 * One pushed WeChat message (its XML fields) as Kefu's inbound message, or null for what is not a shopper's
 * message (unfollowing, opening a menu link, reporting a location). Following (`subscribe`) is an arrival, which
 * the shop greets with its welcome. Text is kept; voice brings
 * WeChat's recognition text; images, places and links become a line for the agent with their address; a
 * menu click is the menu item's key, as if the shopper had typed it (menu keys are the shop's own words).
 * A message is keyed by MsgId; an event, which has none, by sender + CreateTime (what WeChat repeats on retry).
 */
export function convertWeChatFieldsToInbound(
  fields: Readonly<Record<string, string>>,
  target: { channel: ChannelKind; accountId: string },
): InboundMessage | null {
  const sender = required(fields, 'FromUserName');
  const createTime = required(fields, 'CreateTime');
  if (!/^\d{1,12}$/.test(createTime)) throw new KefuError('platform_xml_invalid', 'CreateTime is not a time');
  const type = required(fields, 'MsgType');
  const arrival = type === 'event' && fields.Event?.toLowerCase() === 'subscribe';
  const text = arrival ? '' : type === 'event' ? eventText(fields) : messageText(type, fields);
  if (text === null) return null;
  const externalMessageId =
    type === 'event'
      ? `event:${sender}:${createTime}:${fields.Event ?? ''}`
      : required(fields, 'MsgId', fields.MsgID);
  return {
    channel: target.channel,
    accountId: target.accountId,
    externalMessageId,
    sender: { externalId: sender },
    text: text.slice(0, 4000),
    sentAt: new Date(Number(createTime) * 1000),
    ...(arrival && { arrival }),
    ...(type === 'image' && { attachments: imageAttachments(fields) }),
  };
}

/** The photo where WeChat keeps it (PicUrl), named by its MediaId (for the media API), for agents and the bot. */
function imageAttachments(fields: Readonly<Record<string, string>>): Attachment[] {
  const url = fields.PicUrl;
  if (!url || !/^https?:\/\//i.test(url)) return [];
  const mediaId = (fields.MediaId ?? '').replace(/[^0-9A-Za-z_-]/g, '').slice(0, 128);
  return [{ name: `wechat-${mediaId || 'photo'}.jpg`, url, contentType: 'image/jpeg' }];
}

function messageText(type: string, fields: Readonly<Record<string, string>>): string {
  switch (type) {
    case 'text':
      return required(fields, 'Content');
    case 'image':
      // The photo itself goes as an attachment; its address stays in the text only when it is not one.
      return fields.PicUrl && /^https?:\/\//i.test(fields.PicUrl) ? '' : contentLabels.image;
    case 'voice':
      return fields.Recognition ? fields.Recognition : contentLabels.voice;
    case 'video':
    case 'shortvideo':
      return contentLabels.video;
    case 'location':
      return joinLines(
        contentLabels.location,
        fields.Label,
        fields.Location_X && fields.Location_Y ? `${fields.Location_X}, ${fields.Location_Y}` : undefined,
      );
    case 'link':
      return joinLines(contentLabels.link, fields.Title, fields.Description, fields.Url);
    case 'miniprogrampage':
      return joinLines(contentLabels.miniProgramPage, fields.Title, fields.PagePath);
    default:
      return `[${type}]`;
  }
}

function eventText(fields: Readonly<Record<string, string>>): string | null {
  const event = required(fields, 'Event');
  if (event.toUpperCase() === 'CLICK') return required(fields, 'EventKey');
  return null;
}

function required(fields: Readonly<Record<string, string>>, name: string, fallback?: string): string {
  const value = fields[name] ?? fallback;
  if (value === undefined || value.length === 0)
    throw new KefuError('platform_xml_invalid', `The message has no ${name}`);
  return value;
}

function joinLines(...lines: (string | undefined)[]): string {
  return lines.filter((line): line is string => Boolean(line)).join('\n');
}
