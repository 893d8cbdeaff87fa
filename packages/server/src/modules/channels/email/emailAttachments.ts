import type { Attachment as MailAttachment, ParsedMail } from 'mailparser';
import { resolveCustomerByIdentity } from '../../customers';
import type { AttachmentLimits, IncomingFile, KeptFiles } from '../../uploads';
import { describeRefusedFiles } from '../../uploads';
import type { InboundMessage } from '../channelAdapter';
import type { IngestDependencies } from '../ingestInboundMessage';
import { findInboundMessage } from '../inboundRepo';

/** Where a shopper's files are kept: the uploads module's checked storage, within its limits. */
export interface ShopperFiles {
  /** Keeps each file of an allowed kind by its own bytes and within the limits; says why the others were not. */
  keep(customerId: string, files: readonly IncomingFile[]): Promise<KeptFiles>;
  limits: AttachmentLimits;
}

/**
 * The mail's attachments kept as the shopper's uploads, so they go with the message as the widget's photos do:
 * agents see photos and download files, and the bot asks about photos. Files that were not kept (a program, a
 * web page, an unknown type, over a size limit) are listed in the text with the reason, in Chinese and English.
 * Pictures embedded in the mail's HTML (a signature's logo) are left out; nothing is stored for a mail already
 * taken.
 */
export async function keepMailAttachments(
  dependencies: { ingest: IngestDependencies; files: ShopperFiles },
  mail: ParsedMail,
  message: InboundMessage,
): Promise<InboundMessage> {
  const attachments = mail.attachments.filter(isSentFile);
  if (attachments.length === 0 || !('externalId' in message.sender)) return message;
  if (await findInboundMessage(dependencies.ingest.db, message)) return message;
  const sender = message.sender;
  const customerId = await dependencies.ingest.unitOfWork.run(async (context) => {
    const identity = { channel: message.channel, externalId: sender.externalId };
    const resolved = await resolveCustomerByIdentity(context.trx, context.emit, identity, context.now);
    return resolved.customer.id;
  });
  const files = attachments.map((attachment) => ({ name: attachment.filename, bytes: attachment.content }));
  const kept = await dependencies.files.keep(customerId, files);
  const refusals = describeRefusedFiles(kept.refused, dependencies.files.limits);
  return {
    ...message,
    text: [message.text, refusals].filter(Boolean).join('\n\n'),
    ...(kept.uploadIds.length > 0 && { uploadIds: kept.uploadIds }),
  };
}

/** A file the sender attached, not a picture the mail's HTML shows in place (`cid:`). */
export function isSentFile(attachment: MailAttachment): boolean {
  return attachment.contentDisposition !== 'inline' || !attachment.related;
}
