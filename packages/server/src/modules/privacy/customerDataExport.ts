import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { UploadsTable } from '../../db/schema';
import { KefuError } from '../../errors';
import type { ExportedCall } from '../calls';
import { listCallsForExport } from '../calls';
import type { ExportedPushRegistration } from '../channels';
import { listPushRegistrationsForExport } from '../channels';
import type { PhotoStorage } from '../uploads';
import { renderCustomerDataPage } from './customerDataPage';
import type { ArchiveFile } from './tarArchive';
import { createTarArchive } from './tarArchive';

export interface CustomerDataExport {
  exportedAt: string;
  customer: {
    id: string;
    displayName: string | null;
    email: string | null;
    phone: string | null;
    locale: string | null;
    vipTier: string;
    tags: string;
    createdAt: string;
  };
  identities: { channel: string; externalId: string; createdAt: string; lastSeenAt: string }[];
  conversations: {
    id: string;
    channel: string;
    status: string;
    createdAt: string;
    messages: {
      sender: string;
      text: string;
      createdAt: string;
      photos: string[];
      files: { name: string; file: string; sizeBytes: number }[];
    }[];
  }[];
  tickets: {
    id: string;
    subject: string;
    description: string;
    status: string;
    createdAt: string;
    replies: string[];
  }[];
  satisfaction: { rating: number | null; comment: string | null; respondedAt: string | null }[];
  photos: { id: string; file: string; contentType: string; createdAt: string }[];
  /** Files besides photos (a PDF, a spreadsheet sent by e-mail): the sender's name, size and archive path. */
  files: {
    id: string;
    name: string;
    file: string;
    sizeBytes: number;
    contentType: string;
    createdAt: string;
  }[];
  calls: ExportedCall[];
  /** The shop's app's push registrations, each token shown only by its last characters. */
  pushRegistrations: ExportedPushRegistration[];
}

/**
 * Everything Kefu holds about one shopper, as one archive: `data.json` (machine-readable), `index.html`
 * (readable by the shopper) and their photos and files. Private notes of agents stay out: they are the shop's, not
 * the shopper's. Reads across the conversation, ticket and upload tables on purpose: a shopper's rights reach
 * every place their data is.
 */
export async function exportCustomerData(
  db: Db,
  photos: PhotoStorage,
  customerId: string,
  now: Date,
): Promise<{ archive: Buffer; summary: Record<string, number> }> {
  const data = await collectCustomerData(db, customerId, now);
  const storedPhotos = await db
    .selectFrom('uploads')
    .selectAll()
    .where('customer_id', '=', customerId)
    .execute();
  const photoFiles: ArchiveFile[] = [];
  for (const photo of storedPhotos) {
    const content = await photos.read(photo.storage_name).catch(() => null);
    if (content)
      photoFiles.push({ name: fileNameOf(photo), content, modifiedAt: new Date(photo.created_at) });
  }
  const archive = createTarArchive([
    { name: 'data.json', content: Buffer.from(JSON.stringify(data, null, 2)), modifiedAt: now },
    { name: 'index.html', content: Buffer.from(renderCustomerDataPage(data)), modifiedAt: now },
    ...photoFiles,
  ]);
  const messages = data.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0);
  return {
    archive,
    summary: {
      conversations: data.conversations.length,
      messages,
      tickets: data.tickets.length,
      photos: photoFiles.length,
      files: data.files.length,
      calls: data.calls.length,
      pushRegistrations: data.pushRegistrations.length,
    },
  };
}

async function collectCustomerData(db: Db, customerId: string, now: Date): Promise<CustomerDataExport> {
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw new KefuError('customer_not_found');
  const [identities, conversations, messages, tickets, comments, surveys, uploads, calls, pushRegistrations] =
    await Promise.all([
      db.selectFrom('customer_identities').selectAll().where('customer_id', '=', customerId).execute(),
      db
        .selectFrom('conversations')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('messages')
        .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
        .select([
          'messages.conversation_id',
          'messages.sender',
          'messages.text',
          'messages.attachments',
          'messages.created_at',
        ])
        .where('conversations.customer_id', '=', customerId)
        .where('messages.is_private', '=', 0)
        .orderBy('messages.id')
        .execute(),
      db.selectFrom('tickets').selectAll().where('customer_id', '=', customerId).execute(),
      db
        .selectFrom('ticket_comments')
        .innerJoin('tickets', 'tickets.id', 'ticket_comments.ticket_id')
        .select(['ticket_comments.ticket_id', 'ticket_comments.body'])
        .where('tickets.customer_id', '=', customerId)
        .where('ticket_comments.is_internal', '=', 0)
        .orderBy('ticket_comments.created_at')
        .execute(),
      db.selectFrom('csat_surveys').selectAll().where('customer_id', '=', customerId).execute(),
      db
        .selectFrom('uploads')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      listCallsForExport(db, customerId),
      listPushRegistrationsForExport(db, customerId),
    ]);
  const photos = uploads.filter((upload) => upload.kind !== 'file');
  const files = uploads.filter((upload) => upload.kind === 'file').map(describeFile);
  const photoFileById = new Map(photos.map((upload) => [upload.id, fileNameOf(upload)]));
  const fileById = new Map(files.map((file) => [file.id, file]));
  return {
    exportedAt: now.toISOString(),
    customer: {
      id: customer.id,
      displayName: customer.display_name,
      email: customer.email,
      phone: customer.phone,
      locale: customer.locale,
      vipTier: customer.vip_tier,
      tags: customer.tags,
      createdAt: customer.created_at,
    },
    identities: identities.map((identity) => ({
      channel: identity.channel,
      externalId: identity.external_id,
      createdAt: identity.created_at,
      lastSeenAt: identity.last_seen_at,
    })),
    conversations: conversations.map((conversation) => ({
      id: conversation.id,
      channel: conversation.channel,
      status: conversation.status,
      createdAt: conversation.created_at,
      messages: messages
        .filter((message) => message.conversation_id === conversation.id)
        .map((message) => ({
          sender: message.sender,
          text: message.text,
          createdAt: message.created_at,
          photos: readUploadIds(message.attachments).flatMap((id) => photoFileById.get(id) ?? []),
          files: readUploadIds(message.attachments).flatMap((id) => {
            const file = fileById.get(id);
            return file ? [{ name: file.name, file: file.file, sizeBytes: file.sizeBytes }] : [];
          }),
        })),
    })),
    tickets: tickets.map((ticket) => ({
      id: ticket.id,
      subject: ticket.subject,
      description: ticket.description,
      status: ticket.status,
      createdAt: ticket.created_at,
      replies: comments.filter((comment) => comment.ticket_id === ticket.id).map((comment) => comment.body),
    })),
    satisfaction: surveys.map((survey) => ({
      rating: survey.rating,
      comment: survey.comment,
      respondedAt: survey.responded_at,
    })),
    photos: photos.map((upload) => ({
      id: upload.id,
      file: fileNameOf(upload),
      contentType: upload.content_type,
      createdAt: upload.created_at,
    })),
    files,
    calls,
    pushRegistrations,
  };
}

type StoredUpload = Selectable<UploadsTable>;

/** Where an upload is in the archive: photos by id and type, files by id and the extension of their name. */
function fileNameOf(upload: StoredUpload): string {
  if (upload.kind === 'file') {
    const extension = /\.([0-9a-z]{1,8})$/i.exec(upload.file_name ?? '')?.[1] ?? 'bin';
    return `files/${upload.id}.${extension.toLowerCase()}`;
  }
  const extension = upload.content_type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  return `photos/${upload.id}.${extension}`;
}

function describeFile(upload: StoredUpload): CustomerDataExport['files'][number] {
  return {
    id: upload.id,
    name: upload.file_name ?? upload.id,
    file: fileNameOf(upload),
    sizeBytes: upload.size_bytes,
    contentType: upload.content_type,
    createdAt: upload.created_at,
  };
}

function readUploadIds(attachments: string): string[] {
  try {
    const parsed: unknown = JSON.parse(attachments);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((attachment: unknown) =>
      typeof attachment === 'object' &&
      attachment !== null &&
      'uploadId' in attachment &&
      typeof attachment.uploadId === 'string'
        ? [attachment.uploadId]
        : [],
    );
  } catch {
    return [];
  }
}
