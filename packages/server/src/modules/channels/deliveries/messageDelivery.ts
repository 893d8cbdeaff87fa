import { z } from 'zod';
import { channelKindSchema } from '../../../channelKinds';
import type { DeliveryRow } from './deliveriesRepo';

export const deliveryStatusSchema = z.enum(['pending', 'sent', 'failed']);
export const deliveryViaSchema = z.enum(['api', 'passive']);

/** A message's way to its channel, as agents and operators see it (no recipient address). */
export const messageDeliverySchema = z.object({
  id: z.string(),
  messageId: z.string(),
  channel: channelKindSchema,
  /** `pending` until sent or failed (including while the send API is being called). */
  status: deliveryStatusSchema,
  /**
   * How it went out: `api` through the platform's send API, `passive` in the response to the shopper's push
   * (WeChat's passive reply: handed to WeChat, which confirms nothing more); null before a sender took it.
   */
  via: deliveryViaSchema.nullable(),
  /** The platform's id of the sent message, when it names one. */
  externalId: z.string().nullable(),
  attempts: z.number().int(),
  /** Of a message the platform takes in several calls (text, photos, card): how many it accepted so far. */
  partsSent: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export type MessageDelivery = z.infer<typeof messageDeliverySchema>;

export function toMessageDelivery(row: DeliveryRow): MessageDelivery {
  return {
    id: row.id,
    messageId: row.message_id,
    channel: channelKindSchema.parse(row.channel),
    status: deliveryStatusSchema.parse(row.status === 'sending' ? 'pending' : row.status),
    via: row.sent_via === null ? null : deliveryViaSchema.parse(row.sent_via),
    externalId: row.external_id,
    attempts: row.attempts,
    partsSent: row.parts_sent,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
