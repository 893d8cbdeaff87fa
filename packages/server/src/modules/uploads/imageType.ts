import { fileTypeFromBuffer } from 'file-type';

export type PhotoContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

const photoTypes: Record<string, PhotoContentType> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  // An animated PNG is a PNG to every browser.
  'image/apng': 'image/png',
  'image/webp': 'image/webp',
  'image/gif': 'image/gif',
};

/**
 * The photo type read from the file's own bytes (its signature), never from its name or the type the
 * sender declared: a script renamed to `.jpg` is refused. Null for anything that is not a photo we serve.
 */
export async function detectPhotoType(bytes: Uint8Array): Promise<PhotoContentType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected ? photoTypeOf(detected.mime) : null;
}

/** The photo type of a type detected from the bytes; null when it is not a photo we serve. */
export function photoTypeOf(detectedMime: string): PhotoContentType | null {
  return photoTypes[detectedMime] ?? null;
}

/** `jpg`, `png`, `webp` or `gif`: for the file name a photo is offered under. */
export function photoExtension(contentType: string): string {
  return contentType === 'image/jpeg' ? 'jpg' : contentType.replace(/^image\//, '');
}
