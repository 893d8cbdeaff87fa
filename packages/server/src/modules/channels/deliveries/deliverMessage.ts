import type { Conversation, Message } from '@kefu/sdk';
import type { Clock } from '../../../clock';
import { z } from 'zod';
import type { Db } from '../../../db/database';
import { parseJsonColumn } from '../../../db/json';
import type { JobContext } from '../../../jobs/jobQueue';
import { describeJobError } from '../../../jobs/jobQueue';
import { toVisitorMessage } from '../../conversations';
import type { ChannelAdapter, OutboundMessage } from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import type { ChannelKind } from '../../../channelKinds';
import { fitMessageToChannel } from '../fitMessageToChannel';
import type { InboundRow } from '../inboundRepo';
import { findLatestInboundOfConversation } from '../inboundRepo';
import { describeClosedWindow, replyWindowClosed } from './replyWindow';
import type { DeliveryRow } from './deliveriesRepo';
import {
  claimDelivery,
  insertDeliveryOnce,
  markDeliverySent,
  recordDeliveryFailure,
  recordPartsSent,
} from './deliveriesRepo';

export interface DeliveryDependencies {
  db: Db;
  /** The adapter serving the conversation's channel account. */
  adapterFor(kind: ChannelKind, accountId: string | null): Promise<ChannelAdapter>;
  clock: Clock;
  logger: { warn(details: object, message: string): void };
}

/**
 * The job of `message.created`: a message for the shopper goes to its channel (the one the shopper last wrote
 * on in the conversation, or the one an agent picked; the conversation's own for older messages) through its
 * adapter, recorded as a delivery (pending → sending → sent | failed) keyed by the message and claimed before
 * the send, so neither a repeated job nor a passive reply that answered the shopper's push sends it twice. A
 * refused send is retried with the queue's back-off until its attempts are used up; a refusal the platform
 * calls final, or a closed reply window, fails it at once.
 */
export async function deliverMessage(
  dependencies: DeliveryDependencies,
  created: { message: Message; conversation: Conversation },
  job: JobContext,
): Promise<void> {
  const { message, conversation } = created;
  if (!isForTheShopper(message)) return;
  const { db, clock } = dependencies;
  const { delivery, latestInbound, adapter } = await recordDelivery(dependencies, message, conversation);
  // A passive reply took it (or it is sent or failed): nothing more to do here.
  if (!(await claimDelivery(db, delivery.id, { via: 'api', attempt: job.attempt }, clock.now()))) return;
  if (replyWindowClosed(adapter, latestInbound, clock.now()))
    return fail(dependencies, delivery, job, new DeliveryError(describeClosedWindow(adapter), false));
  try {
    const outbound = toOutbound(delivery, conversation, message, adapter);
    const parts = {
      alreadySent: delivery.parts_sent,
      recordSent: (count: number) => recordPartsSent(db, delivery.id, count, clock.now()),
    };
    const { externalId } = await adapter.send({ ...outbound, inReplyTo: replyThread(latestInbound), parts });
    await markDeliverySent(db, delivery.id, { externalId, attempts: job.attempt, now: clock.now() });
  } catch (error) {
    await fail(dependencies, delivery, job, error);
  }
}

/**
 * The delivery record of a message for the shopper, created once (keyed by the message) by whichever comes
 * first — its delivery job or a passive reply — with the channel, account and recipient it goes to.
 */
export async function recordDelivery(
  dependencies: Pick<DeliveryDependencies, 'db' | 'clock' | 'adapterFor'>,
  message: Message,
  conversation: Conversation,
): Promise<{ delivery: DeliveryRow; latestInbound: InboundRow | null; adapter: ChannelAdapter }> {
  const { db, clock } = dependencies;
  const channel = message.channel ?? conversation.channel;
  const latestInbound = (await findLatestInboundOfConversation(db, conversation.id, channel)) ?? null;
  const adapter = await dependencies.adapterFor(channel, latestInbound?.account_id ?? null);
  const delivery = await insertDeliveryOnce(
    db,
    {
      messageId: message.id,
      conversationId: conversation.id,
      channel,
      accountId: latestInbound?.account_id ?? null,
      recipientExternalId: latestInbound?.sender_external_id ?? null,
      idempotencyKey: message.id,
    },
    clock.now(),
  );
  return { delivery, latestInbound, adapter };
}

/**
 * The shopper's own messages came from their channel and are never sent back to it (no echo); private notes
 * are for agents. Everything else — the bot's, agents', system notices — goes to the shopper.
 */
export function isForTheShopper(message: Message): boolean {
  return message.sender !== 'customer' && !message.isPrivate;
}

export function toOutbound(
  delivery: DeliveryRow,
  conversation: Conversation,
  message: Message,
  adapter: ChannelAdapter,
): OutboundMessage {
  return {
    deliveryId: delivery.id,
    idempotencyKey: delivery.idempotency_key,
    conversationId: conversation.id,
    recipient: {
      customerId: conversation.customerId,
      accountId: delivery.account_id,
      externalId: delivery.recipient_external_id,
    },
    message: fitMessageToChannel(toVisitorMessage(message), adapter.capabilities),
  };
}

/** The shopper's latest message and its thread, which threaded channels (e-mail) answer in. */
function replyThread(latest: InboundRow | null): OutboundMessage['inReplyTo'] {
  if (!latest) return undefined;
  const references = latest.thread_references
    ? parseJsonColumn(latest.thread_references, z.array(z.string()))
    : [];
  return {
    externalMessageId: latest.external_message_id,
    thread: latest.thread_subject === null ? null : { subject: latest.thread_subject, references },
  };
}

/** Records the failed attempt; rethrows while attempts are left, so the queue runs the job again later. */
async function fail(
  dependencies: DeliveryDependencies,
  delivery: DeliveryRow,
  job: JobContext,
  error: unknown,
): Promise<void> {
  const now = dependencies.clock.now();
  const retryable = !(error instanceof DeliveryError && !error.retryable) && job.retryDelayMs !== null;
  const nextAttemptAt =
    retryable && job.retryDelayMs !== null ? new Date(now.getTime() + job.retryDelayMs) : null;
  const reason = describeJobError(error);
  await recordDeliveryFailure(dependencies.db, delivery.id, {
    error: reason,
    attempts: job.attempt,
    nextAttemptAt,
    now,
  });
  if (nextAttemptAt) throw error;
  dependencies.logger.warn(
    { deliveryId: delivery.id, channel: delivery.channel, attempts: job.attempt, err: reason },
    'a message could not be delivered to its channel',
  );
}
