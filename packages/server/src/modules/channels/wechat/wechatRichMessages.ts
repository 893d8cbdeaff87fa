import type { Message, ProductCard, QuickReply } from '@kefu/sdk';
import type { OutboundMessage } from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import type { Clock } from '../../../clock';
import type { WeChatApiClient } from './wechatApiClient';
import type { WeChatRichSources } from './wechatMedia';
import { WeChatMediaUploads } from './wechatMedia';
import { choiceId } from '../numberedChoice';

/** Which WeChat send API a message goes through; each takes its own shapes of cards. */
export type WeChatFlavour = 'wechat' | 'miniprogram' | 'wecom_kf';

/** One call of a message: its text, a photo, a product card, or (WeCom kf) the bot's choices as a menu. */
export type WeChatPart =
  | { kind: 'text'; content: string }
  | { kind: 'image'; uploadId: string }
  | { kind: 'card'; card: ProductCard; url: string }
  | { kind: 'menu'; head: string | null; choices: QuickReply[]; offerId: string };

export interface RichSendTarget {
  flavour: WeChatFlavour;
  api: WeChatApiClient;
  media: WeChatMediaUploads;
  sources: WeChatRichSources | null;
  /** A mini program's page of a product (`…{productId}…`): cards open it as a mini program card. */
  productPagePath?: string | null | undefined;
  /** `/cgi-bin/message/custom/send` or `/cgi-bin/kf/send_msg`. */
  sendPath: string;
  /** The fields every call carries besides its content: the recipient (and WeCom's account and msgid). */
  envelope(recipientId: string, partIndex: number, outbound: OutboundMessage): Record<string, unknown>;
}

/**
 * The customer-service message API of an Official Account or a mini program (`message/custom/send`, which
 * names no message id).
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html
 */
export function customServiceTarget(
  flavour: 'wechat' | 'miniprogram',
  api: WeChatApiClient,
  clock: Clock,
  sources: WeChatRichSources | null,
  productPagePath: string | null,
): RichSendTarget {
  return {
    flavour,
    productPagePath: flavour === 'miniprogram' ? productPagePath : null,
    api,
    media: new WeChatMediaUploads(api, clock),
    sources,
    sendPath: '/cgi-bin/message/custom/send',
    envelope: (recipientId) => ({ touser: recipientId }),
  };
}

/** WeCom's menu: at most 10 choices, each shown in at most 128 bytes, the head in at most 1,024. */
const maxMenuChoices = 10;
const maxChoiceBytes = 128;
const maxMenuHeadBytes = 1024;

/**
 * Sends a message as the calls WeChat takes, in order: the text (on WeCom kf the menu of the bot's choices
 * carries it), each photo uploaded as temporary media, then the product card. Each accepted call is
 * recorded on the delivery, so a retried delivery sends only the parts not yet accepted.
 */
export async function sendRichWeChatMessage(
  target: RichSendTarget,
  outbound: OutboundMessage,
): Promise<{ externalId: string | null }> {
  const recipientId = outbound.recipient.externalId;
  if (!recipientId) throw new DeliveryError('the conversation has no WeChat shopper to write to', false);
  const parts = planWeChatParts(
    outbound.message,
    target.flavour,
    target.sources?.publicUrl ?? null,
    target.productPagePath ?? null,
  );
  if (parts.length === 0) throw new DeliveryError('the message has nothing WeChat can show', false);
  let externalId: string | null = null;
  for (let index = outbound.parts?.alreadySent ?? 0; index < parts.length; index += 1) {
    const part = parts[index];
    if (!part) continue;
    const content = await renderPart(target, part);
    const answer = await target.api.post(target.sendPath, {
      ...target.envelope(recipientId, index, outbound),
      ...content,
    });
    if (typeof answer.msgid === 'string') externalId = answer.msgid;
    await outbound.parts?.recordSent(index + 1);
  }
  return { externalId };
}

/**
 * The calls a (fitted) message needs on this flavour. A card whose page cannot be opened from WeChat adds
 * nothing (the text is complete) unless a mini program names its own product page (its card needs the
 * product's picture as cover); on WeCom kf a card without a picture (its link needs one) becomes a line
 * of the text, as does a photo that is not uploaded to Kefu.
 */
export function planWeChatParts(
  message: Message,
  flavour: WeChatFlavour,
  publicUrl: string | null,
  productPagePath: string | null = null,
): WeChatPart[] {
  const lines: string[] = [];
  const photos: WeChatPart[] = [];
  for (const attachment of message.attachments.filter((file) => file.contentType.startsWith('image/')))
    if (attachment.uploadId) photos.push({ kind: 'image', uploadId: attachment.uploadId });
    else if (/^https?:\/\//i.test(attachment.url)) lines.push(attachment.url);
  const card = message.card?.type === 'product' ? message.card : null;
  const url = card
    ? (openableUrl(card.url, publicUrl) ?? (productPagePath && card.imageUrl ? '' : null))
    : null;
  const cardParts: WeChatPart[] = [];
  if (card && url !== null)
    if (flavour === 'wecom_kf' && !card.imageUrl) lines.push(`${card.title} ${url}`);
    else cardParts.push({ kind: 'card', card, url });
  const text = [message.text.trim(), lines.join('\n')].filter((part) => part.length > 0).join('\n\n');
  const choices = flavour === 'wecom_kf' ? message.quickReplies.slice(0, maxMenuChoices) : [];
  if (choices.length === 0)
    return [...(text ? [{ kind: 'text' as const, content: text }] : []), ...photos, ...cardParts];
  if (Buffer.byteLength(text) <= maxMenuHeadBytes)
    return [{ kind: 'menu', head: text || null, choices, offerId: message.id }, ...photos, ...cardParts];
  const menu: WeChatPart = { kind: 'menu', head: null, choices, offerId: message.id };
  return [{ kind: 'text', content: text }, ...photos, ...cardParts, menu];
}

/** An absolute http(s) page; a path on the Kefu server under its public address when one is set. */
function openableUrl(url: string | null, publicUrl: string | null): string | null {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  if (publicUrl && url.startsWith('/')) return `${publicUrl.replace(/\/+$/, '')}${url}`;
  return null;
}

async function renderPart(target: RichSendTarget, part: WeChatPart): Promise<Record<string, unknown>> {
  switch (part.kind) {
    case 'text':
      return { msgtype: 'text', text: { content: part.content } };
    case 'image':
      return { msgtype: 'image', image: { media_id: await uploadPhoto(target, part.uploadId) } };
    case 'card':
      return renderCard(target, part.card, part.url);
    case 'menu':
      return renderMenu(part);
  }
}

async function uploadPhoto(target: RichSendTarget, uploadId: string): Promise<string> {
  if (!target.sources) throw new DeliveryError('photos cannot be read for WeChat here', false);
  return target.media.mediaIdOf(await target.sources.readPhoto(uploadId));
}

/**
 * Official Accounts: a news message of one article; mini programs: a link; WeCom kf: a link whose picture
 * is uploaded first (a picture that cannot be fetched leaves the card as a line of text).
 */
async function renderCard(
  target: RichSendTarget,
  card: ProductCard,
  url: string,
): Promise<Record<string, unknown>> {
  const description = describeProduct(card);
  const picture = card.imageUrl && /^https?:\/\//i.test(card.imageUrl) ? card.imageUrl : null;
  if (target.flavour === 'wechat')
    return {
      msgtype: 'news',
      news: { articles: [{ title: card.title, description, url, ...(picture && { picurl: picture }) }] },
    };
  if (target.flavour === 'miniprogram') {
    const page = target.productPagePath && picture ? await miniProgramPage(target, card, picture) : null;
    if (page) return page;
    // Planned for the mini program page alone: without it there is no page to link to.
    if (!url) return { msgtype: 'text', text: { content: card.title } };
    return { msgtype: 'link', link: { title: card.title, description, url, thumb_url: picture ?? '' } };
  }
  const thumb = picture ? await target.media.mediaIdOfPicture(picture) : null;
  if (!thumb) return { msgtype: 'text', text: { content: `${card.title} ${url}` } };
  return { msgtype: 'link', link: { title: card.title, desc: description, url, thumb_media_id: thumb } };
}

/**
 * A mini program card opening the product's page in the mini program; its cover is the product picture,
 * uploaded (null when the picture cannot be fetched: the card goes as a link).
 */
async function miniProgramPage(
  target: RichSendTarget,
  card: ProductCard,
  picture: string,
): Promise<Record<string, unknown> | null> {
  const thumb = await target.media.mediaIdOfPicture(picture);
  if (!thumb || !target.productPagePath) return null;
  const pagepath = target.productPagePath.replace('{productId}', encodeURIComponent(card.productId));
  return {
    msgtype: 'miniprogrampage',
    miniprogrampage: { title: card.title, pagepath, thumb_media_id: thumb },
  };
}

/** The price and short facts under a card's title, e.g. `¥2499.00 · 5G 全网通`. */
export function describeProduct(card: ProductCard): string {
  const amount = (card.priceCents / 100).toFixed(2);
  const price = card.currency === 'CNY' ? `¥${amount}` : `${card.currency} ${amount}`;
  return [price, ...card.facts].join(' · ');
}

/** WeCom's menu message; each choice's id names the offering message and the choice's place (1-based). */
function renderMenu(part: Extract<WeChatPart, { kind: 'menu' }>): Record<string, unknown> {
  const list = part.choices.map((choice, index) => ({
    type: 'click',
    click: { id: choiceId(part.offerId, index + 1), content: cutToBytes(choice.label, maxChoiceBytes) },
  }));
  return { msgtype: 'msgmenu', msgmenu: { ...(part.head && { head_content: part.head }), list } };
}

function cutToBytes(text: string, maxBytes: number): string {
  let cut = '';
  for (const character of text) {
    if (Buffer.byteLength(cut + character) > maxBytes) break;
    cut += character;
  }
  return cut || '…';
}
