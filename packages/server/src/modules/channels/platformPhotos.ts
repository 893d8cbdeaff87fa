import { KefuError } from '../../errors';
import { resolveCustomerByIdentity } from '../customers';
import type { ChannelAdapter, InboundMessage } from './channelAdapter';
import type { IngestDependencies } from './ingestInboundMessage';
import { findInboundMessage } from './inboundRepo';

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
  /** A photo attached to a message, for platforms that take the photo itself (WeChat's media upload). */
  readForDelivery(uploadId: string): Promise<{ bytes: Buffer; contentType: string; fileName: string }>;
}

/** Told to agents in the message when the platform's photo could not be fetched or is not a photo. */
export const photoNotFetchedNote = '[图片未能获取 / The photo could not be fetched]';

export interface PlatformPhotoDependencies {
  ingest: IngestDependencies;
  photos: ShopperPhotos | null;
  logger: { warn(details: object, message: string): void };
}

/**
 * Fetches the photo a platform keeps behind its API (Telegram's file_id) and stores it as the shopper's
 * upload, so it goes with the message as the widget's photos do, its caption as the text. The largest size
 * within the upload limit is taken. When it cannot be fetched the message is stored all the same, with a note
 * for the agent. Nothing is fetched for a message already taken (the platform delivered it again).
 */
export async function fetchPlatformPhoto(
  dependencies: PlatformPhotoDependencies,
  adapter: ChannelAdapter,
  message: InboundMessage,
): Promise<InboundMessage> {
  const { ingest, photos } = dependencies;
  const photo = message.platformPhoto;
  if (!photo || !adapter.downloadFile || !photos) return message;
  if (await findInboundMessage(ingest.db, message)) return message;
  const { maxBytes } = photos;
  const size = photo.sizes.filter((candidate) => (candidate.sizeBytes ?? 0) <= maxBytes).at(-1);
  try {
    if (!size) throw new KefuError('upload_too_large');
    const bytes = await adapter.downloadFile(size.fileId, maxBytes);
    const [uploadId] = await storeShopperPhotos({ ingest, photos }, message, [bytes]);
    if (!uploadId) throw new KefuError('upload_type_unsupported');
    return { ...message, text: photo.caption, uploadIds: [uploadId] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown';
    dependencies.logger.warn({ channel: message.channel, reason }, 'a platform photo could not be fetched');
    return { ...message, text: `${message.text}\n${photoNotFetchedNote}` };
  }
}

/**
 * Stores photos a shopper sent through a platform as their uploads, ahead of the message (its sender resolved
 * the way the ingest will); bytes that are not a JPEG, PNG, WebP or GIF are left out. The uploads' ids.
 */
export async function storeShopperPhotos(
  dependencies: { ingest: IngestDependencies; photos: ShopperPhotos },
  message: InboundMessage,
  contents: readonly Buffer[],
): Promise<string[]> {
  const sender = message.sender;
  if (!('externalId' in sender)) return [];
  const customerId = await dependencies.ingest.unitOfWork.run(async (context) => {
    const identity = { channel: message.channel, externalId: sender.externalId };
    const resolved = await resolveCustomerByIdentity(context.trx, context.emit, identity, context.now);
    return resolved.customer.id;
  });
  const uploadIds: string[] = [];
  for (const content of contents) {
    const stored = await dependencies.photos.store(customerId, content).catch((error: unknown) => {
      if (error instanceof KefuError && error.code === 'upload_type_unsupported') return null;
      throw error;
    });
    if (stored) uploadIds.push(stored);
  }
  return uploadIds;
}
