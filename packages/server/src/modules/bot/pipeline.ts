import type { MessageCard, QuickReply } from '@kefu/sdk';
import { localizeCard } from './cards';
import type { ReplyLocale } from '../../replyLocale';
import type { Understanding } from './understanding';

export interface BotTurn {
  conversationId: string;
  customerId: string;
  /** The shopper's message this turn answers. */
  messageId: string;
  channel: string;
  text: string;
  understanding: Understanding;
  locale: ReplyLocale;
  pageProductId: string | null;
  /** The intents of the shopper's previous messages, newest first ("KF…" after "能开发票吗" is about an invoice). */
  earlierIntents: { id: string; confidence: number }[];
  /** Photos sent with the message (the text may then be empty). */
  attachments: { kind: 'image'; url: string }[];
}

export interface BotReply {
  /** Always a complete answer: channels without cards show only this. */
  text: string;
  quickReplies: QuickReply[];
  card?: MessageCard;
}

/**
 * Why the bot itself passes a conversation to a person: the shopper asked, or a flow needs a person (the shop
 * system cannot do it, a parcel needs investigating, a warranty repair, an invoice to re-issue).
 */
export const botHandoffReasons = [
  'customer_request',
  'commerce_unsupported',
  'commerce_unavailable',
  'delivery_investigation',
  'warranty_repair',
  'shipment_exception',
  'shipment_stalled',
  'shipment_overdue',
  'invoice_correction',
] as const;
export type BotHandoffReason = (typeof botHandoffReasons)[number];

export interface BotDecision {
  /** Which stage answered, recorded for analytics and debugging. */
  stage: string;
  replies: BotReply[];
  handoff: { reason: BotHandoffReason } | null;
  /** What the bot did to the shopper's orders in this turn (announced as `order.action_taken` with the replies). */
  orderActions?: BotOrderAction[];
}

export interface BotOrderAction {
  orderNumber: string;
  /** `cancelled`, `invoice_requested`, `return_started`, `address_changed`, `refund_started`. */
  action: string;
}

/** One step of the bot: answers the turn, or returns null to let the next stage try. */
export interface BotStage {
  readonly name: string;
  handle(turn: BotTurn): Promise<BotDecision | null>;
}

/** Runs the stages in order; the first that answers decides. The last stage must always answer. */
export class BotPipeline {
  constructor(
    private readonly stages: readonly BotStage[],
    private readonly localize: (text: string, locale: ReplyLocale) => string,
  ) {}

  async respond(turn: BotTurn): Promise<BotDecision> {
    for (const stage of this.stages) {
      const decision = await stage.handle(turn);
      if (decision) return this.localizeDecision(decision, turn.locale);
    }
    throw new Error('The bot pipeline has no stage that always answers');
  }

  private localizeDecision(decision: BotDecision, locale: ReplyLocale): BotDecision {
    const localize = (text: string) => this.localize(text, locale);
    return {
      ...decision,
      replies: decision.replies.map((reply) => ({
        text: localize(reply.text),
        quickReplies: reply.quickReplies.map((quickReply) => ({
          label: localize(quickReply.label),
          text: localize(quickReply.text),
        })),
        ...(reply.card && { card: localizeCard(reply.card, localize) }),
      })),
    };
  }
}
