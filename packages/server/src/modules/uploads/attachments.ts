import type { Attachment } from '@kefu/sdk';
import { z } from 'zod';
import type { DbExecutor } from '../../db/database';
import { KefuError } from '../../errors';
import { photoExtension } from './imageType';
import * as uploadsRepo from './repo';
import { uploadFileName } from './fileName';

/** The id of an uploaded photo, as messages name it. */
export const uploadIdSchema = z.string().regex(/^upl_[0-9a-z]{1,40}$/, 'upload ids look like upl_…');

/** At most this many photos go with one message. */
export const maxPhotosPerMessage = 4;

export function visitorUploadUrl(uploadId: string): string {
  return `/api/v1/visitor/uploads/${uploadId}`;
}

export function agentUploadUrl(uploadId: string): string {
  return `/api/v1/agent/uploads/${uploadId}`;
}

/**
 * The attachments of a shopper's message from their upload ids, inside the message's transaction: each id
 * must be the shopper's own photo or file and not sent before, or nothing is stored.
 */
export async function resolvePhotoAttachments(
  trx: DbExecutor,
  customerId: string,
  uploadIds: readonly string[],
): Promise<Attachment[]> {
  const unique = [...new Set(uploadIds)];
  const rows = await uploadsRepo.listUnsentUploads(trx, customerId, unique);
  if (rows.length !== unique.length) throw new KefuError('attachment_invalid');
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.flatMap((uploadId) => {
    const row = byId.get(uploadId);
    if (!row) return [];
    return [
      {
        name: row.kind === 'file' ? uploadFileName(row) : `photo.${photoExtension(row.content_type)}`,
        url: visitorUploadUrl(row.id),
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
        uploadId: row.id,
      },
    ];
  });
}

/** Binds the photos to the stored message; a photo another message claimed meanwhile undoes the whole send. */
export async function markPhotosSent(
  trx: DbExecutor,
  attachments: readonly Attachment[],
  message: { id: string; conversationId: string },
): Promise<void> {
  const uploadIds = attachments.flatMap((attachment) => (attachment.uploadId ? [attachment.uploadId] : []));
  const marked = await uploadsRepo.markUploadsSent(trx, uploadIds, message);
  if (marked !== uploadIds.length) throw new KefuError('attachment_invalid');
}

/** An attachment as one audience fetches it: photos uploaded to Kefu through that audience's own route. */
export function withAudienceUrl(attachment: Attachment, audience: 'visitor' | 'agent'): Attachment {
  if (!attachment.uploadId) return attachment;
  const url =
    audience === 'agent' ? agentUploadUrl(attachment.uploadId) : visitorUploadUrl(attachment.uploadId);
  return { ...attachment, url };
}
