import { z } from 'zod';
import { channelKindSchema } from '../../../channelKinds';
import type { DeliveryRow } from './deliveriesRepo';

export const deliveryStatusSchema = z.enum(['pending', 'sent', 'failed']);

/** A message's way to its channel, as agents and operators see it (no recipient address). */
export const messageDeliverySchema = z.object({
  id: z.string(),
  messageId: z.string(),
  channel: channelKindSchema,
  status: deliveryStatusSchema,
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
    status: deliveryStatusSchema.parse(row.status),
    externalId: row.external_id,
    attempts: row.attempts,
    partsSent: row.parts_sent,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
