// Row types of the marketing module's tables (migration 0032), kept apart from schema.ts so the module touches
// the shared file in one line.

export interface MarketingOfferRulesTable {
  id: string;
  name: string;
  enabled: number;
  /** JSON: when the rule applies (see the marketing module's schemas). */
  conditions: string;
  /** JSON: what it sends (recommendations, coupon). */
  content: string;
  delay_minutes: number;
  cap_days: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MarketingOffersTable {
  id: string;
  rule_id: string;
  customer_id: string;
  conversation_id: string;
  /** The resolution it follows: one offer per (conversation, resolution). */
  resolved_at: string;
  /** scheduled | sent | skipped */
  status: string;
  /** opted_out | frequency_cap | customer_erased | reply_window_closed | conversation_active | nothing_to_offer | shop_unavailable */
  skip_reason: string | null;
  coupon_code: string | null;
  due_at: string;
  created_at: string;
  sent_at: string | null;
  redeemed_at: string | null;
  redeemed_order_number: string | null;
}

export interface MarketingOfferItemsTable {
  id: string;
  offer_id: string;
  position: number;
  product_id: string;
  /** The only place `/r/:token` redirects to: the product page as the shop gave it. */
  url: string;
  token: string;
  /** The first click; later clicks redirect without counting. */
  clicked_at: string | null;
}

export interface MarketingPreferencesTable {
  customer_id: string;
  opted_out: number;
  /** shopper (they wrote it in the chat) | agent (set from the console) */
  source: string;
  updated_at: string;
}

export interface MarketingTables {
  marketing_offer_rules: MarketingOfferRulesTable;
  marketing_offers: MarketingOffersTable;
  marketing_offer_items: MarketingOfferItemsTable;
  marketing_preferences: MarketingPreferencesTable;
}
