import { createHash } from 'node:crypto';
import type { Clock } from '../../../clock';
import { DeliveryError } from '../channelAdapter';
import type { WeChatApiClient } from './wechatApiClient';

/** A photo's bytes as the uploads module keeps them. */
export interface PhotoFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** Where the WeChat adapters read what they upload, and the address card pages open under. */
export interface WeChatRichSources {
  /** A photo a message carries (uploaded to Kefu), by its upload id. */
  readPhoto(uploadId: string): Promise<PhotoFile>;
  /** KEFU_PUBLIC_URL: a card's page that is a path on the Kefu server (the built-in shop) opens under it. */
  publicUrl: string | null;
}

/** Temporary media lives 3 days on WeChat's side; a media id is reused for less than that. */
const reuseForMs = 60 * 60 * 60 * 1000;
const maxCachedMedia = 1000;
/** WeChat takes images up to 2 MB as temporary media (WeCom: 2 MB, Official Accounts: 10 MB). */
const maxPictureBytes = 2 * 1024 * 1024;
const pictureTimeoutMs = 10_000;

/**
 * Photos uploaded to WeChat as temporary media (`/cgi-bin/media/upload?type=image`, multipart `media`), keyed by
 * their bytes' SHA-256: a photo sent twice within 60 hours is uploaded once. Kept by the account's adapter.
 * https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
 */
export class WeChatMediaUploads {
  private readonly mediaIds = new Map<string, { mediaId: string; expiresAt: number }>();

  constructor(
    private readonly api: WeChatApiClient,
    private readonly clock: Clock,
  ) {}

  async mediaIdOf(file: PhotoFile): Promise<string> {
    const key = createHash('sha256').update(file.bytes).digest('hex');
    const now = this.clock.now().getTime();
    const cached = this.mediaIds.get(key);
    if (cached && cached.expiresAt > now) return cached.mediaId;
    const answer = await this.api.postFile('/cgi-bin/media/upload?type=image', file);
    const mediaId = answer.media_id;
    if (typeof mediaId !== 'string' || mediaId.length === 0)
      throw new DeliveryError('WeChat answered the photo upload without a media id', true);
    this.forgetOldest(now);
    this.mediaIds.set(key, { mediaId, expiresAt: now + reuseForMs });
    return mediaId;
  }

  /** A card's picture from its address, uploaded; null when the picture cannot be fetched (the card degrades). */
  async mediaIdOfPicture(url: string): Promise<string | null> {
    const picture = await fetchPicture(url);
    return picture ? this.mediaIdOf(picture) : null;
  }

  private forgetOldest(now: number): void {
    for (const [key, entry] of this.mediaIds) if (entry.expiresAt <= now) this.mediaIds.delete(key);
    const oldest = this.mediaIds.keys().next();
    if (this.mediaIds.size >= maxCachedMedia && !oldest.done) this.mediaIds.delete(oldest.value);
  }
}

/** An image at an http(s) address, within WeChat's size limit; null for anything else. */
async function fetchPicture(url: string): Promise<PhotoFile | null> {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(pictureTimeoutMs) });
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (!response.ok || !contentType.startsWith('image/')) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length === 0 || bytes.length > maxPictureBytes) return null;
    return { bytes, contentType, fileName: `picture.${contentType.slice('image/'.length) || 'jpg'}` };
  } catch {
    return null;
  }
}
