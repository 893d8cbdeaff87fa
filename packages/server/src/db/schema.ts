// Row types of every table. Timestamps are ISO-8601 UTC strings and JSON columns are text on both
// SQLite and PostgreSQL, so rows have one shape whichever store is configured.

export interface CustomersTable {
  id: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  vip_tier: string;
  tags: string;
  shop_customer_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerIdentitiesTable {
  id: string;
  customer_id: string;
  channel: string;
  external_id: string;
  created_at: string;
  last_seen_at: string;
}

export interface ConversationsTable {
  id: string;
  customer_id: string;
  channel: string;
  status: string;
  priority: string;
  category: string | null;
  assignee_id: string | null;
  subject: string | null;
  locale: string | null;
  page_url: string | null;
  page_product_id: string | null;
  bot_state: string;
  last_message_at: string | null;
  first_agent_reply_at: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  sender: string;
  sender_id: string | null;
  sender_name: string | null;
  text: string;
  attachments: string;
  quick_replies: string;
  is_private: number;
  client_message_id: string | null;
  reply_to_message_id: string | null;
  analysis: string | null;
  created_at: string;
}

export interface AgentsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  presence: string;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface AgentSessionsTable {
  id: string;
  agent_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface OutboxEventsTable {
  id: string;
  name: string;
  payload: string;
  created_at: string;
  published_at: string | null;
}

export interface BotRulesTable {
  id: string;
  name: string;
  match_type: string;
  patterns: string;
  reply_zh: string;
  reply_en: string;
  action: string;
  priority: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: string;
  created_at: string;
}

export interface ProductsTable {
  id: string;
  sku: string;
  brand: string;
  category: string;
  name_zh: string;
  name_en: string;
  description_zh: string;
  description_en: string;
  price_cents: number;
  stock: number;
  image_emoji: string;
  return_policy: string;
  warranty_months: number;
  attributes: string;
  variants: string;
  tags: string;
  updated_at: string;
}

export interface ShopCustomersTable {
  id: string;
  name: string;
  phone: string;
  email: string;
  locale: string;
  vip_tier: string;
  points: number;
  addresses: string;
  tags: string;
  registered_at: string;
}

export interface OrdersTable {
  id: string;
  order_number: string;
  shop_customer_id: string;
  status: string;
  items: string;
  subtotal_cents: number;
  shipping_cents: number;
  discount_cents: number;
  total_cents: number;
  payment_method: string | null;
  shipping_address: string;
  invoice: string | null;
  coupon_code: string | null;
  buyer_note: string | null;
  /** JSON: cancellation reasons, seeded scenario and other less-structured facts. */
  details: string;
  placed_at: string;
  payment_deadline_at: string | null;
  paid_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  cancelled_at: string | null;
  updated_at: string;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  carrier_code: string;
  carrier_name_zh: string;
  carrier_name_en: string;
  tracking_number: string;
  status: string;
  events: string;
  shipped_at: string;
  estimated_delivery_at: string | null;
  delivered_at: string | null;
}

export interface ReturnsTable {
  id: string;
  order_id: string;
  return_number: string;
  status: string;
  reason_code: string;
  items: string;
  /** JSON: reason texts, the return parcel and each step's time. */
  details: string;
  created_at: string;
  updated_at: string;
}

export interface RefundsTable {
  id: string;
  order_id: string;
  amount_cents: number;
  method: string;
  status: string;
  return_id: string | null;
  /** JSON: reason texts and settlement time. */
  details: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  agents: AgentsTable;
  agent_sessions: AgentSessionsTable;
  outbox_events: OutboxEventsTable;
  bot_rules: BotRulesTable;
  audit_log: AuditLogTable;
  products: ProductsTable;
  shop_customers: ShopCustomersTable;
  orders: OrdersTable;
  shipments: ShipmentsTable;
  returns: ReturnsTable;
  refunds: RefundsTable;
}
