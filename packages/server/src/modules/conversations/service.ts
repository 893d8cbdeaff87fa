import type { Attachment, Conversation, Message, MessageAnalysis } from '@kefu/sdk';
import type { Db, DbExecutor } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import type { AuthenticatedAgent } from '../auth';
import { canAgentSeeConversation, visibilityScopeOf } from '../auth';
import { resolveCustomerByIdentity } from '../customers';
import { markPhotosSent, resolvePhotoAttachments } from '../uploads';
import type { VisitorChannelKind } from '../../channelKinds';
import type { NewMessageInput } from './conversationWrites';
import {
  appendMessage,
  changeStatus,
  createConversation,
  findOrCreateOpenConversation,
  requireConversation,
  updatePage,
} from './conversationWrites';
import { toAgentMessage, toConversation, toMessage } from './mappers';
import { listCustomerChannels } from './customerChannelsRepo';
import * as conversationsRepo from './repo';
import type { TimelineItem } from './customerTimeline';
import { listCustomerTimeline } from './customerTimeline';
import type { ConversationFilter, ConversationRow, MessageRow } from './repo';

export interface StartSessionInput {
  channel: VisitorChannelKind;
  visitorId: string;
  name?: string | undefined;
  locale?: string | undefined;
  page?: { url?: string | undefined; productId?: string | undefined } | undefined;
}

export interface BotMessageContext {
  messageId: string;
  text: string;
  conversationId: string;
  customerId: string;
  channel: string;
  locale: string | null;
  question: { messageId: string; text: string } | null;
}

/** Conversations and their messages: the use-cases every channel and the agent console go through. */
export class ConversationService {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Identifies the visitor and returns their open conversation, creating one when there is none. */
  async startSession(input: StartSessionInput): Promise<{ customerId: string; conversation: Conversation }> {
    return this.unitOfWork.run(async (context) => {
      const { customer } = await resolveCustomerByIdentity(
        context.trx,
        context.emit,
        {
          channel: input.channel,
          externalId: input.visitorId,
          displayName: input.name,
          locale: input.locale,
        },
        context.now,
      );
      const locale = input.locale ?? customer.locale;
      let conversation = await findOrCreateOpenConversation(context, customer.id, input.channel, locale);
      if (input.page) conversation = await updatePage(context, conversation, input.page);
      return { customerId: customer.id, conversation: toConversation(conversation) };
    });
  }

  async recordPage(
    customerId: string,
    channel: string,
    page: { url?: string | undefined; productId?: string | undefined },
  ) {
    await this.unitOfWork.run(async (context) => {
      const conversation = await conversationsRepo.findLatestOpenConversation(
        context.trx,
        customerId,
        channel,
      );
      if (conversation) await updatePage(context, conversation, page);
    });
  }

  /**
   * Stores a customer's message in their current conversation (reopening a resolved one, starting a new one
   * after a close), inside the caller's transaction (a channel's ingest). A clientMessageId already stored in
   * the conversation returns that message instead. A threaded channel (e-mail) names the thread's conversation
   * instead, or null for a new thread: a new conversation then, as a help desk opens a new ticket.
   */
  async appendCustomerMessage(
    context: UnitOfWorkContext,
    customerId: string,
    channel: string,
    input: Pick<NewMessageInput, 'text' | 'clientMessageId' | 'analysis'> & {
      uploadIds?: string[];
      /** Files a platform keeps (a WeChat photo), stored as they are after the shopper's uploads. */
      platformAttachments?: Attachment[] | undefined;
      thread?: { conversationId: string | null } | undefined;
    },
    decideLocale?: (current: string | null, firstMessage: boolean) => string,
  ): Promise<{ message: MessageRow; conversation: ConversationRow; duplicate: boolean }> {
    const { uploadIds = [], platformAttachments = [], thread, ...fields } = input;
    let conversation = thread
      ? await this.threadConversation(context, { customerId, channel }, thread.conversationId)
      : await findOrCreateOpenConversation(context, customerId, channel, null);
    if (input.clientMessageId) {
      const existing = await conversationsRepo.findMessageByClientId(
        context.trx,
        conversation.id,
        input.clientMessageId,
      );
      if (existing) return { message: existing, conversation, duplicate: true };
    }
    const locale = decideLocale?.(conversation.locale, conversation.last_message_at === null);
    if (locale && locale !== conversation.locale)
      conversation = await conversationsRepo.updateConversation(context.trx, conversation.id, {
        locale,
        updated_at: context.now.toISOString(),
      });
    if (conversation.status === 'resolved') {
      conversation = await changeStatus(context, conversation, {
        status: conversation.assignee_id ? 'assigned' : 'bot',
      });
      await context.emit('conversation.reopened', {
        conversation: toConversation(conversation),
        reopenedBy: null,
      });
    }
    // The shopper's own unsent photos, or nothing is stored.
    const uploaded = await resolvePhotoAttachments(context.trx, customerId, uploadIds);
    const attachments = [...uploaded, ...platformAttachments.filter((attachment) => !attachment.uploadId)];
    const stored = await appendMessage(context, conversation, {
      ...fields,
      attachments,
      channel,
      sender: 'customer',
      senderId: customerId,
      senderName: null,
    });
    await markPhotosSent(context.trx, attachments, {
      id: stored.message.id,
      conversationId: conversation.id,
    });
    return { ...stored, duplicate: false };
  }

  /**
   * A shopper who just arrived without writing (a new WeChat follower) is greeted in their current conversation
   * (started when there is none), inside the caller's transaction (the channel's ingest); the greeting is worded
   * for the conversation's language.
   */
  async greetArrivingCustomer(
    context: UnitOfWorkContext,
    customerId: string,
    channel: string,
    greetingFor: (locale: string | null) => string,
  ): Promise<{ message: MessageRow; conversation: ConversationRow }> {
    const conversation = await findOrCreateOpenConversation(context, customerId, channel, null);
    return appendMessage(context, conversation, {
      sender: 'bot',
      senderId: null,
      senderName: null,
      text: greetingFor(conversation.locale),
    });
  }

  /** The thread's conversation while it is not closed (a reply to a closed one starts a new one, like a follow-up). */
  private async threadConversation(
    context: UnitOfWorkContext,
    customer: { customerId: string; channel: string },
    conversationId: string | null,
  ): Promise<ConversationRow> {
    const existing = conversationId
      ? await conversationsRepo.findConversationById(context.trx, conversationId)
      : undefined;
    if (existing && existing.status !== 'closed' && existing.customer_id === customer.customerId)
      return existing;
    return createConversation(context, customer.customerId, customer.channel, null);
  }

  /**
   * Inside the caller's transaction, marks a customer message answered and stores the bot's answers to it, so
   * a repeated job (a crash after the bot spoke, a lease taken over) stores nothing twice. Null when the message
   * was answered already; otherwise the replies stored and the conversation after them.
   */
  async storeBotReplies(
    context: UnitOfWorkContext,
    conversationId: string,
    replyTo: { messageId: string; analysis: string | null; answeredBy: string | null },
    replies: Pick<NewMessageInput, 'text' | 'quickReplies' | 'card'>[],
  ): Promise<{ replies: MessageRow[]; conversation: ConversationRow } | null> {
    const replyToMessageId = replyTo.messageId;
    if (!(await conversationsRepo.markMessageAnswered(context.trx, replyToMessageId, context.now)))
      return null;
    if (replyTo.analysis)
      await conversationsRepo.setMessageAnalysis(context.trx, replyToMessageId, replyTo.analysis);
    let conversation = await requireConversation(context, conversationId);
    const stored: MessageRow[] = [];
    // While queued the bot may still answer what it can (see answerWhileQueued); never once a person holds it.
    const botMaySpeak = conversation.status === 'bot' || conversation.status === 'queued';
    for (const reply of botMaySpeak ? replies : []) {
      const result = await appendMessage(context, conversation, {
        sender: 'bot',
        senderId: null,
        senderName: null,
        text: reply.text,
        quickReplies: reply.quickReplies,
        card: reply.card ?? null,
        replyToMessageId,
      });
      conversation = result.conversation;
      stored.push(result.message);
    }
    await announceAnswer(context, { ...replyTo, conversationId }, stored);
    return { replies: stored, conversation };
  }

  /** A customer message the bot has nothing to say to (a person holds the conversation): marked answered. */
  async markAnsweredWithoutReply(messageId: string, conversationId: string): Promise<void> {
    await this.unitOfWork.run(async (context) => {
      if (await conversationsRepo.markMessageAnswered(context.trx, messageId, context.now))
        await announceAnswer(context, { messageId, conversationId, answeredBy: null }, []);
    });
  }

  /** A customer message that still waits for the bot, with its conversation; null once answered. */
  async findMessageAwaitingAnswer(
    messageId: string,
  ): Promise<{ message: MessageRow; conversation: ConversationRow } | null> {
    const message = await conversationsRepo.findMessageById(this.db, messageId);
    if (!message || message.sender !== 'customer' || message.answered_at !== null) return null;
    const conversation = await conversationsRepo.findConversationById(this.db, message.conversation_id);
    return conversation ? { message, conversation } : null;
  }

  /** True once the bot is done with a customer message (its replies, if any, are stored). */
  async isAnswered(messageId: string): Promise<boolean> {
    const message = await conversationsRepo.findMessageById(this.db, messageId);
    return message?.answered_at !== null && message?.answered_at !== undefined;
  }

  /** A message as its shopper sees it. */
  async findMessage(messageId: string): Promise<Message | null> {
    const row = await conversationsRepo.findMessageById(this.db, messageId);
    return row ? toMessage(row) : null;
  }

  async findConversation(conversationId: string): Promise<Conversation | null> {
    const row = await conversationsRepo.findConversationById(this.db, conversationId);
    return row ? toConversation(row) : null;
  }

  async findCurrentConversation(customerId: string, channel: string): Promise<Conversation | null> {
    const row = await conversationsRepo.findLatestOpenConversation(this.db, customerId, channel);
    return row ? toConversation(row) : null;
  }

  /** What the bot understood of the shopper's earlier messages in a conversation, newest first. */
  async listEarlierCustomerAnalyses(
    conversationId: string,
    beforeMessageId: string,
    limit: number,
  ): Promise<MessageAnalysis[]> {
    const rows = await conversationsRepo.listLatestMessages(this.db, conversationId, limit * 3 + 1);
    return rows
      .filter((row) => row.sender === 'customer' && row.id < beforeMessageId)
      .reverse()
      .slice(0, limit)
      .flatMap((row) => toAgentMessage(row).analysis ?? []);
  }

  async listRepliesTo(messageId: string): Promise<Message[]> {
    return (await conversationsRepo.listRepliesTo(this.db, messageId)).map(toMessage);
  }

  async listCustomerMessages(customerId: string, channel: string): Promise<Message[]> {
    const conversation = await conversationsRepo.findLatestOpenConversation(this.db, customerId, channel);
    if (!conversation) return [];
    const rows = await conversationsRepo.listMessages(this.db, conversation.id, {
      includePrivate: false,
      limit: 1000,
    });
    return rows.map(toMessage);
  }

  async listConversationsForAgent(
    agent: AuthenticatedAgent,
    filter: ConversationFilter,
  ): Promise<Conversation[]> {
    const visibleTo = visibilityScopeOf(agent);
    const visibleFilter = visibleTo ? { ...filter, visibleTo } : filter;
    return (await conversationsRepo.listConversations(this.db, visibleFilter)).map(toConversation);
  }

  async getConversationForAgent(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    const row = await conversationsRepo.findConversationById(this.db, conversationId);
    if (!row) throw new KefuError('conversation_not_found');
    const conversation = toConversation(row);
    if (!canAgentSeeConversation(agent, conversation)) throw new KefuError('conversation_not_found');
    return conversation;
  }

  /** The channels the shopper wrote on in a conversation the agent may see, the one they wrote on last first. */
  async listCustomerChannelsForAgent(agent: AuthenticatedAgent, conversationId: string) {
    await this.getConversationForAgent(agent, conversationId);
    return listCustomerChannels(this.db, conversationId);
  }

  /** Whether the agent may see this customer: some conversation of theirs is one the agent may see. */
  async canAgentSeeCustomer(agent: AuthenticatedAgent, customerId: string): Promise<boolean> {
    const visibleTo = visibilityScopeOf(agent);
    if (!visibleTo) return true;
    const visible = await conversationsRepo.listConversations(this.db, { customerId, visibleTo, limit: 1 });
    return visible.length > 0;
  }

  /** The visitor's open conversation as the opening screen needs it: its language and the page's product. */
  async findOpenConversationContext(
    customerId: string,
    channel: string,
  ): Promise<{ conversationId: string; locale: string | null; pageProductId: string | null } | null> {
    const row = await conversationsRepo.findLatestOpenConversation(this.db, customerId, channel);
    return row ? { conversationId: row.id, locale: row.locale, pageProductId: row.page_product_id } : null;
  }

  /** The product page the shopper last reported for a conversation (what "this one" refers to). */
  async findPageProduct(conversationId: string): Promise<string | null> {
    const row = await conversationsRepo.findConversationById(this.db, conversationId);
    return row?.page_product_id ?? null;
  }

  /** A bot message with its conversation and the shopper's message it answered (for ratings and corrections). */
  async findBotMessage(messageId: string): Promise<BotMessageContext | null> {
    const message = await conversationsRepo.findMessageById(this.db, messageId);
    if (!message || message.sender !== 'bot') return null;
    const conversation = await conversationsRepo.findConversationById(this.db, message.conversation_id);
    if (!conversation) return null;
    const question = message.reply_to_message_id
      ? await conversationsRepo.findMessageById(this.db, message.reply_to_message_id)
      : undefined;
    return {
      messageId: message.id,
      text: message.text,
      conversationId: conversation.id,
      customerId: conversation.customer_id,
      channel: conversation.channel,
      locale: conversation.locale,
      question: question ? { messageId: question.id, text: question.text } : null,
    };
  }

  /** Gives every conversation of one customer to another (a merge); returns the ids moved. */
  async moveConversationsOfCustomer(db: DbExecutor, fromCustomerId: string, toCustomerId: string) {
    const rows = await conversationsRepo.listConversationsOfCustomer(db, fromCustomerId);
    const ids = rows.map((row) => row.id);
    await conversationsRepo.reassignConversationsToCustomer(db, ids, toCustomerId);
    return ids;
  }

  /** Gives these conversations (back) to a customer (a merge undone). */
  async moveConversations(db: DbExecutor, conversationIds: readonly string[], toCustomerId: string) {
    await conversationsRepo.reassignConversationsToCustomer(db, conversationIds, toCustomerId);
  }

  /** A customer's conversations on every channel as one timeline, oldest first (see customerTimeline.ts). */
  async listCustomerTimeline(agent: AuthenticatedAgent, customerId: string): Promise<TimelineItem[]> {
    if (!(await this.canAgentSeeCustomer(agent, customerId))) throw new KefuError('customer_not_found');
    return listCustomerTimeline(this.db, agent, customerId);
  }

  async listMessagesForAgent(
    agent: AuthenticatedAgent,
    conversationId: string,
    options: { afterId?: string | undefined; limit: number },
  ): Promise<Message[]> {
    await this.getConversationForAgent(agent, conversationId);
    const rows = await conversationsRepo.listMessages(this.db, conversationId, {
      includePrivate: true,
      ...options,
    });
    return rows.map(toAgentMessage);
  }
}

function announceAnswer(
  context: UnitOfWorkContext,
  answered: { messageId: string; conversationId: string; answeredBy: string | null },
  replies: readonly MessageRow[],
): Promise<void> {
  return context.emit('message.answered', {
    messageId: answered.messageId,
    conversationId: answered.conversationId,
    answeredBy: answered.answeredBy,
    replyIds: replies.map((reply) => reply.id),
  });
}
