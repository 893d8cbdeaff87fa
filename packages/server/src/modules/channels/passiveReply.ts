import type { Conversation, Message } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { ConversationService } from '../conversations';
import type { ChannelKind } from '../../channelKinds';
import type {
  ChannelAdapter,
  ChannelQuery,
  InboundMessage,
  PushResponse,
  VerifiedInbound,
} from './channelAdapter';
import type { DeliveryRow } from './deliveries/deliveriesRepo';
import { claimDelivery, findDelivery } from './deliveries/deliveriesRepo';
import { isForTheShopper, recordDelivery, toOutbound } from './deliveries/deliverMessage';
import type { AnswerWaiter } from './web/answerWaiter';

export interface PassiveReplyDependencies {
  db: Db;
  clock: Clock;
  adapterFor(kind: ChannelKind, accountId: string | null): Promise<ChannelAdapter>;
  answers: AnswerWaiter;
  conversations: ConversationService;
  /** How long a push may wait for its answer (KEFU_WECHAT_PASSIVE_WAIT_MS); 0: never answered passively. */
  waitMs: number;
}

/** A verified push whose one message is stored: what a passive reply answers. */
export interface AnsweredPush {
  adapter: ChannelAdapter;
  verified: VerifiedInbound;
  query: ChannelQuery;
  inbound: InboundMessage;
  /** The stored message of the push (the first delivery's, when this one is the platform's retry). */
  messageId: string;
  /** When the request arrived (ms since the epoch): the wait is bounded from there. */
  arrivedAt: number;
}

/**
 * The bot's answer in the response to the platform's push (WeChat's passive reply), or null: answer the push
 * as usual (`success`) and let the delivery job send the answer through the platform's API.
 *
 * The push waits, up to `waitMs` from its arrival, for the bot's job to answer its message — wherever that
 * job runs: the answer waiter hears `message.answered` on the event bus and asks the store first. An answer
 * of exactly one message for the shopper is then recorded as that message's delivery and claimed for the
 * passive reply with the same conditional UPDATE the delivery job uses before it calls the API, so exactly
 * one of them sends it. Several messages (an answer followed by a hand-over notice) all go through the API,
 * in order: a passive reply carries one message, and the rest sent at once by the API could reach the
 * shopper before it. A greeting for a new follower is itself the push's answer and needs no wait.
 *
 * A passive delivery is recorded as sent — handed to the platform — when claimed: nothing tells us that
 * WeChat showed it. WeChat retries a push (same MsgId, up to three times) only when it did not get our
 * response in time, so the reply handed over may never have arrived; a retry therefore gets the same reply
 * again (the same message, date and delivery), never `success` and never another message, and WeChat takes
 * the response to one attempt of its push. A retry during the first attempt's wait waits as well, and
 * whichever loses the claim hands over the winner's reply. Should every attempt's response be lost, WeChat
 * gives up and the answer is lost with it (as with any passive reply); the delivery log shows it went out
 * as `passive`. When the delivery job took the answer first, the push is answered `success`.
 */
export async function answerPushPassively(
  dependencies: PassiveReplyDependencies,
  push: AnsweredPush,
): Promise<PushResponse | null> {
  if (!push.adapter.passiveReply || dependencies.waitMs <= 0) return null;
  const reply = await awaitSingleAnswer(dependencies, push);
  if (!reply) return null;
  const conversation = await dependencies.conversations.findConversation(reply.conversationId);
  if (!conversation) return null;
  const { delivery } = await recordDelivery(dependencies, reply, conversation);
  if (!answersPush(delivery, push.inbound)) return null;
  const now = dependencies.clock.now();
  // Rendered before the claim: a message the platform cannot take passively is left to the API untouched.
  const response = render(push, { delivery, conversation, reply }, now);
  if (!response) return null;
  if (await claimDelivery(dependencies.db, delivery.id, { via: 'passive' }, now)) return response;
  const current = await findDelivery(dependencies.db, delivery.id);
  if (current?.sent_via !== 'passive' || current.sent_at === null) return null;
  return render(push, { delivery: current, conversation, reply }, new Date(current.sent_at));
}

/** The one message answering the push once the bot is done with it; null when none, several, or too late. */
async function awaitSingleAnswer(
  dependencies: PassiveReplyDependencies,
  push: AnsweredPush,
): Promise<Message | null> {
  const message = await dependencies.conversations.findMessage(push.messageId);
  if (!message) return null;
  if (message.sender !== 'customer') return isForTheShopper(message) ? message : null;
  const remainingMs = push.arrivedAt + dependencies.waitMs - Date.now();
  if (remainingMs <= 0 || !(await dependencies.answers.waitForAnswer(message.id, remainingMs))) return null;
  const replies = (await dependencies.conversations.listRepliesTo(message.id)).filter(isForTheShopper);
  return replies.length === 1 ? (replies[0] ?? null) : null;
}

/** The delivery goes to the push's sender on the push's account: only then can the push's response carry it. */
function answersPush(delivery: DeliveryRow, inbound: InboundMessage): boolean {
  const sender = 'externalId' in inbound.sender ? inbound.sender.externalId : null;
  return (
    delivery.channel === inbound.channel &&
    delivery.account_id === inbound.accountId &&
    sender !== null &&
    delivery.recipient_external_id === sender
  );
}

function render(
  push: AnsweredPush,
  answer: { delivery: DeliveryRow; conversation: Conversation; reply: Message },
  sentAt: Date,
): PushResponse | null {
  const outbound = toOutbound(answer.delivery, answer.conversation, answer.reply, push.adapter);
  try {
    return push.adapter.passiveReply?.(push.verified, push.query, outbound, sentAt) ?? null;
  } catch {
    // Nothing to show or nobody to show it to: the delivery job records why.
    return null;
  }
}
