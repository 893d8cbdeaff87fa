import type { SendMailOptions } from 'nodemailer';
import type { EmailSettings } from '../accounts/channelAccountSchemas';
import type { OutboundMessage } from '../channelAdapter';

/** Bilingual, as the shop has not told us the shopper's language when there is no subject to answer. */
const defaultSubject = '您的咨询 / Your enquiry';

export type ReplyMail = SendMailOptions & { messageId: string };

/**
 * The reply as a mail client threads it: `Re:` and the shopper's subject, In-Reply-To their message and
 * References the thread so far. The Message-ID is stable across attempts (it is made from the delivery's
 * idempotency key) and carries the conversation, so a shopper's answer to it can find its way back.
 * The bot's answers say `Auto-Submitted: auto-replied` (RFC 3834), so well-behaved auto-responders stay quiet.
 */
export function composeReplyMail(settings: EmailSettings, outbound: OutboundMessage, to: string): ReplyMail {
  const domain = settings.address.split('@')[1] ?? 'kefu.invalid';
  const messageId = `<${outbound.idempotencyKey}.${outbound.conversationId}@${domain}>`;
  const parent = outbound.inReplyTo;
  const references = parent
    ? [...(parent.thread?.references ?? []), parent.externalMessageId].filter(unique)
    : [];
  const text = outbound.message.text;
  return {
    from: settings.fromName ? { name: settings.fromName, address: settings.address } : settings.address,
    to,
    subject: replySubject(parent?.thread?.subject ?? ''),
    messageId,
    ...(parent && { inReplyTo: parent.externalMessageId, references }),
    text,
    html: toSimpleHtml(text),
    headers: outbound.message.sender === 'bot' ? { 'Auto-Submitted': 'auto-replied' } : {},
  };
}

/** `Re: ` once, before the shopper's subject (any `Re:`/`回复：`/`答复：` prefixes of theirs folded into one). */
export function replySubject(subject: string): string {
  const bare = subject.replace(/^(\s*(re|aw|回复|答复)\s*[:：]\s*)+/i, '').trim();
  return `Re: ${bare || defaultSubject}`;
}

function unique(value: string, index: number, all: string[]): boolean {
  return all.indexOf(value) === index;
}

/** Paragraphs and line breaks, every character escaped; links left as text (clients link them). */
export function toSimpleHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  const paragraphs = escaped.split(/\n{2,}/).map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body>${paragraphs.join('\n')}</body></html>`;
}
