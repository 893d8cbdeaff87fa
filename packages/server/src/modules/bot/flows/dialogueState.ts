import { z } from 'zod';
import { shopperSlotsSchema } from './shopperSlots';

export const flowNames = [
  'order_tracking',
  'urge_shipment',
  'shipping_info',
  'delivery_problem',
  'order_cancel',
  'order_modify',
  'return_exchange',
  'refund',
  'invoice',
  'product_inquiry',
  'stock_availability',
  'price_promotion',
  'warranty_repair',
] as const;

export type FlowName = (typeof flowNames)[number];

export function isFlowName(value: string): value is FlowName {
  return (flowNames as readonly string[]).includes(value);
}

const dialogueStateSchema = z.object({
  /** The flow in progress, or null between flows. */
  flow: z.enum(flowNames).nullable().default(null),
  /** What the bot asked for and waits to hear: `order`, `choose_order`, `verify_phone`, `clarify`, or a flow's own step. */
  step: z.string().nullable().default(null),
  /** The flow's collected answers (reason, new address, invoice title …). */
  slots: z.record(z.string(), z.string()).default({}),
  /** The order under discussion: what "this order / 这个订单 / it" refers to. */
  orderNumber: z.string().nullable().default(null),
  /** An order a guest named, waiting for the phone check before anything is revealed. */
  pendingOrderNumber: z.string().nullable().default(null),
  /** Orders this guest proved (order number + phone last 4 digits). */
  verifiedOrders: z.array(z.string()).default([]),
  /** The product under discussion: what "那件 / it" refers to. */
  productId: z.string().nullable().default(null),
  /** Orders offered as quick replies, in order ("第二个" picks the second). */
  orderChoices: z.array(z.string()).default([]),
  /** Flows offered by a clarifying question. */
  clarifyOptions: z.array(z.enum(flowNames)).default([]),
  /** What the shopper said that flows may need (phone tail, reason, invoice fields …), for the order in context. */
  memory: shopperSlotsSchema.default({}),
  /** Flows asked for in the same message as the current one ("查物流，还有开发票"), taken up in turn. */
  pendingFlows: z.array(z.enum(flowNames)).default([]),
  /** Failed attempts at the current step (wrong number, wrong digits). */
  attempts: z.number().int().default(0),
  updatedAt: z.string().nullable().default(null),
});

export type DialogueState = z.infer<typeof dialogueStateSchema>;

export function emptyDialogueState(): DialogueState {
  return dialogueStateSchema.parse({});
}

/** A corrupt or foreign state starts over rather than breaking the conversation. */
export function parseDialogueState(text: string | null): DialogueState {
  if (!text) return emptyDialogueState();
  try {
    const parsed = dialogueStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyDialogueState();
  } catch {
    return emptyDialogueState();
  }
}

export function isStateActive(state: DialogueState): boolean {
  return state.flow !== null || state.step !== null;
}

/** Ends the flow but keeps the context (order, product, verified orders) for "this order" later. */
export function endFlow(state: DialogueState): void {
  state.flow = null;
  state.step = null;
  state.slots = {};
  state.orderChoices = [];
  state.clarifyOptions = [];
  state.pendingOrderNumber = null;
  state.attempts = 0;
}
