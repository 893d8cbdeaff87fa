import type { Conversation, Message } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventBus } from '../../events/eventBus';
import type { EventJobs } from '../../events/eventJobs';
import type { UnitOfWork } from '../../events/outbox';
import type { VisitorTokens } from '../auth';
import type { BotPipeline, MessageUnderstander } from '../bot';
import { answerCustomerMessage } from './answerCustomerMessage';
import type { ConversationService } from '../conversations';
import type { CsatService } from '../csat';
import type { HandoffService } from '../handoff';
import type { TicketService } from '../tickets';
import type { ChannelConfig } from './channelConfig';
import type { ChannelRegistry } from './channelRegistry';
import { createChannelRegistry } from './channelRegistry';
import { deliverMessage, isForTheShopper } from './deliveries/deliverMessage';
import { listDeliveriesOfConversation } from './deliveries/deliveriesRepo';
import type { MessageDelivery } from './deliveries/messageDelivery';
import { toMessageDelivery } from './deliveries/messageDelivery';
import type { IngestDependencies } from './ingestInboundMessage';
import { AnswerWaiter } from './web/answerWaiter';
import type { VisitorPush } from './web/visitorChannelAdapter';
import type { JobContext, JobQueue } from '../../jobs/jobQueue';
import type { ChannelKind } from '../../channelKinds';
import type { ChannelAdapter, PushResponse } from './channelAdapter';
import type { AnsweredPush, PassiveReplyDependencies } from './passiveReply';
import { deferDelivery, passiveReplyDeadline, registerDeferredDelivery } from './deliveries/deferredDelivery';
import { answerPushPassively } from './passiveReply';
import { ChannelAccounts } from './accounts/channelAccounts';
import type { WelcomeGreetings } from './web/welcomeGreetings';
import { accountChannelKindSchema } from './accounts/channelAccountSchemas';
import { ChannelCredentialSeal } from './accounts/channelCredentialSeal';
import { findLatestInboundOfConversation } from './inboundRepo';
import { registerPullJob } from './pullAnnouncedMessages';
import { EmailListeners } from './email/emailListeners';
import type { ShopperFiles } from './email/emailAttachments';
import type { ShopperPhotos } from './platformPhotos';
import { ImapPolling } from './email/imapPolling';
import { assertReplyWindowOpen } from './deliveries/replyWindow';
import type { ReplyChannel } from './deliveries/replyChannels';
import { describeReplyChannels } from './deliveries/replyChannels';
import { isPushable, pushAppMessage } from './push/pushAppMessage';
import { AppConnections } from './push/appConnections';
import { lookUpVerifiedKeys } from './lookUpVerifiedKeys';
import { channelKindSchema } from '../../channelKinds';

export interface ChannelModuleInput {
  db: Db;
  /** The shop's welcome greeting, which arriving shoppers are greeted with. */
  greetings: Pick<WelcomeGreetings, 'texts'>;
  unitOfWork: UnitOfWork;
  clock: Clock;
  bus: EventBus;
  logger: { warn(details: object, message: string): void };
  visitorTokens: VisitorTokens;
  visitorPush: VisitorPush;
  config: ChannelConfig;
  jobs: JobQueue;
  /** The server's secret (KEFU_SECRET_KEY): channel account credentials are sealed under a key from it. */
  secretKey: string;
  /** KEFU_PUBLIC_URL: the callback addresses shown to admins. */
  publicUrl: string | null;
  /** How long the visitor API waits for the bot's replies (KEFU_REPLY_WAIT_MS). */
  replyWaitMs: number;
  /** How long a socket of a process that stopped renewing it still counts (KEFU_PRESENCE_GRACE_MS). */
  presenceGraceMs: number;
  /** How long a push waits to carry the bot's answer as a passive reply (KEFU_WECHAT_PASSIVE_WAIT_MS). */
  passiveReplyWaitMs: number;
  conversations: ConversationService;
  understander: MessageUnderstander;
  csat: CsatService;
  /** Where photos and files shoppers send by e-mail are kept (the uploads module). */
  shopperFiles: ShopperFiles;
  /** Where photos shoppers send through a platform's API (Telegram) are kept, and read back to send them. */
  shopperPhotos?: ShopperPhotos;
  /** Adapters that replace a kind's entry (a deployment's own, or a test's loopback platform). */
  connectedAdapters?: Partial<ChannelRegistry>;
}

export interface ChannelModule {
  registry: ChannelRegistry;
  config: ChannelConfig;
  /** Accounts set up from the console, each with its own adapter. */
  accounts: ChannelAccounts;
  jobs: JobQueue;
  /** The adapter of an account (an enabled console-set account of the kind), else the kind's registry entry. */
  adapterFor(kind: ChannelKind, accountId: string | null): Promise<ChannelAdapter>;
  ingest: IngestDependencies;
  answers: AnswerWaiter;
  /** The bot's answer as the response to the push that asked (WeChat's passive reply), or null. */
  replyInResponse(push: AnsweredPush): Promise<PushResponse | null>;
  /** Until when a message's delivery waits for the push it answers to carry it passively; null: now. */
  passiveReplyDeadline(created: { message: Message; conversation: Conversation }): Promise<Date | null>;
  conversations: ConversationService;
  /** The built-in SMTP listeners of the enabled e-mail accounts taking mail by SMTP. */
  emailListeners: EmailListeners;
  /** The polls of the enabled e-mail accounts fetching their mail from an IMAP mailbox. */
  imapPolling: ImapPolling;
  /**
   * Throws `reply_window_closed` when the platform of the channel a reply goes out on (by default the one the
   * shopper last wrote on) would refuse it now (WeChat: 48 hours after their last message there).
   */
  assertReplyWindowOpen(conversationId: string, channel?: ChannelKind): Promise<void>;
  /** The channels the shopper wrote on in a conversation (last used first), each with its reply window now. */
  describeReplyChannels(
    conversationId: string,
    used: readonly { channel: string; lastWroteAt: string }[],
  ): Promise<ReplyChannel[]>;
  /** Deliveries of a conversation's messages to its channel, oldest first. */
  listDeliveries(conversationId: string): Promise<MessageDelivery[]>;
  /** The open sockets of shoppers' apps in every process (a reply to an open app needs no push). */
  appConnections: AppConnections;
  /** Where photos shoppers send through a platform are kept; null when uploads are not wired. */
  photos: ShopperPhotos | null;
  logger: ChannelModuleInput['logger'];
}

export function createChannelModule(input: ChannelModuleInput): ChannelModule {
  const registry = createChannelRegistry(
    {
      visitor: { tokens: input.visitorTokens, push: input.visitorPush, replyWaitMs: input.replyWaitMs },
      config: input.config,
      clock: input.clock,
    },
    input.connectedAdapters,
  );
  const accounts = new ChannelAccounts(
    input.db,
    new ChannelCredentialSeal(input.secretKey),
    input.clock,
    input.publicUrl,
    input.shopperPhotos ?? null,
    input.shopperPhotos
      ? { readPhoto: input.shopperPhotos.readForDelivery, publicUrl: input.publicUrl }
      : { readPhoto: () => Promise.reject(new Error('no photo storage')), publicUrl: input.publicUrl },
  );
  const ingest: IngestDependencies = {
    db: input.db,
    unitOfWork: input.unitOfWork,
    conversations: input.conversations,
    understander: input.understander,
    csat: input.csat,
    numbersChoices: (kind) => !registry[kind].capabilities.quickReplies,
    greetings: input.greetings,
  };
  const intake = { accounts, ingest, files: input.shopperFiles };
  const emailListeners = new EmailListeners(accounts, intake, input.logger);
  const imapPolling = new ImapPolling({ jobs: input.jobs, clock: input.clock, logger: input.logger, intake });
  accounts.onChange(() => emailListeners.sync());
  accounts.onChange(() => imapPolling.sync());
  const adapterFor: ChannelModule['adapterFor'] = async (kind, accountId) =>
    (accountId !== null && accountChannelKindSchema.safeParse(kind).success
      ? await accounts.adapterFor(kind, accountId)
      : null) ?? registry[kind];
  const answers = new AnswerWaiter(input.bus, (messageId) => input.conversations.isAnswered(messageId));
  const passive: PassiveReplyDependencies = {
    ...input,
    adapterFor,
    answers,
    waitMs: input.passiveReplyWaitMs,
  };
  return {
    registry,
    config: input.config,
    accounts,
    emailListeners,
    imapPolling,
    jobs: input.jobs,
    adapterFor,
    assertReplyWindowOpen: (conversationId, channel) =>
      assertReplyWindowOpen({ db: input.db, clock: input.clock, adapterFor }, conversationId, channel),
    describeReplyChannels: (conversationId, used) =>
      describeReplyChannels(
        { db: input.db, clock: input.clock, adapterFor, listAccounts: () => accounts.list() },
        conversationId,
        used,
      ),
    ingest,
    answers,
    replyInResponse: (push) => answerPushPassively(passive, push),
    passiveReplyDeadline: (created) => passiveReplyDeadline(passive, created),
    conversations: input.conversations,
    appConnections: new AppConnections(input.db, input.clock, {
      graceMs: input.presenceGraceMs,
      logger: input.logger,
    }),
    photos: input.shopperPhotos ?? null,
    logger: input.logger,
    listDeliveries: async (conversationId) =>
      (await listDeliveriesOfConversation(input.db, conversationId)).map(toMessageDelivery),
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
      answerCustomerMessage(
        { ...dependencies, unitOfWork: module.ingest.unitOfWork, conversations: module.conversations },
        payload.messageId,
      ),
    // Its own key: the jobs its reply sets off (routing, tickets, deliveries) run while it is still running.
    { orderingKey: ({ payload }) => `bot_turn:${payload.conversationId}` },
  );
  const deliver = (created: { message: Message; conversation: Conversation }, job: JobContext) =>
    deliverMessage({ ...dependencies, adapterFor: module.adapterFor }, created, job);
  eventJobs.listen(
    'message.created',
    'channels.deliver_message',
    async ({ payload }, job) => {
      // The push it answers may carry it (WeChat's passive reply): sent after that push stopped waiting.
      const until = job.attempt === 1 ? await module.passiveReplyDeadline(payload) : null;
      if (until) await deferDelivery(module.jobs, payload.message, until);
      else await deliver(payload, job);
    },
    {
      when: ({ payload }) => isForTheShopper(payload.message),
      orderingKey: ({ payload }) => `delivery:${payload.conversation.id}`,
      maxAttempts: deliveryAttempts,
    },
  );
  registerDeferredDelivery({
    jobs: module.jobs,
    conversations: module.conversations,
    maxAttempts: deliveryAttempts,
    deliver,
  });
  /** Who serves the shopper, told to platforms that keep a session state of their own (WeCom kf). */
  const tellPlatform =
    (step: 'handToPerson' | 'handToBot') =>
    async ({ payload }: { payload: { conversation: Conversation } }) => {
      const { conversation } = payload;
      const latest = await findLatestInboundOfConversation(dependencies.db, conversation.id);
      const adapter = await module.adapterFor(conversation.channel, latest?.account_id ?? null);
      await adapter[step]?.({
        customerId: conversation.customerId,
        accountId: latest?.account_id ?? null,
        externalId: latest?.sender_external_id ?? null,
      });
    };
  const onAccountChannels = {
    when: ({ payload }: { payload: { conversation: Conversation } }) =>
      accountChannelKindSchema.safeParse(payload.conversation.channel).success,
    // After the messages before it (the notice of the hand-over): the platform may refuse them afterwards.
    orderingKey: ({ payload }: { payload: { conversation: Conversation } }) =>
      `delivery:${payload.conversation.id}`,
  };
  eventJobs.listen(
    'conversation.handed_off',
    'channels.hand_to_person',
    tellPlatform('handToPerson'),
    onAccountChannels,
  );
  eventJobs.listen(
    'conversation.handed_back',
    'channels.hand_to_bot',
    tellPlatform('handToBot'),
    onAccountChannels,
  );
  const pushGateway = module.config.pushGateway;
  if (pushGateway)
    eventJobs.listen(
      'message.created',
      'channels.push_app_message',
      ({ payload }, job) =>
        pushAppMessage(
          {
            ...dependencies,
            gateway: pushGateway,
            isAppConnected: (customerId) => module.appConnections.isConnected(customerId),
          },
          payload,
          job,
        ),
      {
        when: ({ payload }) => isPushable(payload.message, payload.conversation),
        maxAttempts: deliveryAttempts,
      },
    );
  eventJobs.listen(
    'customer.created',
    'channels.look_up_verified_keys',
    ({ payload }) =>
      lookUpVerifiedKeys(
        {
          ...dependencies,
          unitOfWork: module.ingest.unitOfWork,
          conversations: module.conversations,
          adapterFor: module.adapterFor,
        },
        { customerId: payload.customerId, channel: channelKindSchema.parse(payload.channel) },
      ),
    // Official Accounts and WeCom kf name a shopper's unionid; other platforms vouch for nothing yet.
    { when: ({ payload }) => payload.channel === 'wechat' || payload.channel === 'wecom_kf' },
  );
  registerPullJob({ jobs: module.jobs, accounts: module.accounts, ingest: module.ingest });
  module.imapPolling.register();
}
