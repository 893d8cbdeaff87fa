import { toSimplified, toTraditional } from '@kefu/nlu';
import type { Clock } from '../../../clock';
import type { CommerceConnector } from '../../commerce/connector';
import type { DialogueState } from '../flows/dialogueState';
import { isStateActive, parseDialogueState } from '../flows/dialogueState';
import { runDialogueTurn } from '../flows/dialogueManager';
import type { FlowContext, FlowResult } from '../flows/flowKit';
import { answer, humanButton, reply, say } from '../flows/flowKit';
import type { BotDecision, BotReply, BotStage, BotTurn } from '../pipeline';
import type { ReplyLocale } from '../replyLocale';
import { localizeReply } from '../replyLocale';
import type { Db } from '../../../db/database';
import type { CommerceModule } from '../../commerce/commerceModule';
import { DialogueStateStore } from '../../conversations/dialogueStateStore';
import { findShopCustomerId } from '../../customers/shopIdentity';

export interface FlowStageDependencies {
  commerce: CommerceConnector;
  clock: Clock;
  /** Reads and writes `conversations.bot_state`. */
  states: {
    read(conversationId: string): Promise<string | null>;
    readLatestOfCustomer(customerId: string, exceptConversationId: string): Promise<string | null>;
    write(conversationId: string, state: string): Promise<void>;
  };
  findShopCustomerId(customerId: string): Promise<string | null>;
  setNotificationOptOut(customerId: string, optedOut: boolean): Promise<void>;
}

/** A state left on another channel this recently is picked up where the shopper left it. */
const crossChannelWindowMs = 30 * 60_000;
const optOutPattern =
  /退订|不要再?(给我)?发(通知|消息)|关闭(物流)?通知|取消(物流)?通知|unsubscribe|stop (sending )?(notifications|updates)/i;
const optInPattern = /恢复(物流)?通知|重新订阅|开启(物流)?通知|resubscribe|turn on notifications/i;

/**
 * The dialogue flows (orders, shipments, returns, refunds, invoices, products): continues the flow kept in
 * the conversation's bot state or starts one from the intent, and saves the state after every turn.
 */
export class FlowStage implements BotStage {
  readonly name = 'flow';

  constructor(private readonly dependencies: FlowStageDependencies) {}

  async handle(turn: BotTurn): Promise<BotDecision | null> {
    const text = toSimplified(turn.text).trim();
    const notification = await this.handleNotificationPreference(turn, text);
    if (notification) return notification;
    const state = await this.loadState(turn);
    const locale = chooseFlowLocale(turn, state.locale);
    state.locale = locale;
    const context: FlowContext = {
      turn: { ...turn, locale },
      text,
      state,
      commerce: this.dependencies.commerce,
      now: this.dependencies.clock.now(),
      shopCustomerId: await this.dependencies.findShopCustomerId(turn.customerId),
    };
    const before = JSON.stringify(state);
    const outcome = await runDialogueTurn(context);
    if (JSON.stringify(state) !== before || outcome) {
      state.updatedAt = context.now.toISOString();
      await this.dependencies.states.write(turn.conversationId, JSON.stringify(state));
    }
    if (!outcome) return null;
    const result = adjustTone(context.turn, outcome.result);
    // The pipeline converts to traditional script by the message's locale; a bare number inherits the shopper's.
    const replies =
      locale === 'zh-TW' && turn.locale !== 'zh-TW'
        ? result.replies.map((item) => localizeBotReply(item, locale))
        : result.replies;
    return { stage: `${this.name}:${outcome.flow}`, replies, handoff: result.handoff };
  }

  private async loadState(turn: BotTurn): Promise<DialogueState> {
    const own = parseDialogueState(await this.dependencies.states.read(turn.conversationId));
    if (isStateActive(own) || own.orderNumber) return own;
    const other = parseDialogueState(
      await this.dependencies.states.readLatestOfCustomer(turn.customerId, turn.conversationId),
    );
    const age = other.updatedAt
      ? this.dependencies.clock.now().getTime() - Date.parse(other.updatedAt)
      : Infinity;
    return age <= crossChannelWindowMs ? other : own;
  }

  private async handleNotificationPreference(turn: BotTurn, text: string): Promise<BotDecision | null> {
    const optOut = optOutPattern.test(text);
    if (!optOut && !optInPattern.test(text)) return null;
    await this.dependencies.setNotificationOptOut(turn.customerId, optOut);
    const message = optOut
      ? say(
          turn.locale,
          '好的，已为您关闭订单和物流通知。需要时发送“恢复通知”即可重新开启。',
          'Done: you will no longer get order and delivery notifications. Send "turn on notifications" to get them again.',
        )
      : say(
          turn.locale,
          '好的，已为您开启订单和物流通知。',
          'Done: order and delivery notifications are on.',
        );
    return { stage: `${this.name}:notifications`, replies: [reply(message)], handoff: null };
  }
}

/** An upset shopper hears an apology first, a shorter answer, and is offered a person. */
function adjustTone(turn: BotTurn, result: FlowResult): FlowResult {
  const { sentiment } = turn.understanding;
  if (sentiment.label !== 'negative' && !sentiment.anger) return result;
  const empathy = say(
    turn.locale,
    '非常抱歉给您带来了不好的体验，我马上帮您处理。',
    "I'm really sorry about this — let me sort it out right away.",
  );
  const replies = result.replies.map((item, index) => {
    const shortened = item.text.split('\n').slice(0, 2).join('\n');
    const withHuman =
      index === result.replies.length - 1 &&
      !result.handoff &&
      !item.quickReplies.some((quick) => quick.text === humanButton(turn.locale).text);
    return {
      text: index === 0 ? `${empathy}\n${shortened}` : shortened,
      quickReplies: withHuman ? [...item.quickReplies, humanButton(turn.locale)] : item.quickReplies,
    };
  });
  return { ...answer(...replies), handoff: result.handoff };
}

/** The flow stage wired to the store, the configured shop connector and the notification preferences. */
export function createFlowStage(db: Db, commerce: CommerceModule, clock: Clock): FlowStage {
  return new FlowStage({
    commerce: commerce.connector,
    clock,
    states: new DialogueStateStore(db),
    findShopCustomerId: (customerId) => findShopCustomerId(db, customerId),
    setNotificationOptOut: (customerId, optedOut) => commerce.notifier.setOptOut(customerId, optedOut),
  });
}

function localizeBotReply(item: BotReply, locale: ReplyLocale): BotReply {
  return {
    text: localizeReply(item.text, locale),
    quickReplies: item.quickReplies.map((quick) => ({
      label: localizeReply(quick.label, locale),
      text: localizeReply(quick.text, locale),
    })),
  };
}

/**
 * The language to answer in. A message without words ("0202", an order number, an e-mail) keeps the
 * shopper's language, and Chinese that reads the same in both scripts ("不想要了") keeps their script.
 */
function chooseFlowLocale(turn: BotTurn, previous: ReplyLocale | null): ReplyLocale {
  if (!previous) return turn.locale;
  const words = turn.text.replace(/[\w.%+-]+@[\w.-]+/g, ' ').replace(/[A-Za-z]*\d[A-Za-z0-9]*/g, ' ');
  const han = /\p{Script=Han}/u.test(words);
  const english = /[A-Za-z]{2,}/.test(words);
  if (!han && !english) return previous;
  if (han && previous === 'zh-TW' && toSimplified(words) === toTraditional(words)) return previous;
  return turn.locale;
}
