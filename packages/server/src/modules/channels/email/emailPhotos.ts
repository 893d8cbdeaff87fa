import type { ParsedMail } from 'mailparser';
import { maxPhotosPerMessage } from '../../uploads';
import type { InboundMessage } from '../channelAdapter';
import type { IngestDependencies } from '../ingestInboundMessage';
import { findInboundMessage } from '../inboundRepo';
import { storeShopperPhotos } from '../platformPhotos';

/** Where a shopper's photos are kept: the uploads module's checked storage, within its size limit. */
export interface ShopperPhotos {
  /** Stores the bytes when they are a JPEG, PNG, WebP or GIF (checked from the bytes); the upload's id. */
  store(customerId: string, bytes: Buffer): Promise<string>;
  maxBytes: number;
  /** A photo Kefu keeps (an upload), as the shopper may see it in their conversation; throws otherwise. */
  read(
    customerId: string,
    uploadId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }>;
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
  const contents = candidates.map((attachment) => attachment.content);
  const uploadIds = await storeShopperPhotos(dependencies, message, contents);
  return uploadIds.length > 0 ? { ...message, uploadIds } : message;
}
