// Tiny real images (1×1 pixel) in each accepted format, and a multipart upload as a browser sends it.
export const photoBytes = {
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
  gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  webp: Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
  jpeg: Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
};

export interface UploadResult {
  status: number;
  body: unknown;
}

/** POSTs one file as multipart/form-data in the field `field` (default `file`). */
export async function uploadFile(
  baseUrl: string,
  token: string | null,
  file: { bytes: Uint8Array; name: string; type: string },
  field = 'file',
): Promise<UploadResult> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(`${baseUrl}/api/v1/visitor/uploads`, { method: 'POST', headers, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export function readUploadId(body: unknown): string {
  const upload = typeof body === 'object' && body !== null ? Reflect.get(body, 'upload') : undefined;
  const id = typeof upload === 'object' && upload !== null ? Reflect.get(upload, 'id') : undefined;
  if (typeof id !== 'string') throw new Error(`no upload id in ${JSON.stringify(body)}`);
  return id;
}
