import type { Conversation, Message } from '@kefu/sdk';
import { z } from 'zod';
import type { JobContext, JobQueue } from '../../../jobs/jobQueue';
import type { ConversationService } from '../../conversations';
import { findLatestInboundOfConversation } from '../inboundRepo';
import type { PassiveReplyDependencies } from '../passiveReply';
import { isForTheShopper } from './deliverMessage';

const deferredDeliveryJob = 'channels.deliver_after_passive_wait';
const deferredDeliverySchema = z.object({ messageId: z.string(), conversationId: z.string() });
/** After the push's wait: room for its claim, which may have started just before the wait ended. */
const claimGraceMs = 250;

/**
 * Until when the bot's message may still go out as the passive reply to the push it answers: the push arrived
 * less than the wait ago on an account that takes passive replies, and the message is that push's whole
 * answer (see passiveReply.ts). Null when the delivery job should send it now.
 */
export async function passiveReplyDeadline(
  dependencies: PassiveReplyDependencies,
  created: { message: Message; conversation: Conversation },
): Promise<Date | null> {
  const { message, conversation } = created;
  if (dependencies.waitMs <= 0 || message.sender !== 'bot' || !isForTheShopper(message)) return null;
  const channel = message.channel ?? conversation.channel;
  const latest = await findLatestInboundOfConversation(dependencies.db, conversation.id, channel);
  if (!latest?.message_id) return null;
  const deadline = new Date(Date.parse(latest.received_at) + dependencies.waitMs + claimGraceMs);
  if (deadline <= dependencies.clock.now()) return null;
  const adapter = await dependencies.adapterFor(channel, latest.account_id);
  if (!adapter.passiveReply) return null;
  // A new follower's greeting is the stored message of its push; otherwise the bot's replies to the push.
  const answer =
    latest.message_id === message.id
      ? [message]
      : (await dependencies.conversations.listRepliesTo(latest.message_id)).filter(isForTheShopper);
  return answer.length === 1 && answer[0]?.id === message.id ? deadline : null;
}

/**
 * The delivery job of a message a push may still answer passively runs again once the push stopped waiting;
 * by then the passive reply has usually claimed it (and the job finds it sent), else the API sends it. A
 * durable job, so a process that dies while its push waits loses nothing. In the conversation's delivery
 * order, so the messages after it wait for it.
 */
export function deferDelivery(jobs: JobQueue, message: Message, until: Date): Promise<string> {
  return jobs.enqueue({
    name: deferredDeliveryJob,
    payload: { messageId: message.id, conversationId: message.conversationId },
    idempotencyKey: `${deferredDeliveryJob}:${message.id}`,
    runAt: until,
    orderingKey: `delivery:${message.conversationId}`,
  });
}

export function registerDeferredDelivery(dependencies: {
  jobs: JobQueue;
  conversations: ConversationService;
  maxAttempts: number;
  deliver(created: { message: Message; conversation: Conversation }, job: JobContext): Promise<void>;
}): void {
  dependencies.jobs.register(deferredDeliveryJob, {
    schema: deferredDeliverySchema,
    maxAttempts: dependencies.maxAttempts,
    run: async ({ messageId, conversationId }, job) => {
      const message = await dependencies.conversations.findMessage(messageId);
      const conversation = await dependencies.conversations.findConversation(conversationId);
      if (message && conversation) await dependencies.deliver({ message, conversation }, job);
    },
  });
}
