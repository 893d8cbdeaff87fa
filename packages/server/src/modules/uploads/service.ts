import type { VisitorUpload } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { AuthenticatedAgent } from '../auth';
import type { ConversationService } from '../conversations';
import { visitorUploadUrl } from './attachments';
import { cleanFileName, uploadFileName } from './fileName';
import type { AttachmentLimits, RefusedFile } from './fileRefusals';
import { maxFilesPerMessage } from './fileRefusals';
import { checkFileType } from './fileType';
import { detectPhotoType } from './imageType';
import type { PhotoStorage } from './photoStorage';
import * as uploadsRepo from './repo';
import type { UploadRow } from './repo';

export interface StoredPhoto {
  contentType: string;
  bytes: Buffer;
  fileName: string;
  /** `photo`: shown in the page; `file`: only ever downloaded. */
  kind: 'photo' | 'file';
}

/** A file a message came with: the name its sender gave and its bytes. */
export interface IncomingFile {
  name: string | undefined;
  bytes: Buffer;
}

/** The files of one message: the uploads kept (in order) and those refused, with why. */
export interface KeptFiles {
  uploadIds: string[];
  refused: RefusedFile[];
}

/** Photos shoppers send (a broken item, a wrong parcel): stored safely, shown only to who may see them. */
export class UploadService {
  constructor(
    private readonly db: Db,
    private readonly storage: PhotoStorage,
    private readonly clock: Clock,
    private readonly conversations: Pick<ConversationService, 'getConversationForAgent'>,
    readonly limits: AttachmentLimits,
  ) {}

  /** Stores a photo whose bytes are a JPEG, PNG, WebP or GIF; it waits for the message that sends it. */
  async storePhoto(customerId: string, bytes: Buffer): Promise<VisitorUpload> {
    const contentType = await detectPhotoType(bytes);
    if (!contentType) throw new KefuError('upload_type_unsupported');
    const row = await this.store(customerId, bytes, { kind: 'photo', contentType, fileName: null });
    return { id: row.id, contentType, sizeBytes: row.size_bytes, url: visitorUploadUrl(row.id) };
  }

  /**
   * Keeps the files a shopper's message came with (an e-mail's attachments) as their uploads, waiting for the
   * message that carries them: each of an allowed kind by its own bytes (see checkFileType), within the size
   * limit of one file, all within the limit of one message and at most 20; the others are refused, with why.
   */
  async keepFiles(customerId: string, files: readonly IncomingFile[]): Promise<KeptFiles> {
    const kept: KeptFiles = { uploadIds: [], refused: [] };
    let total = 0;
    for (const file of files) {
      const refuse = (reason: RefusedFile['reason']) =>
        kept.refused.push({ name: cleanFileName(file.name), sizeBytes: file.bytes.length, reason });
      if (file.bytes.length > this.limits.fileMaxBytes) refuse('too_large');
      else if (total + file.bytes.length > this.limits.messageMaxBytes) refuse('message_too_large');
      else if (kept.uploadIds.length >= maxFilesPerMessage) refuse('too_many');
      else {
        const check = await checkFileType(file.bytes, file.name ?? '');
        if (!check.allowed) refuse(check.reason);
        else {
          const fileName = cleanFileName(file.name, check.extension);
          const row = await this.store(customerId, file.bytes, { ...check, fileName });
          kept.uploadIds.push(row.id);
          total += file.bytes.length;
        }
      }
    }
    return kept;
  }

  private async store(
    customerId: string,
    bytes: Buffer,
    file: { kind: 'photo' | 'file'; contentType: string; fileName: string | null },
  ): Promise<UploadRow> {
    const storageName = await this.storage.write(bytes);
    const row: UploadRow = {
      id: newId('upl'),
      customer_id: customerId,
      conversation_id: null,
      message_id: null,
      kind: file.kind,
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: bytes.length,
      storage_name: storageName,
      created_at: this.clock.now().toISOString(),
    };
    try {
      await uploadsRepo.insertUpload(this.db, row);
    } catch (error) {
      await this.storage.remove(storageName);
      throw error;
    }
    return row;
  }

  /** A photo an agent sends the conversation's shopper: theirs to see once the message carries it. */
  async storeAgentPhoto(
    agent: AuthenticatedAgent,
    conversationId: string,
    bytes: Buffer,
  ): Promise<VisitorUpload> {
    const conversation = await this.conversations.getConversationForAgent(agent, conversationId);
    return this.storePhoto(conversation.customerId, bytes);
  }

  /** The shopper who uploaded it, and only them, sees their photo. */
  async readForVisitor(customerId: string, uploadId: string): Promise<StoredPhoto> {
    const row = await uploadsRepo.findUploadById(this.db, uploadId);
    if (!row || row.customer_id !== customerId) throw new KefuError('upload_not_found');
    return this.open(row);
  }

  /** An agent sees a photo once it was sent in a conversation that agent may see. */
  async readForAgent(agent: AuthenticatedAgent, uploadId: string): Promise<StoredPhoto> {
    const row = await uploadsRepo.findUploadById(this.db, uploadId);
    if (!row?.conversation_id) throw new KefuError('upload_not_found');
    try {
      await this.conversations.getConversationForAgent(agent, row.conversation_id);
    } catch (error) {
      if (error instanceof KefuError && error.code === 'conversation_not_found')
        throw new KefuError('upload_not_found');
      throw error;
    }
    return this.open(row);
  }

  /** A photo sent in a conversation, for the channel that delivers it (WeChat takes the bytes themselves). */
  async readForDelivery(uploadId: string): Promise<StoredPhoto> {
    const row = await uploadsRepo.findUploadById(this.db, uploadId);
    if (!row?.message_id) throw new KefuError('upload_not_found');
    return this.open(row);
  }

  private async open(row: UploadRow): Promise<StoredPhoto> {
    const bytes = await this.storage.read(row.storage_name).catch(() => {
      throw new KefuError('upload_not_found');
    });
    const kind = row.kind === 'file' ? 'file' : 'photo';
    return { contentType: row.content_type, bytes, fileName: uploadFileName(row), kind };
  }
}
