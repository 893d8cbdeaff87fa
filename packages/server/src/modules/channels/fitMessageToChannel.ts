import type { Message, MessageCard } from '@kefu/sdk';
import type { ChannelCapabilities } from './channelAdapter';

const ellipsis = '…';

/**
 * A message as the channel can show it: where cards cannot be shown, a product card becomes its title and link
 * (the text is always the complete answer, so nothing else is lost), quick replies become numbered lines of
 * the text for the shopper to type, images become their addresses, and text longer than the platform takes
 * is cut with an ellipsis. Pure, so every channel's
 * outbound path degrades the same way.
 */
export function fitMessageToChannel(message: Message, capabilities: ChannelCapabilities): Message {
  const extraLines: string[] = [];
  if (!capabilities.cards && message.card) extraLines.push(...linesOfCard(message.card));
  if (!capabilities.quickReplies)
    extraLines.push(...message.quickReplies.map((quickReply, index) => `${index + 1}. ${quickReply.label}`));
  const images = message.attachments.filter((attachment) => attachment.contentType.startsWith('image/'));
  if (!capabilities.images) extraLines.push(...images.map((image) => image.url));
  const text = [message.text, extraLines.join('\n')].filter((part) => part.length > 0).join('\n\n');
  return {
    ...message,
    text: limitLength(text, capabilities.maxTextLength),
    card: capabilities.cards ? message.card : null,
    quickReplies: capabilities.quickReplies ? message.quickReplies : [],
    attachments: capabilities.images
      ? message.attachments
      : message.attachments.filter((attachment) => !images.includes(attachment)),
  };
}

/** A product card's title and page, when the page has an address the shopper can open anywhere. */
function linesOfCard(card: MessageCard): string[] {
  if (card.type !== 'product' || !card.url || !/^https?:\/\//.test(card.url)) return [];
  return [`${card.title} ${card.url}`];
}

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
function limitLength(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  return `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}${ellipsis}`;
}
