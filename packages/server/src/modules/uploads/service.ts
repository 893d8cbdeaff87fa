import type { VisitorUpload } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { AuthenticatedAgent } from '../auth';
import type { ConversationService } from '../conversations';
import { visitorUploadUrl } from './attachments';
import { detectPhotoType, photoExtension } from './imageType';
import type { PhotoStorage } from './photoStorage';
import * as uploadsRepo from './repo';
import type { UploadRow } from './repo';

export interface StoredPhoto {
  contentType: string;
  bytes: Buffer;
  fileName: string;
}

/** Photos shoppers send (a broken item, a wrong parcel): stored safely, shown only to who may see them. */
export class UploadService {
  constructor(
    private readonly db: Db,
    private readonly storage: PhotoStorage,
    private readonly clock: Clock,
    private readonly conversations: Pick<ConversationService, 'getConversationForAgent'>,
  ) {}

  /** Stores a photo whose bytes are a JPEG, PNG, WebP or GIF; it waits for the message that sends it. */
  async storePhoto(customerId: string, bytes: Buffer): Promise<VisitorUpload> {
    const contentType = await detectPhotoType(bytes);
    if (!contentType) throw new KefuError('upload_type_unsupported');
    const storageName = await this.storage.write(bytes);
    const row: UploadRow = {
      id: newId('upl'),
      customer_id: customerId,
      conversation_id: null,
      message_id: null,
      content_type: contentType,
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
    return { id: row.id, contentType, sizeBytes: row.size_bytes, url: visitorUploadUrl(row.id) };
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
    return { contentType: row.content_type, bytes, fileName: photoFileName(row) };
  }
}

function photoFileName(row: UploadRow): string {
  return `${row.id}.${photoExtension(row.content_type)}`;
}
