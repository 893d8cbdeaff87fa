import type { AddressObject, HeaderValue, ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { KefuError } from '../../../errors';
import type { ChannelAccounts } from '../accounts/channelAccounts';
import type { InboundMessage } from '../channelAdapter';
import type { IngestDependencies } from '../ingestInboundMessage';
import { ingestInboundMessage } from '../ingestInboundMessage';
import { isOwnSentMessage } from '../threadConversation';
import type { ShopperFiles } from './emailAttachments';
import { isSentFile, keepMailAttachments } from './emailAttachments';
import { extractNewText } from './emailReplyText';

/** A mail the SMTP listener took in, parsed, with the envelope sender (empty for bounces). */
export class ReceivedMail {
  constructor(
    readonly mail: ParsedMail,
    readonly envelopeFrom: string,
  ) {}
}

/** What taking in a received mail needs: the accounts, the one ingest use-case and where shoppers' files are kept. */
export interface MailIntake {
  accounts: ChannelAccounts;
  ingest: IngestDependencies;
  files: ShopperFiles;
}

/**
 * The one path of a received mail, whether the SMTP listener took it or it was fetched from an IMAP mailbox:
 * the raw RFC 822 source parsed, turned into the shopper's message by the account's adapter, Kefu's own mail
 * come back (a forwarding loop) dropped, the attachments kept (or listed with why not), and the message stored
 * through the one ingest (a Message-ID already stored stores nothing new). `envelopeFrom` is the SMTP envelope
 * sender; null for fetched mail, whose Return-Path header says it. False when the account is not taking mail
 * (unknown, disabled); a malformed mail throws a 4xx KefuError.
 */
export async function takeInMail(
  intake: MailIntake,
  accountId: string,
  source: Buffer,
  envelopeFrom: string | null,
): Promise<boolean> {
  const mail = await simpleParser(source);
  const adapter = await intake.accounts.adapterFor('email', accountId);
  if (!adapter) return false;
  const received = new ReceivedMail(mail, envelopeFrom ?? returnPathOf(mail));
  for (const message of adapter.parse({ customerId: null, body: received })) {
    if (await isOwnSentMessage(intake.ingest.db, message)) continue;
    await ingestInboundMessage(intake.ingest, await keepMailAttachments(intake, mail, message));
  }
  return true;
}

/** The Return-Path a delivering server wrote (empty for a bounce: `<>`); the From address when there is none. */
function returnPathOf(mail: ParsedMail): string {
  const returnPath = mail.headers.get('return-path');
  if (returnPath === undefined) return firstAddress(mail.from)?.address ?? 'unknown';
  if (typeof returnPath === 'object' && 'value' in returnPath && Array.isArray(returnPath.value))
    return String(returnPath.value[0]?.address ?? '');
  return headerText(returnPath).replace(/^<|>$/g, '').trim();
}

/**
 * A received mail as the shopper's message: the sender's address identifies them, the Message-ID is the
 * platform's id (a resent mail stores nothing new), the text is the new part (quotes and signature cut; the
 * subject when there is none), and the subject and References are kept for the reply; the attachments are
 * added by takeInMail. Auto-replies and bounces are marked `automated`: stored for agents, never answered. A
 * mail without a sender, a Message-ID or any text or attachment is a 400.
 */
export function convertMailToInbound(received: ReceivedMail, accountId: string): InboundMessage {
  const { mail } = received;
  const sender = firstAddress(mail.from);
  if (!sender) throw new KefuError('validation_failed', 'The mail has no sender address');
  const messageId = mail.messageId?.trim();
  if (!messageId) throw new KefuError('validation_failed', 'The mail has no Message-ID');
  const subject = (mail.subject ?? '').trim();
  const body = extractNewText(mail.text ?? '') || subject;
  if (!body && !mail.attachments.some(isSentFile))
    throw new KefuError('validation_failed', 'The mail has no text');
  return {
    channel: 'email',
    accountId,
    externalMessageId: messageId,
    sender: { externalId: sender.address, displayName: sender.name || undefined },
    text: body,
    sentAt: mail.date ?? null,
    automated: isAutomated(received),
    thread: { subject, references: threadReferences(mail) },
  };
}

function firstAddress(from: AddressObject | undefined): { address: string; name: string } | null {
  const first = from?.value[0];
  const address = first?.address?.trim().toLowerCase();
  if (!address || !/^[^@\s]+@[^@\s]+$/.test(address)) return null;
  return { address, name: first?.name ?? '' };
}

function threadReferences(mail: ParsedMail): string[] {
  const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  const parent = mail.inReplyTo?.trim();
  return parent && !references.includes(parent) ? [...references, parent] : references;
}

/**
 * A machine's mail (RFC 3834 and the common conventions): a bounce (null envelope sender, mailer-daemon,
 * multipart/report delivery status) or an auto-reply (Auto-Submitted other than `no`, X-Autoreply,
 * X-Autorespond, Precedence bulk/junk/list/auto_reply).
 */
export function isAutomated(received: ReceivedMail): boolean {
  const { mail, envelopeFrom } = received;
  const from = firstAddress(mail.from)?.address ?? '';
  if (envelopeFrom === '' || /^(mailer-daemon|postmaster)@/i.test(from)) return true;
  const contentType = headerText(mail.headers.get('content-type'));
  if (/multipart\/report/i.test(contentType) && /delivery-status/i.test(headerParams(mail, 'content-type')))
    return true;
  const autoSubmitted = headerText(mail.headers.get('auto-submitted')).toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return true;
  return /^(bulk|junk|list|auto_reply)$/i.test(headerText(mail.headers.get('precedence')));
}

function headerText(value: HeaderValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string')
    return value.value.trim();
  return '';
}

function headerParams(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value && typeof value === 'object' && 'params' in value) return JSON.stringify(value.params);
  return '';
}
