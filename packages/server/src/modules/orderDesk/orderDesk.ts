import type { Conversation, Message, MessageCard } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { UnitOfWork } from '../../events/outbox';
import { KefuError } from '../../errors';
import { normaliseLocale } from '../../replyLocale';
import { recordAudit } from '../audit';
import type { AuthenticatedAgent } from '../auth';
import type { CommerceConnector, CommerceOrder } from '../commerce';
import { findShopCustomerId } from '../customers';
import { toKefuError } from './commerceFailures';
import { loadOrderView, unwrap } from './orderViews';
import type { OrderView } from './schemas';

const listedOrders = 20;

export interface OrderDeskDependencies {
  db: Db;
  clock: Clock;
  /** The audit entry and the `order.action_taken` event are written in one transaction. */
  unitOfWork: UnitOfWork;
  connector: CommerceConnector;
  getConversationForAgent(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation>;
  /** Order numbers the shopper named in the conversation (the handoff briefing's entities). */
  mentionedOrderNumbers(agent: AuthenticatedAgent, conversationId: string): Promise<string[]>;
  sendAgentMessage(
    agent: AuthenticatedAgent,
    conversationId: string,
    input: { text: string; isPrivate: boolean; card?: MessageCard | undefined },
  ): Promise<Message>;
}

/**
 * The agent's view of a shopper's orders and what an agent may do with them, through the commerce connector:
 * only orders of the conversation's customer (their linked shop account's, or ones they named in the chat),
 * in a conversation the agent may see; every change is audited and the shopper is told in their language.
 */
export class OrderDesk {
  constructor(private readonly dependencies: OrderDeskDependencies) {}

  async listOrders(agent: AuthenticatedAgent, conversationId: string): Promise<OrderView[]> {
    const conversation = await this.dependencies.getConversationForAgent(agent, conversationId);
    const { connector } = this.dependencies;
    const shopCustomerId = await findShopCustomerId(this.dependencies.db, conversation.customerId);
    const linked = shopCustomerId ? unwrap(await connector.listOrders(shopCustomerId, listedOrders)) : [];
    const linkedNumbers = new Set(linked.map((order) => order.orderNumber));
    const mentioned: CommerceOrder[] = [];
    for (const orderNumber of await this.dependencies.mentionedOrderNumbers(agent, conversationId)) {
      if (linkedNumbers.has(orderNumber)) continue;
      const found = await connector.getOrder(orderNumber);
      if (found.ok) mentioned.push(found.value);
      else if (found.failure.kind !== 'not_found') throw toKefuError(found.failure);
    }
    const views: OrderView[] = [];
    for (const order of linked) views.push(await loadOrderView(connector, order, true));
    for (const order of mentioned) views.push(await loadOrderView(connector, order, false));
    return views;
  }

  /** The order, when it belongs to the conversation's customer; with the conversation and its locale. */
  async requireOrder(agent: AuthenticatedAgent, conversationId: string, orderNumber: string) {
    const views = await this.listOrders(agent, conversationId);
    const view = views.find((candidate) => candidate.order.orderNumber === orderNumber);
    if (!view) throw new KefuError('order_not_found');
    const conversation = await this.dependencies.getConversationForAgent(agent, conversationId);
    return { view, conversation, locale: normaliseLocale(conversation.locale) };
  }

  /** Records the action in the audit log and tells the shopper, as the agent. */
  async recordAndTell(
    agent: AuthenticatedAgent,
    conversation: Conversation,
    action: { name: string; orderNumber: string | null; data: Record<string, unknown> },
    shopper: { text: string; card?: MessageCard | undefined },
  ): Promise<Message> {
    await this.dependencies.unitOfWork.run(async ({ trx, now, emit }) => {
      await recordAudit(
        trx,
        {
          actorType: 'agent',
          actorId: agent.id,
          action: `order.${action.name}`,
          targetType: action.orderNumber ? 'order' : 'conversation',
          targetId: action.orderNumber ?? conversation.id,
          data: { conversationId: conversation.id, ...action.data },
        },
        now,
      );
      // Showing an order card is not an action on the order.
      if (action.orderNumber && action.name !== 'card_sent')
        await emit('order.action_taken', {
          orderNumber: action.orderNumber,
          action: action.name,
          actorType: 'agent',
          agentId: agent.id,
          conversationId: conversation.id,
          customerId: conversation.customerId,
        });
    });
    return this.dependencies.sendAgentMessage(agent, conversation.id, {
      text: shopper.text,
      isPrivate: false,
      card: shopper.card,
    });
  }

  conversation(agent: AuthenticatedAgent, conversationId: string): Promise<Conversation> {
    return this.dependencies.getConversationForAgent(agent, conversationId);
  }

  /** The shop account of the conversation's customer, when known. */
  async shopCustomerOf(agent: AuthenticatedAgent, conversationId: string): Promise<string | null> {
    const conversation = await this.conversation(agent, conversationId);
    return findShopCustomerId(this.dependencies.db, conversation.customerId);
  }

  get connector(): CommerceConnector {
    return this.dependencies.connector;
  }

  get now(): Date {
    return this.dependencies.clock.now();
  }
}
