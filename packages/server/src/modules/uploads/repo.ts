import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { UploadsTable } from '../../db/schema';

export type UploadRow = Selectable<UploadsTable>;

export async function insertUpload(db: DbExecutor, row: UploadRow): Promise<void> {
  await db.insertInto('uploads').values(row).execute();
}

export async function findUploadById(db: DbExecutor, uploadId: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
}

/** The customer's uploads among `uploadIds` that no message carries yet. */
export async function listUnsentUploads(
  db: DbExecutor,
  customerId: string,
  uploadIds: readonly string[],
): Promise<UploadRow[]> {
  if (uploadIds.length === 0) return [];
  return db
    .selectFrom('uploads')
    .selectAll()
    .where('id', 'in', [...uploadIds])
    .where('customer_id', '=', customerId)
    .where('message_id', 'is', null)
    .execute();
}

/** Binds uploads to the message that carries them; guarded, so two messages cannot claim one photo. */
export async function markUploadsSent(
  db: DbExecutor,
  uploadIds: readonly string[],
  message: { id: string; conversationId: string },
): Promise<number> {
  if (uploadIds.length === 0) return 0;
  const result = await db
    .updateTable('uploads')
    .set({ message_id: message.id, conversation_id: message.conversationId })
    .where('id', 'in', [...uploadIds])
    .where('message_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
