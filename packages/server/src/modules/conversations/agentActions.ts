import type { ChannelKind, Conversation, Message, MessageCard } from '@kefu/sdk';
import { channelKindSchema } from '../../channelKinds';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import type { AuthenticatedAgent } from '../auth';
import { canAgentSeeConversation, hasPermission } from '../auth';
import { announceAgentJoined, forgetAnnouncedAgent } from './announceAgentJoined';
import { appendMessage, appendSystemMessage, changeStatus, requireConversation } from './conversationWrites';
import { toAgentMessage, toConversation } from './mappers';
import { markPhotosSent, resolvePhotoAttachments } from '../uploads';
import * as conversationsRepo from './repo';
import type { ConversationRow } from './repo';

/** What agents do to a conversation: reply, note, take over, hand back, resolve, reopen. */
export class AgentConversationActions {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    /** Refuses a public reply the shopper's channel would not take (a closed reply window); the channels' check. */
    private readonly checkReplyAllowed: (
      conversationId: string,
      channel: ChannelKind | undefined,
    ) => Promise<void> = async () => {},
  ) {}

  /** An agent's reply or private note. A public reply to a conversation nobody holds assigns it to the agent. */
  async sendAgentMessage(
    agent: AuthenticatedAgent,
    conversationId: string,
    input: {
      text: string;
      isPrivate: boolean;
      clientMessageId?: string | undefined;
      /** An order or product card sent with the words (the orders panel). */
      card?: MessageCard | undefined;
      /** The channel the reply goes out on; by default the one the shopper last wrote on. */
      channel?: ChannelKind | undefined;
      /** Photos uploaded for this conversation (POST …/uploads), not sent before. */
      uploadIds?: string[] | undefined;
    },
  ): Promise<Message> {
    if (!input.isPrivate) {
      // Seen first, so the channel's answer never tells an agent about a conversation they may not see.
      await this.unitOfWork.run((context) => this.requireVisibleConversation(context, agent, conversationId));
      // The reply goes out on the chosen channel, or on the one the shopper last wrote on.
      const channel =
        input.channel ??
        (await this.unitOfWork.run((context) =>
          conversationsRepo.findLastCustomerChannel(context.trx, conversationId),
        )) ??
        undefined;
      await this.checkReplyAllowed(
        conversationId,
        channel === undefined ? undefined : channelKindSchema.parse(channel),
      );
    }
    return this.unitOfWork.run(async (context) => {
      let conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      if (
        input.channel !== undefined &&
        !(await conversationsRepo.customerWroteOnChannel(context.trx, conversation.id, input.channel))
      )
        throw new KefuError('reply_channel_unavailable');
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
        conversation = await changeStatus(context, conversation, {
          status: 'assigned',
          resolved_at: null,
        });
        await context.emit('conversation.reopened', {
          conversation: toConversation(conversation),
          reopenedBy: agent.id,
        });
      }
      if (!input.isPrivate) conversation = await announceAgentJoined(context, conversation, agent);
      const attachments = await resolvePhotoAttachments(
        context.trx,
        conversation.customer_id,
        input.uploadIds ?? [],
      );
      const { message } = await appendMessage(context, conversation, {
        sender: 'agent',
        senderId: agent.id,
        senderName: agent.displayName,
        text: input.text,
        isPrivate: input.isPrivate,
        clientMessageId: input.clientMessageId ?? null,
        card: input.card,
        attachments,
        channel: input.isPrivate ? null : (input.channel ?? null),
      });
      await markPhotosSent(context.trx, attachments, { id: message.id, conversationId: conversation.id });
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

  /** The agent opened the conversation in the console: if they hold it, the shopper now hears they joined. */
  async open(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.unitOfWork.run(async (context) => {
      const conversation = await this.requireVisibleConversation(context, agent, conversationId);
      return toConversation(await announceAgentJoined(context, conversation, agent));
    });
  }

  async handBack(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.unitOfWork.run(async (context) => {
      let conversation = await this.requireVisibleConversation(context, agent, conversationId);
      if (conversation.status === 'closed') throw new KefuError('conversation_closed');
      this.assertMayAct(agent, conversation);
      conversation = await changeStatus(context, conversation, { status: 'bot', assignee_id: null });
      conversation = await forgetAnnouncedAgent(context, conversation);
      await appendSystemMessage(context, conversation, {
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
      conversation = await changeStatus(context, conversation, {
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
      conversation = await changeStatus(context, conversation, { status, resolved_at: null });
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
    const assigned = await changeStatus(context, conversation, {
      status: 'assigned',
      assignee_id: agent.id,
      resolved_at: null,
    });
    // Taking over is opening it: the shopper hears at once that this person joined.
    const announced = await announceAgentJoined(context, assigned, agent);
    await context.emit('conversation.assigned', {
      conversation: toConversation(announced),
      assigneeId: agent.id,
      previousAssigneeId,
    });
    return announced;
  }

  /** Plain agents may not act on a conversation another agent holds; supervisors may. */
  private assertMayAct(agent: AuthenticatedAgent, conversation: ConversationRow): void {
    const heldByOther = conversation.assignee_id !== null && conversation.assignee_id !== agent.id;
    if (heldByOther && !hasPermission(agent, 'conversations:reassign'))
      throw new KefuError('conversation_assigned_elsewhere');
  }

  private async requireVisibleConversation(
    context: UnitOfWorkContext,
    agent: AuthenticatedAgent,
    conversationId: string,
  ) {
    const conversation = await requireConversation(context, conversationId);
    if (!canAgentSeeConversation(agent, toConversation(conversation)))
      throw new KefuError('conversation_not_found');
    return conversation;
  }
}
