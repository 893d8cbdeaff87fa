import type { Conversation, Message } from '@kefu/sdk';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import type { AuthenticatedAgent } from '../auth/permissions';
import { canAgentSeeConversation, hasPermission } from '../auth/permissions';
import { normaliseLocale, pickLocalizedText } from '../bot/replyLocale';
import { resolveCustomerByIdentity } from '../customers/service';
import { toAgentMessage, toConversation, toMessage } from './mappers';
import * as conversationsRepo from './repo';
import type { ConversationFilter, ConversationRow, MessageRow } from './repo';

export interface NewMessageInput {
  sender: 'customer' | 'bot' | 'agent' | 'system';
  senderId: string | null;
  senderName: string | null;
  text: string;
  isPrivate?: boolean;
  clientMessageId?: string | null;
  replyToMessageId?: string | null;
  quickReplies?: { label: string; text: string }[];
  attachments?: { name: string; url: string; contentType: string; sizeBytes?: number }[];
  /** JSON of the bot's understanding (customer messages). */
  analysis?: string | null;
}

export interface StartSessionInput {
  channel: 'web' | 'app';
  visitorId: string;
  name?: string | undefined;
  locale?: string | undefined;
  page?: { url?: string | undefined; productId?: string | undefined } | undefined;
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
      let conversation = await this.findOrCreateOpenConversation(context, customer.id, input.channel, locale);
      if (input.page) conversation = await this.updatePage(context, conversation, input.page);
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
      if (conversation) await this.updatePage(context, conversation, page);
    });
  }

  /**
   * Stores a customer's message in their current conversation (reopening a resolved one, starting a new one
   * after a close). The same clientMessageId twice returns the first message.
   */
  async storeCustomerMessage(
    customerId: string,
    channel: string,
    input: Pick<NewMessageInput, 'text' | 'clientMessageId' | 'attachments' | 'analysis'>,
  ): Promise<{ message: MessageRow; conversation: ConversationRow; duplicate: boolean }> {
    try {
      return await this.unitOfWork.run(async (context) => {
        let conversation = await this.findOrCreateOpenConversation(context, customerId, channel, null);
        if (input.clientMessageId) {
          const existing = await conversationsRepo.findMessageByClientId(
            context.trx,
            conversation.id,
            input.clientMessageId,
          );
          if (existing) return { message: existing, conversation, duplicate: true };
        }
        if (conversation.status === 'resolved') {
          conversation = await this.changeStatus(context, conversation, {
            status: conversation.assignee_id ? 'assigned' : 'bot',
          });
          await context.emit('conversation.reopened', {
            conversation: toConversation(conversation),
            reopenedBy: null,
          });
        }
        const stored = await this.appendMessage(context, conversation, {
          ...input,
          sender: 'customer',
          senderId: customerId,
          senderName: null,
        });
        return { ...stored, duplicate: false };
      });
    } catch (error) {
      if (!input.clientMessageId || !isUniqueViolation(error)) throw error;
      // A concurrent request with the same clientMessageId won the insert: answer with its message.
      const conversation = await conversationsRepo.findLatestOpenConversation(this.db, customerId, channel);
      const existing =
        conversation &&
        (await conversationsRepo.findMessageByClientId(this.db, conversation.id, input.clientMessageId));
      if (!conversation || !existing) throw error;
      return { message: existing, conversation, duplicate: true };
    }
  }

  /** Stores the bot's answers to a customer message and, when the bot hands off, queues the conversation. */
  async storeBotReplies(
    conversationId: string,
    replyTo: { messageId: string; analysis: string | null },
    replies: { text: string; quickReplies: { label: string; text: string }[] }[],
    handoff: { reason: string } | null,
  ): Promise<MessageRow[]> {
    const replyToMessageId = replyTo.messageId;
    return this.unitOfWork.run(async (context) => {
      if (replyTo.analysis)
        await conversationsRepo.setMessageAnalysis(context.trx, replyToMessageId, replyTo.analysis);
      let conversation = await this.requireConversation(context, conversationId);
      if (conversation.status !== 'bot') return [];
      const stored: MessageRow[] = [];
      for (const reply of replies) {
        const result = await this.appendMessage(context, conversation, {
          sender: 'bot',
          senderId: null,
          senderName: null,
          text: reply.text,
          quickReplies: reply.quickReplies,
          replyToMessageId,
        });
        conversation = result.conversation;
        stored.push(result.message);
      }
      if (handoff) {
        conversation = await this.changeStatus(context, conversation, { status: 'queued' });
        await context.emit('conversation.handed_off', {
          conversation: toConversation(conversation),
          reason: handoff.reason,
        });
      }
      return stored;
    });
  }

  async findCurrentConversation(customerId: string, channel: string): Promise<Conversation | null> {
    const row = await conversationsRepo.findLatestOpenConversation(this.db, customerId, channel);
    return row ? toConversation(row) : null;
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
    const visibleFilter = hasPermission(agent, 'conversations:read_all')
      ? filter
      : { ...filter, visibleToAgentId: agent.id };
    return (await conversationsRepo.listConversations(this.db, visibleFilter)).map(toConversation);
  }

  async getConversationForAgent(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    const row = await conversationsRepo.findConversationById(this.db, conversationId);
    if (!row) throw new KefuError('conversation_not_found');
    const conversation = toConversation(row);
    if (!canAgentSeeConversation(agent, conversation)) throw new KefuError('conversation_not_found');
    return conversation;
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

  /** An agent's reply or private note. A public reply to a conversation nobody holds assigns it to the agent. */
  async sendAgentMessage(
    agent: AuthenticatedAgent,
    conversationId: string,
    input: { text: string; isPrivate: boolean; clientMessageId?: string | undefined },
  ): Promise<Message> {
    return this.unitOfWork.run(async (context) => {
      let conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      if (input.clientMessageId) {
        const existing = await conversationsRepo.findMessageByClientId(
          context.trx,
          conversation.id,
          input.clientMessageId,
        );
        if (existing) return toAgentMessage(existing);
      }
      if (!input.isPrivate && conversation.assignee_id !== agent.id) {
        conversation = await this.assign(context, conversation, agent);
      } else if (!input.isPrivate && conversation.status === 'resolved') {
        conversation = await this.changeStatus(context, conversation, {
          status: 'assigned',
          resolved_at: null,
        });
        await context.emit('conversation.reopened', {
          conversation: toConversation(conversation),
          reopenedBy: agent.id,
        });
      }
      const { message } = await this.appendMessage(context, conversation, {
        sender: 'agent',
        senderId: agent.id,
        senderName: agent.displayName,
        text: input.text,
        isPrivate: input.isPrivate,
        clientMessageId: input.clientMessageId ?? null,
      });
      return toAgentMessage(message);
    });
  }

  async takeOver(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.unitOfWork.run(async (context) => {
      const conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      if (conversation.assignee_id === agent.id && conversation.status === 'assigned')
        return toConversation(conversation);
      return toConversation(await this.assign(context, conversation, agent));
    });
  }

  async handBack(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.unitOfWork.run(async (context) => {
      let conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      this.assertMayAct(agent, conversation);
      conversation = await this.changeStatus(context, conversation, { status: 'bot', assignee_id: null });
      await this.appendSystemMessage(context, conversation, {
        zh: '人工客服已离开，智能客服继续为您服务。',
        en: 'The agent has left; the assistant will continue to help you.',
      });
      await context.emit('conversation.handed_back', {
        conversation: toConversation(conversation),
        agentId: agent.id,
      });
      return toConversation(conversation);
    });
  }

  async resolve(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.unitOfWork.run(async (context) => {
      let conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      this.assertMayAct(agent, conversation);
      if (conversation.status === 'resolved') return toConversation(conversation);
      conversation = await this.changeStatus(context, conversation, {
        status: 'resolved',
        resolved_at: context.now.toISOString(),
      });
      await context.emit('conversation.resolved', {
        conversation: toConversation(conversation),
        resolvedBy: agent.id,
      });
      return toConversation(conversation);
    });
  }

  async reopen(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.unitOfWork.run(async (context) => {
      let conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status !== 'resolved') return toConversation(conversation);
      this.assertMayAct(agent, conversation);
      const status = conversation.assignee_id ? 'assigned' : 'bot';
      conversation = await this.changeStatus(context, conversation, { status, resolved_at: null });
      await context.emit('conversation.reopened', {
        conversation: toConversation(conversation),
        reopenedBy: agent.id,
      });
      return toConversation(conversation);
    });
  }

  private async assign(context: UnitOfWorkContext, conversation: ConversationRow, agent: AuthenticatedAgent) {
    this.assertMayAct(agent, conversation);
    const previousAssigneeId = conversation.assignee_id;
    const assigned = await this.changeStatus(context, conversation, {
      status: 'assigned',
      assignee_id: agent.id,
      resolved_at: null,
    });
    await this.appendSystemMessage(context, assigned, {
      zh: `人工客服 ${agent.displayName} 已接入，为您服务。`,
      en: `${agent.displayName} has joined the conversation.`,
    });
    await context.emit('conversation.assigned', {
      conversation: toConversation(assigned),
      assigneeId: agent.id,
      previousAssigneeId,
    });
    return assigned;
  }

  /** Plain agents may not act on a conversation another agent holds; supervisors may. */
  private assertMayAct(agent: AuthenticatedAgent, conversation: ConversationRow): void {
    const heldByOther = conversation.assignee_id !== null && conversation.assignee_id !== agent.id;
    if (heldByOther && !hasPermission(agent, 'conversations:reassign'))
      throw new KefuError('conversation_assigned_elsewhere');
  }

  private async findOrCreateOpenConversation(
    context: UnitOfWorkContext,
    customerId: string,
    channel: string,
    locale: string | null | undefined,
  ): Promise<ConversationRow> {
    const existing = await conversationsRepo.findLatestOpenConversation(context.trx, customerId, channel);
    if (existing) return existing;
    const timestamp = context.now.toISOString();
    const row: ConversationRow = {
      id: newId('conv'),
      customer_id: customerId,
      channel,
      status: 'bot',
      priority: 'normal',
      category: null,
      assignee_id: null,
      subject: null,
      locale: locale ?? null,
      page_url: null,
      page_product_id: null,
      bot_state: '{}',
      last_message_at: null,
      first_agent_reply_at: null,
      created_at: timestamp,
      updated_at: timestamp,
      resolved_at: null,
    };
    await conversationsRepo.insertConversation(context.trx, row);
    await context.emit('conversation.created', { conversation: toConversation(row) });
    return row;
  }

  private async updatePage(
    context: UnitOfWorkContext,
    conversation: ConversationRow,
    page: { url?: string | undefined; productId?: string | undefined },
  ): Promise<ConversationRow> {
    return conversationsRepo.updateConversation(context.trx, conversation.id, {
      page_url: page.url ?? conversation.page_url,
      page_product_id: page.productId ?? conversation.page_product_id,
      updated_at: context.now.toISOString(),
    });
  }

  private async appendMessage(
    context: UnitOfWorkContext,
    conversation: ConversationRow,
    input: NewMessageInput,
  ) {
    const timestamp = context.now.toISOString();
    const message: MessageRow = {
      id: newId('msg'),
      conversation_id: conversation.id,
      sender: input.sender,
      sender_id: input.senderId,
      sender_name: input.senderName,
      text: input.text,
      attachments: JSON.stringify(input.attachments ?? []),
      quick_replies: JSON.stringify(input.quickReplies ?? []),
      is_private: input.isPrivate ? 1 : 0,
      client_message_id: input.clientMessageId ?? null,
      reply_to_message_id: input.replyToMessageId ?? null,
      analysis: input.analysis ?? null,
      created_at: timestamp,
    };
    await conversationsRepo.insertMessage(context.trx, message);
    const updated = await conversationsRepo.updateConversation(context.trx, conversation.id, {
      last_message_at: input.isPrivate ? conversation.last_message_at : timestamp,
      subject: conversation.subject ?? (input.sender === 'customer' ? input.text.slice(0, 80) : null),
      first_agent_reply_at:
        conversation.first_agent_reply_at ??
        (input.sender === 'agent' && !input.isPrivate ? timestamp : null),
      updated_at: timestamp,
    });
    await context.emit('message.created', {
      message: toAgentMessage(message),
      conversation: toConversation(updated),
    });
    return { message, conversation: updated };
  }

  private async appendSystemMessage(
    context: UnitOfWorkContext,
    conversation: ConversationRow,
    texts: { zh: string; en: string },
  ) {
    const text = pickLocalizedText(normaliseLocale(conversation.locale), texts);
    return this.appendMessage(context, conversation, {
      sender: 'system',
      senderId: null,
      senderName: null,
      text,
    });
  }

  private async changeStatus(
    context: UnitOfWorkContext,
    conversation: ConversationRow,
    changes: { status: string; assignee_id?: string | null; resolved_at?: string | null },
  ): Promise<ConversationRow> {
    return conversationsRepo.updateConversation(context.trx, conversation.id, {
      ...changes,
      updated_at: context.now.toISOString(),
    });
  }

  private async requireConversation(
    context: UnitOfWorkContext,
    conversationId: string,
  ): Promise<ConversationRow> {
    const conversation = await conversationsRepo.findConversationById(context.trx, conversationId);
    if (!conversation) throw new KefuError('conversation_not_found');
    return conversation;
  }

  private async requireVisibleConversation(
    context: UnitOfWorkContext,
    agent: AuthenticatedAgent,
    conversationId: string,
  ) {
    const conversation = await this.requireConversation(context, conversationId);
    if (!canAgentSeeConversation(agent, toConversation(conversation)))
      throw new KefuError('conversation_not_found');
    return conversation;
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
