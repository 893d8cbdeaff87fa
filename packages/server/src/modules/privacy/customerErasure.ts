import type { UnitOfWork } from '../../events/outbox';
import { KefuError } from '../../errors';
import { recordAudit } from '../audit';
import type { PhotoStorage } from '../uploads';
import { maskPersonalDataInText } from './masking';

export const erasedText = '[已删除 / erased]';

export interface ErasureReport {
  messages: number;
  photos: number;
  identities: number;
  conversations: number;
  tickets: number;
}

/**
 * Erases a shopper on request: profile fields, channel identities (the widget starts afresh), what they wrote
 * (messages, satisfaction comments, ticket text), the bot's memory of the conversation and their photos.
 * What the shop must keep stays as a pseudonymous record: the conversations and tickets themselves, their
 * times and statuses, and agents' and the bot's messages with any phone, e-mail or card number masked. One
 * transaction, audited with counts (never the erased values); photo files are removed after it commits.
 */
export async function eraseCustomer(
  unitOfWork: UnitOfWork,
  photos: PhotoStorage,
  customerId: string,
  actorId: string,
): Promise<ErasureReport> {
  const { report, storageNames } = await unitOfWork.run(async ({ trx, now }) => {
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!customer) throw new KefuError('customer_not_found');
    const timestamp = now.toISOString();
    await trx
      .updateTable('customers')
      .set({
        display_name: null,
        email: null,
        phone: null,
        tags: '[]',
        shop_customer_id: null,
        updated_at: timestamp,
      })
      .where('id', '=', customerId)
      .execute();
    const identities = await trx
      .deleteFrom('customer_identities')
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    const conversations = await trx
      .selectFrom('conversations')
      .select('id')
      .where('customer_id', '=', customerId)
      .execute();
    const conversationIds = conversations.map((conversation) => conversation.id);
    let messages = 0;
    if (conversationIds.length > 0) {
      const written = await trx
        .updateTable('messages')
        .set({ text: erasedText, analysis: null, attachments: '[]', client_message_id: null })
        .where('conversation_id', 'in', conversationIds)
        .where('sender', '=', 'customer')
        .executeTakeFirst();
      messages = Number(written.numUpdatedRows);
      await maskRepliesOf(trx, conversationIds);
      await trx
        .updateTable('conversations')
        .set({ subject: null, bot_state: '{}', page_url: null })
        .where('id', 'in', conversationIds)
        .execute();
      await trx
        .updateTable('knowledge_queries')
        .set({ question: erasedText })
        .where('conversation_id', 'in', conversationIds)
        .execute();
    }
    await trx
      .updateTable('csat_surveys')
      .set({ comment: null })
      .where('customer_id', '=', customerId)
      .execute();
    const tickets = await trx
      .updateTable('tickets')
      .set({ description: erasedText, updated_at: timestamp })
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    const uploads = await trx
      .selectFrom('uploads')
      .select('storage_name')
      .where('customer_id', '=', customerId)
      .execute();
    await trx.deleteFrom('uploads').where('customer_id', '=', customerId).execute();
    // Calls stay as times and lengths; the number, recording and what was said go. Push tokens go.
    await trx
      .updateTable('call_records')
      .set({ phone: '', recording_url: null, transcript: null })
      .where('customer_id', '=', customerId)
      .execute();
    await trx.deleteFrom('push_notifications').where('customer_id', '=', customerId).execute();
    await trx.deleteFrom('push_registrations').where('customer_id', '=', customerId).execute();
    const erased: ErasureReport = {
      messages,
      photos: uploads.length,
      identities: Number(identities.numDeletedRows),
      conversations: conversationIds.length,
      tickets: Number(tickets.numUpdatedRows),
    };
    await recordAudit(
      trx,
      {
        actorType: 'agent',
        actorId,
        action: 'customer.erased',
        targetType: 'customer',
        targetId: customerId,
        data: { ...erased },
      },
      now,
    );
    return { report: erased, storageNames: uploads.map((upload) => upload.storage_name) };
  });
  for (const storageName of storageNames) await photos.remove(storageName);
  return report;
}

/** Agents' and the bot's messages stay (what the shop said), with the shopper's details in them masked. */
async function maskRepliesOf(
  trx: Parameters<Parameters<UnitOfWork['run']>[0]>[0]['trx'],
  conversationIds: string[],
): Promise<void> {
  const replies = await trx
    .selectFrom('messages')
    .select(['id', 'text'])
    .where('conversation_id', 'in', conversationIds)
    .where('sender', '!=', 'customer')
    .execute();
  for (const reply of replies) {
    const masked = maskPersonalDataInText(reply.text);
    if (masked !== reply.text)
      await trx.updateTable('messages').set({ text: masked }).where('id', '=', reply.id).execute();
  }
}
