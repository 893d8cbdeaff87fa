// Photos in the conversation. Uploaded photos are only served with the visitor's token, so they are
// fetched by the SDK and shown from object URLs; a photo being sent shows its local preview at once.
import type { Attachment } from '@kefu/sdk';
import { createElement } from './createElement';
import type { WidgetStrings } from './widgetStrings';

export class PhotoLoader {
  private readonly objectUrls = new Map<string, Promise<string>>();

  constructor(private readonly fetchPhoto: (url: string) => Promise<Blob>) {}

  /** Shows `url` from an object URL the widget already has (the preview of a photo it just sent). */
  prime(url: string, objectUrl: string): void {
    this.objectUrls.set(url, Promise.resolve(objectUrl));
  }

  load(url: string): Promise<string> {
    if (url.startsWith('blob:')) return Promise.resolve(url);
    let loading = this.objectUrls.get(url);
    if (!loading) {
      loading = this.fetchPhoto(url).then((blob) => URL.createObjectURL(blob));
      // A failed load is tried again the next time the photo is drawn.
      loading.catch(() => this.objectUrls.delete(url));
      this.objectUrls.set(url, loading);
    }
    return loading;
  }
}

export function renderPhotos(
  attachments: readonly Attachment[],
  loader: PhotoLoader,
  strings: WidgetStrings,
): HTMLElement | null {
  const photos = attachments.filter((attachment) => attachment.contentType.startsWith('image/'));
  if (photos.length === 0) return null;
  return createElement('div', {
    className: 'kefu-photos',
    children: photos.map((photo) => renderPhoto(photo, loader, strings)),
  });
}

function renderPhoto(photo: Attachment, loader: PhotoLoader, strings: WidgetStrings): HTMLElement {
  const image = createElement('img', { className: 'kefu-photo', attributes: { alt: strings.photoLabel } });
  const frame = createElement('a', {
    className: 'kefu-photo-frame kefu-photo-frame--loading',
    attributes: { target: '_blank', rel: 'noopener', 'aria-label': strings.photoLabel },
    children: [image],
  });
  loader.load(photo.url).then(
    (objectUrl) => {
      image.src = objectUrl;
      frame.href = objectUrl;
      frame.classList.remove('kefu-photo-frame--loading');
    },
    () => {
      frame.classList.remove('kefu-photo-frame--loading');
      frame.replaceChildren(
        createElement('span', { className: 'kefu-photo-missing', text: strings.photoUnavailable }),
      );
    },
  );
  return frame;
}
