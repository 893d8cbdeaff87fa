/** The default intent ids; other parts of Kefu and external evaluations rely on them, so they never change. */
export const DEFAULT_INTENTS = [
  'greeting',
  'goodbye',
  'human_agent',
  'complaint',
  'order_tracking',
  'urge_shipment',
  'shipping_info',
  'delivery_problem',
  'order_cancel',
  'order_modify',
  'order_place',
  'return_exchange',
  'refund',
  'payment',
  'invoice',
  'price_promotion',
  'product_inquiry',
  'stock_availability',
  'warranty_repair',
  'account',
  'feedback',
  'unknown',
] as const;

export type DefaultIntent = (typeof DEFAULT_INTENTS)[number];
