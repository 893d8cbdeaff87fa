import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import type { UnitOfWork, UnitOfWorkContext } from '../../events/outbox';
import type { AcceptDependencies } from './acceptCustomerMessage';
import { acceptCustomerMessage } from './acceptCustomerMessage';
import { currentCustomerId, resolveCustomerByIdentity } from '../customers';
import type { InboundMessage } from './channelAdapter';
import type { ChannelKind } from '../../channelKinds';
import type { ChoosingShopper } from './numberedChoice';
import { resolveNumberedChoice, resolveTappedChoice } from './numberedChoice';
import { welcomeGreeting } from './web/welcomeScreen';
import type { WelcomeGreetings } from './web/welcomeGreetings';
import { findThreadConversation } from './threadConversation';
import { attachStoredMessage, claimInboundMessage, findInboundMessage } from './inboundRepo';

export interface IngestDependencies extends AcceptDependencies {
  db: Db;
  unitOfWork: UnitOfWork;
  /** True for a channel that shows the bot's choices as numbered lines, so a typed number picks one. */
  numbersChoices(channel: ChannelKind): boolean;
  greetings: Pick<WelcomeGreetings, 'texts'>;
}

export interface IngestedMessage {
  /** False for a repeated delivery of the same platform message: nothing was stored, nothing will run. */
  stored: boolean;
  messageId: string;
  conversationId: string;
  /**
   * Settles once the events are dispatched and the jobs this process could take at once (on the table queue:
   * the bot's answer) have run. The ingest itself resolves at commit, so a platform is answered in time.
   */
  dispatched: Promise<void>;
}

/**
 * The one ingest use-case of every channel, after the adapter verified and parsed the request: in one
 * transaction the platform's message id is claimed for its channel account (unique in the database, so a
 * retry is a no-op), the sender is identified and the message accepted by its conversation, which announces
 * it for the bot's durable job (ordered per conversation). Nothing waits for the bot here.
 */
export async function ingestInboundMessage(
  dependencies: IngestDependencies,
  inbound: InboundMessage,
): Promise<IngestedMessage> {
  // Read before the transaction: on SQLite a read outside it would wait for it to end.
  const greetings = inbound.arrival ? await dependencies.greetings.texts() : null;
  const { result, dispatched } = await dependencies.unitOfWork.runWithDispatch(async (context) => {
    const claimed = await claimInboundMessage(context.trx, inbound, context.now);
    if (!claimed) return findFirstDelivery(context, inbound);
    const customerId = await identifySender(context, inbound);
    if (greetings)
      return greet(dependencies, context, { inboundId: claimed.id, customerId, inbound, greetings });
    const thread = await findThreadConversation(context.trx, inbound);
    const shopper = { customerId, channel: inbound.channel, conversationId: thread?.conversationId };
    const text = await chosenText(dependencies, context, shopper, inbound);
    const accepted = await acceptCustomerMessage(dependencies, context, {
      customerId,
      channel: inbound.channel,
      text,
      clientMessageId: inbound.clientMessageId,
      uploadIds: inbound.uploadIds,
      platformAttachments: inbound.attachments,
      answer: inbound.automated !== true,
      thread,
    });
    const stored = { customerId, conversationId: accepted.conversationId, messageId: accepted.message.id };
    await attachStoredMessage(context.trx, claimed.id, stored);
    return { stored: true, messageId: stored.messageId, conversationId: stored.conversationId };
  });
  return { ...result, dispatched };
}

/**
 * What the bot is told the shopper said: the quick reply of a tapped menu choice, or of a number typed where
 * the choices were numbered lines, as a widget button sends it; otherwise their own words.
 */
async function chosenText(
  dependencies: IngestDependencies,
  context: UnitOfWorkContext,
  shopper: ChoosingShopper,
  inbound: InboundMessage,
): Promise<string> {
  if (inbound.choiceId)
    return resolveTappedChoice(context.trx, shopper, { id: inbound.choiceId, text: inbound.text });
  return dependencies.numbersChoices(inbound.channel)
    ? resolveNumberedChoice(context.trx, shopper, inbound.text)
    : inbound.text;
}

/** A shopper who arrived without writing gets the shop's welcome, as the widget shows it. */
async function greet(
  dependencies: IngestDependencies,
  context: UnitOfWorkContext,
  arrival: {
    inboundId: string;
    customerId: string;
    inbound: InboundMessage;
    greetings: { zh: string; en: string };
  },
): Promise<{ stored: true; messageId: string; conversationId: string }> {
  const { customerId, inbound, greetings } = arrival;
  const { message, conversation } = await dependencies.conversations.greetArrivingCustomer(
    context,
    customerId,
    inbound.channel,
    (locale) => welcomeGreeting(greetings, locale),
  );
  const stored = { customerId, conversationId: conversation.id, messageId: message.id };
  await attachStoredMessage(context.trx, arrival.inboundId, stored);
  return { stored: true, messageId: message.id, conversationId: conversation.id };
}

async function findFirstDelivery(
  context: UnitOfWorkContext,
  inbound: InboundMessage,
): Promise<{ stored: false; messageId: string; conversationId: string }> {
  const first = await findInboundMessage(context.trx, inbound);
  // The claim and the stored message commit together, so a claimed row always names its message.
  if (!first?.message_id || !first.conversation_id) throw new KefuError('conflict');
  return { stored: false, messageId: first.message_id, conversationId: first.conversation_id };
}

/** The customer behind the message: named by the proof (a visitor token) or found by the platform's id. */
async function identifySender(context: UnitOfWorkContext, inbound: InboundMessage): Promise<string> {
  // A token issued before its customer was merged into another one names the customer it became.
  if ('customerId' in inbound.sender) return currentCustomerId(context.trx, inbound.sender.customerId);
  const { customer } = await resolveCustomerByIdentity(
    context.trx,
    context.emit,
    {
      channel: inbound.channel,
      externalId: inbound.sender.externalId,
      displayName: inbound.sender.displayName,
      locale: inbound.sender.locale,
    },
    context.now,
  );
  return customer.id;
}
