import type { SendMessageResponse } from '@kefu/sdk';
import { KefuError } from '../../../errors';
import type { ConversationService } from '../../conversations';
import type { VisitorChannelKind } from '../../../channelKinds';
import type { ChannelRegistry } from '../channelRegistry';
import type { IngestDependencies } from '../ingestInboundMessage';
import { ingestInboundMessage } from '../ingestInboundMessage';
import type { AnswerWaiter } from './answerWaiter';

export interface VisitorMessageDependencies {
  registry: ChannelRegistry;
  ingest: IngestDependencies;
  answers: AnswerWaiter;
  conversations: ConversationService;
}

/**
 * POST /api/v1/visitor/messages through the channel seam: the web or app adapter reads the body, the one
 * ingest use-case stores it, and the request then waits — up to the channel's reply deadline — for the bot's
 * job to answer, returning the replies that exist by then (the rest arrive over the WebSocket). A retry with the
 * same clientMessageId stores and runs nothing again: it waits for and returns the first send's replies.
 */
export async function receiveVisitorMessage(
  dependencies: VisitorMessageDependencies,
  visitor: { customerId: string; channel: VisitorChannelKind },
  body: unknown,
): Promise<SendMessageResponse> {
  const adapter = dependencies.registry[visitor.channel];
  const [inbound] = adapter.parse({ customerId: visitor.customerId, body });
  if (!inbound) throw new KefuError('validation_failed');
  const ingested = await ingestInboundMessage(dependencies.ingest, inbound);
  const deadline = Date.now() + (adapter.capabilities.replyDeadlineMs ?? 0);
  // On the table queue the job runs in this process at once: its effects are in place when this settles.
  await settleWithin(ingested.dispatched, deadline - Date.now());
  await dependencies.answers.waitForAnswer(ingested.messageId, Math.max(0, deadline - Date.now()));
  const message = await dependencies.conversations.findMessage(ingested.messageId);
  if (!message) throw new KefuError('message_not_found');
  return { message, replies: await dependencies.conversations.listRepliesTo(message.id) };
}

async function settleWithin(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  await Promise.race([work, bound]);
  clearTimeout(timer);
}
