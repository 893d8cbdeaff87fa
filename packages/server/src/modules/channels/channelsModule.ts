import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventBus } from '../../events/eventBus';
import type { EventJobs } from '../../events/eventJobs';
import type { UnitOfWork } from '../../events/outbox';
import type { VisitorTokens } from '../auth/visitorTokens';
import type { BotPipeline } from '../bot/pipeline';
import type { MessageUnderstander } from '../bot/understanding';
import { answerCustomerMessage } from '../conversations/answerCustomerMessage';
import type { ConversationService } from '../conversations/service';
import type { CsatService } from '../csat/service';
import type { HandoffService } from '../handoff/service';
import type { TicketService } from '../tickets/service';
import type { ChannelRegistry } from './channelRegistry';
import { createChannelRegistry } from './channelRegistry';
import { deliverMessage, isForTheShopper } from './deliveries/deliverMessage';
import type { IngestDependencies } from './ingestInboundMessage';
import { AnswerWaiter } from './web/answerWaiter';
import type { VisitorPush } from './web/visitorChannelAdapter';

export interface ChannelModuleInput {
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  bus: EventBus;
  logger: { warn(details: object, message: string): void };
  visitorTokens: VisitorTokens;
  visitorPush: VisitorPush;
  /** How long the visitor API waits for the bot's replies (KEFU_REPLY_WAIT_MS). */
  replyWaitMs: number;
  conversations: ConversationService;
  understander: MessageUnderstander;
  csat: CsatService;
  /** Adapters that replace a kind's entry (a deployment's own, or a test's loopback platform). */
  connectedAdapters?: Partial<ChannelRegistry>;
}

export interface ChannelModule {
  registry: ChannelRegistry;
  ingest: IngestDependencies;
  answers: AnswerWaiter;
  conversations: ConversationService;
}

export function createChannelModule(input: ChannelModuleInput): ChannelModule {
  const registry = createChannelRegistry(
    { tokens: input.visitorTokens, push: input.visitorPush, replyWaitMs: input.replyWaitMs },
    input.connectedAdapters,
  );
  return {
    registry,
    ingest: {
      db: input.db,
      unitOfWork: input.unitOfWork,
      conversations: input.conversations,
      understander: input.understander,
      csat: input.csat,
    },
    answers: new AnswerWaiter(input.bus, (messageId) => input.conversations.isAnswered(messageId)),
    conversations: input.conversations,
  };
}

/** Attempts of one delivery before it is recorded as failed (back-off: 1 s, 2 s, 4 s … between them). */
const deliveryAttempts = 6;

/**
 * The durable steps of the message path, as jobs: a received message is answered by the bot (in order per
 * conversation), and every message for a shopper is delivered to its channel (in order per conversation).
 */
export function startChannelModule(
  module: ChannelModule,
  eventJobs: EventJobs,
  dependencies: {
    db: Db;
    clock: Clock;
    logger: ChannelModuleInput['logger'];
    bot: BotPipeline;
    handoff: HandoffService;
    tickets: TicketService;
  },
): void {
  eventJobs.listen(
    'message.received',
    'conversations.answer_received_message',
    ({ payload }) =>
      answerCustomerMessage({ ...dependencies, conversations: module.conversations }, payload.messageId),
    { orderingKey: ({ payload }) => `conversation:${payload.conversationId}` },
  );
  eventJobs.listen(
    'message.created',
    'channels.deliver_message',
    ({ payload }, job) => deliverMessage({ ...dependencies, registry: module.registry }, payload, job),
    {
      when: ({ payload }) => isForTheShopper(payload.message),
      orderingKey: ({ payload }) => `delivery:${payload.conversation.id}`,
      maxAttempts: deliveryAttempts,
    },
  );
}
