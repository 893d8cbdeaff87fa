import { toSimplified } from '@kefu/nlu';
import type { Clock } from '../../../clock';
import type { CommerceConnector } from '../../commerce';
import { DialogueStateStore } from '../../conversations';
import { findShopCustomerId } from '../../customers';
import type { DialogueState } from '../flows/dialogueState';
import { isStateActive, parseDialogueState } from '../flows/dialogueState';
import type { ShopperSlots } from '../flows/shopperSlots';
import { extractShopperSlots, rememberSlots } from '../flows/shopperSlots';
import { runDialogueTurn } from '../flows/dialogueManager';
import type { FlowContext, FlowResult } from '../flows/flowKit';
import { answer, humanButton, reply, say } from '../flows/flowKit';
import type { BotDecision, BotOrderAction, BotStage, BotTurn } from '../pipeline';
import { recordOrderActions } from '../flows/recordOrderActions';
import type { MessageUnderstander } from '../understanding';
import type { Db } from '../../../db/database';

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
  classify(text: string): { id: string; confidence: number };
  setNotificationOptOut(customerId: string, optedOut: boolean): Promise<void>;
  /** Records the opt-out when the text asks for no more offers (recommendations, coupons); true then. */
  optOutOfOffers(customerId: string, text: string): Promise<boolean>;
}

/** A state left on another channel this recently is picked up where the shopper left it. */
const crossChannelWindowMs = 30 * 60_000;
const optOutPattern =
  /退订|不要再?(给我)?发(通知|消息)|关闭(物流)?通知|取消(物流)?通知|unsubscribe|stop (sending )?(notifications|updates)/i;
const optInPattern = /恢复(物流)?通知|重新订阅|开启(物流)?通知|resubscribe|turn on notifications/i;

const bareAnswerPattern =
  /^(?:确认|确定|是|是的|对|对的|没错|可以|行|要|需要|不是|不对|不要|不需要|不用|不用了|不必了?|算了|那算了|yes|yeah|yep|yup|confirm(?:ed)?|no|nope|no thanks|never ?mind|forget it)[!！。.~～\s]*$/i;

function acknowledge(turn: BotTurn): BotDecision {
  return {
    stage: 'flow:acknowledged',
    replies: [
      reply(
        say(
          turn.locale,
          '好的。请问还有什么可以帮您？直接告诉我您的问题就好。',
          'OK. What else can I help you with? Just tell me.',
        ),
      ),
    ],
    handoff: null,
  };
}

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
    // "确认" / "yes" when nothing waits for an answer (the question was settled or never asked): not a search.
    if (!isStateActive(state) && bareAnswerPattern.test(text)) return acknowledge(turn);
    const said = rememberWhatWasSaid(state, turn, text);
    const orderActions: BotOrderAction[] = [];
    const context: FlowContext = {
      said,
      classify: (clause) => this.dependencies.classify(clause),
      turn,
      text,
      state,
      commerce: recordOrderActions(this.dependencies.commerce, orderActions),
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
    const result = adjustTone(turn, outcome.result);
    return {
      stage: `${this.name}:${outcome.flow}`,
      replies: result.replies,
      handoff: result.handoff,
      ...(orderActions.length > 0 && { orderActions }),
    };
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
    const offersOptOut = await this.dependencies.optOutOfOffers(turn.customerId, text);
    if (!optOut && !offersOptOut && !optInPattern.test(text)) return null;
    if (!optOut && offersOptOut) {
      const message = say(
        turn.locale,
        '好的，今后不再向您发送商品推荐和优惠信息。',
        'Done: you will no longer get product recommendations or coupons from us.',
      );
      return { stage: `${this.name}:offers`, replies: [reply(message)], handoff: null };
    }
    await this.dependencies.setNotificationOptOut(turn.customerId, optOut);
    const message = optOut
      ? say(
          turn.locale,
          offersOptOut
            ? '好的，已为您关闭订单和物流通知，也不再发送商品推荐和优惠信息。需要时发送“恢复通知”即可重新开启通知。'
            : '好的，已为您关闭订单和物流通知。需要时发送“恢复通知”即可重新开启。',
          offersOptOut
            ? 'Done: no more order and delivery notifications, recommendations or coupons. Send "turn on notifications" to get notifications again.'
            : 'Done: you will no longer get order and delivery notifications. Send "turn on notifications" to get them again.',
        )
      : say(
          turn.locale,
          '好的，已为您开启订单和物流通知。',
          'Done: order and delivery notifications are on.',
        );
    return { stage: `${this.name}:notifications`, replies: [reply(message)], handoff: null };
  }
}

/** Every message fills every slot it holds; naming another order drops what was said about the last one. */
function rememberWhatWasSaid(state: DialogueState, turn: BotTurn, simplified: string): ShopperSlots {
  const said = extractShopperSlots(turn.text, simplified, turn.understanding);
  const named = turn.understanding.entities.find((entity) => entity.type === 'order_number')?.value;
  const newOrder = named !== undefined && state.orderNumber !== null && named !== state.orderNumber;
  state.memory = rememberSlots(state.memory, said, newOrder);
  return said;
}

const apology = /抱歉|对不起|sorry|apologi/i;
const empathyBelow = -0.4;

/** An upset shopper hears an apology first, a shorter answer, and is offered a person. */
function adjustTone(turn: BotTurn, result: FlowResult): FlowResult {
  const { sentiment } = turn.understanding;
  // A mild complaint stated as a fact ("裤子小了") is answered plainly; clear displeasure gets the apology.
  if (!sentiment.anger && (sentiment.label !== 'negative' || sentiment.score > empathyBelow)) return result;
  if (result.replies.some((item) => apology.test(item.text))) return result;
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
      ...item,
      text: index === 0 ? `${empathy}\n${shortened}` : shortened,
      quickReplies: withHuman ? [...item.quickReplies, humanButton(turn.locale)] : item.quickReplies,
    };
  });
  return { ...answer(...replies), handoff: result.handoff };
}

/** The flow stage wired to the store, the configured shop connector and the notification preferences. */
export function createFlowStage(
  db: Db,
  commerce: {
    connector: CommerceConnector;
    setNotificationOptOut: FlowStageDependencies['setNotificationOptOut'];
    optOutOfOffers: FlowStageDependencies['optOutOfOffers'];
  },
  clock: Clock,
  understander: MessageUnderstander,
): FlowStage {
  return new FlowStage({
    classify: (text) => understander.understand(text, clock.now()).intent,
    commerce: commerce.connector,
    clock,
    states: new DialogueStateStore(db),
    findShopCustomerId: (customerId) => findShopCustomerId(db, customerId),
    setNotificationOptOut: commerce.setNotificationOptOut,
    optOutOfOffers: commerce.optOutOfOffers,
  });
}
