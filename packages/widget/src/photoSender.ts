// Sending a photo: its local preview appears at once, the file is uploaded, then the message carrying it
// is sent like any other. A photo the server refuses (type, size) is taken back with a calm explanation;
// a photo lost to the network can be retried.
import { createClientMessageId, KefuApiError, type KefuVisitorClient } from '@kefu/sdk';
import type { ChatEntry } from './chatEntry';
import type { ChatTranscript } from './chatTranscript';
import type { PhotoLoader } from './photoView';
import type { WidgetStrings } from './widgetStrings';

export interface PhotoSenderHost {
  client: KefuVisitorClient;
  transcript: ChatTranscript;
  photos: PhotoLoader;
  strings(): WidgetStrings;
  conversationId(): string;
  showEntry(entry: ChatEntry): void;
  removeEntry(key: string): void;
  showNotice(text: string): void;
  /** Sends the entry's message (its text and uploadIds), with the usual retries. */
  deliver(key: string): void;
}

export class PhotoSender {
  private readonly files = new Map<string, File>();

  constructor(private readonly host: PhotoSenderHost) {}

  owns(key: string): boolean {
    return this.files.has(key);
  }

  send(photo: File): void {
    const strings = this.host.strings();
    if (photo.type && !photo.type.startsWith('image/')) {
      this.host.showNotice(strings.photoWrongType);
      return;
    }
    const key = createClientMessageId();
    const previewUrl = URL.createObjectURL(photo);
    const preview = { name: photo.name || 'photo', url: previewUrl, contentType: 'image/*' };
    const entry = this.host.transcript.addPending('', key, this.host.conversationId(), [preview]);
    this.files.set(key, photo);
    this.host.showEntry(entry);
    void this.upload(key);
  }

  /** Retries a failed photo: uploads it again if the upload never finished, then sends the message. */
  retry(key: string): void {
    const entry = this.host.transcript.setState(key, 'pending');
    if (!entry) return;
    this.host.showEntry(entry);
    if (entry.uploadIds) this.host.deliver(key);
    else void this.upload(key);
  }

  private async upload(key: string): Promise<void> {
    const photo = this.files.get(key);
    const entry = this.host.transcript.find(key);
    if (!photo || !entry) return;
    try {
      const upload = await this.host.client.uploadPhoto(photo, photo.name || 'photo');
      const preview = entry.message.attachments[0];
      if (preview) this.host.photos.prime(upload.url, preview.url);
      entry.uploadIds = [upload.id];
      this.host.deliver(key);
    } catch (error) {
      this.handleUploadFailure(key, error);
    }
  }

  private handleUploadFailure(key: string, error: unknown): void {
    const strings = this.host.strings();
    const refusal = describeRefusal(error, strings);
    if (refusal) {
      this.files.delete(key);
      this.host.transcript.remove(key);
      this.host.removeEntry(key);
      this.host.showNotice(refusal);
      return;
    }
    // Too many photos in a short time: the photo stays, with retry, and the shopper is asked to slow down.
    if (error instanceof KefuApiError && error.status === 429) this.host.showNotice(strings.slowDown);
    const failed = this.host.transcript.setState(key, 'failed', strings.photoNotSent);
    if (failed) this.host.showEntry(failed);
  }
}

/** What the shopper is told when the server refuses a photo; null for failures worth retrying. */
function describeRefusal(error: unknown, strings: WidgetStrings): string | null {
  if (!(error instanceof KefuApiError)) return null;
  if (error.code === 'upload_too_large') return strings.photoTooLarge(readMaxMegabytes(error.details));
  if (error.code === 'upload_type_unsupported') return strings.photoWrongType;
  return error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429
    ? strings.photoWrongType
    : null;
}

function readMaxMegabytes(details: unknown): string | null {
  const maxBytes = typeof details === 'object' && details !== null ? Reflect.get(details, 'maxBytes') : null;
  if (typeof maxBytes !== 'number') return null;
  const megabytes = maxBytes / (1024 * 1024);
  return Number.isInteger(megabytes) ? String(megabytes) : megabytes.toFixed(1);
}
