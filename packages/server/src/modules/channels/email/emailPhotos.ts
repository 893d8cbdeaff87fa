import type { ParsedMail } from 'mailparser';
import { KefuError } from '../../../errors';
import { resolveCustomerByIdentity } from '../../customers';
import { maxPhotosPerMessage } from '../../uploads';
import type { InboundMessage } from '../channelAdapter';
import type { PhotoFile } from '../wechat/wechatMedia';
import type { IngestDependencies } from '../ingestInboundMessage';
import { findInboundMessage } from '../inboundRepo';

/** Where a shopper's photos are kept: the uploads module's checked storage, within its size limit. */
export interface ShopperPhotos {
  /** Stores the bytes when they are a JPEG, PNG, WebP or GIF (checked from the bytes); the upload's id. */
  store(customerId: string, bytes: Buffer): Promise<string>;
  /** A stored photo's bytes, for platforms that take the photo itself (WeChat's media upload). */
  read(uploadId: string): Promise<PhotoFile>;
  maxBytes: number;
}

/**
 * The mail's photos stored as the shopper's uploads, so they go with the message as the widget's photos do:
 * agents see them and the bot asks about them. At most four, each within the upload limit and a photo by its
 * own bytes; anything else stays listed by name in the text only. Nothing is stored for a mail already taken.
 */
export async function storeMailPhotos(
  dependencies: { ingest: IngestDependencies; photos: ShopperPhotos },
  mail: ParsedMail,
  message: InboundMessage,
): Promise<InboundMessage> {
  const candidates = mail.attachments
    .filter((attachment) => attachment.contentType.startsWith('image/'))
    .filter((attachment) => attachment.size <= dependencies.photos.maxBytes)
    .slice(0, maxPhotosPerMessage);
  if (candidates.length === 0 || !('externalId' in message.sender)) return message;
  if (await findInboundMessage(dependencies.ingest.db, message)) return message;
  const sender = message.sender;
  const customerId = await dependencies.ingest.unitOfWork.run(async (context) => {
    const identity = { channel: message.channel, externalId: sender.externalId };
    const resolved = await resolveCustomerByIdentity(context.trx, context.emit, identity, context.now);
    return resolved.customer.id;
  });
  const uploadIds: string[] = [];
  for (const attachment of candidates) {
    const stored = await dependencies.photos.store(customerId, attachment.content).catch((error: unknown) => {
      if (error instanceof KefuError && error.code === 'upload_type_unsupported') return null;
      throw error;
    });
    if (stored) uploadIds.push(stored);
  }
  return uploadIds.length > 0 ? { ...message, uploadIds } : message;
}
