import type { InsightTables } from './insightSchema';
import type { MarketingTables } from './marketingSchema';

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
  /** Blind indexes (keyed hashes) of the encrypted phone and e-mail, for lookups. */
  phone_index: string | null;
  email_index: string | null;
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
  /** The team it was transferred to: while nobody holds it, only that team's agents (and supervisors) see it. */
  team_id: string | null;
  /** The agent the shopper was told has joined (null: nobody yet, or the holder changed since). */
  announced_agent_id: string | null;
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
  /** JSON of a MessageCard (product or order), or null. */
  card: string | null;
  created_at: string;
  /** Customer messages: when the bot finished with it (null while its job waits or runs). */
  answered_at: string | null;
  /** The channel it came on (customer) or goes out on (others); null for messages stored before channels moved. */
  channel: string | null;
}

/** Two customers made one: what moved from the merged customer to the surviving one, so it can be undone. */
export interface CustomerMergesTable {
  id: string;
  surviving_customer_id: string;
  merged_customer_id: string;
  /** `verified_key` (the same verified key arrived) or `manual` (an agent merged them). */
  reason: string;
  /** The kind of key that linked them (`wechat_unionid`, `phone`, `email`, `shop`); null for a manual merge. */
  key_kind: string | null;
  /** JSON arrays of the ids moved. */
  moved_identity_ids: string;
  moved_conversation_ids: string;
  /** JSON array of the profile fields the survivor took from the merged customer (it had none of its own). */
  copied_fields: string;
  merged_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface UploadsTable {
  id: string;
  customer_id: string;
  conversation_id: string | null;
  message_id: string | null;
  /** `photo` (shown in the conversation) or `file` (offered as a download). */
  kind: string;
  /** The sender's file name, cleaned; null for photos uploaded in the widget. */
  file_name: string | null;
  content_type: string;
  size_bytes: number;
  storage_name: string;
  created_at: string;
}

export interface AgentsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  /** Set when `role` is `custom`: the custom role whose permissions the agent has. */
  custom_role_id: string | null;
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
  /** The hash chain: 1, 2, 3… (null for entries written before it existed). */
  sequence: number | null;
  previous_hash: string | null;
  hash: string | null;
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
  /** The product's own dispatch promise; null: the shop's default. */
  ships_within_hours: number | null;
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
  phone_index: string | null;
  email_index: string | null;
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
  /** The shop's time of the state held here (webhooks): an update older than this changes nothing. */
  shop_updated_at: string | null;
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
  /** The shop's time of the state held here (webhooks): an update older than this changes nothing. */
  shop_updated_at: string | null;
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

export interface KnowledgeEntriesTable {
  id: string;
  kind: string;
  title: string;
  category: string;
  latest_version: number;
  published_version: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface KnowledgeVersionsTable {
  id: string;
  entry_id: string;
  version: number;
  status: string;
  /** JSON: category, tags, products, channels, validity window and the per-locale content. */
  content: string;
  author_id: string | null;
  reviewer_id: string | null;
  review_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface KnowledgeImportJobsTable {
  id: string;
  format: string;
  status: string;
  payload: string;
  submit_for_review: number;
  total_rows: number;
  processed_rows: number;
  imported_count: number;
  failed_count: number;
  errors: string;
  entry_ids: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface KnowledgeQueriesTable {
  id: string;
  conversation_id: string;
  message_id: string;
  channel: string;
  locale: string;
  question: string;
  outcome: string;
  entry_id: string | null;
  score: number;
  candidates: string;
  product_id: string | null;
  feedback: string | null;
  feedback_at: string | null;
  correction: string | null;
  corrected_by: string | null;
  corrected_at: string | null;
  drafted_entry_id: string | null;
  created_at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  agent_id: string;
  created_at: string;
}

export interface AgentRoutingProfilesTable {
  agent_id: string;
  capacity: number;
  /** JSON: categories, languages, channels and product lines the agent handles (empty = any). */
  skills: string;
  last_assigned_at: string | null;
  updated_at: string;
}

export interface ServiceSettingsTable {
  key: string;
  /** JSON, validated by the owning module's schema. */
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ConversationHandoffsTable {
  id: string;
  conversation_id: string;
  reason: string;
  /** JSON: the summary handed to the agent. */
  summary: string;
  created_at: string;
}

export interface ConversationClassificationsTable {
  conversation_id: string;
  category: string;
  category_overridden: number;
  priority: string;
  priority_overridden: number;
  reasons: string;
  /** JSON: the inputs of the priority rules (VIP tier, intent, anger, trend) for recomputation. */
  signals: string;
  updated_by: string | null;
  updated_at: string;
}

export interface QueueEntriesTable {
  conversation_id: string;
  customer_id: string;
  channel: string;
  category: string;
  language: string;
  product_line: string | null;
  priority: string;
  team_id: string | null;
  preferred_agent_id: string | null;
  excluded_agent_id: string | null;
  reason: string;
  enqueued_at: string;
  notified_at: string | null;
}

export interface TicketsTable {
  id: string;
  subject: string;
  description: string;
  status: string;
  priority: string;
  category: string;
  channel: string;
  source: string;
  customer_id: string | null;
  assignee_id: string | null;
  team_id: string | null;
  created_by: string | null;
  first_responded_at: string | null;
  solved_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TicketLinksTable {
  ticket_id: string;
  kind: string;
  target_id: string;
  created_at: string;
}

export interface TicketCommentsTable {
  id: string;
  ticket_id: string;
  author_type: string;
  author_id: string | null;
  body: string;
  is_internal: number;
  created_at: string;
}

export interface TicketHistoryTable {
  id: string;
  ticket_id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  changes: string;
  created_at: string;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  position: number;
  match_priority: string | null;
  match_category: string | null;
  match_channel: string | null;
  first_response_minutes: number | null;
  next_response_minutes: number | null;
  resolution_minutes: number | null;
  warning_minutes: number;
  business_hours_only: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface TicketSlaTargetsTable {
  id: string;
  ticket_id: string;
  policy_id: string;
  target: string;
  started_at: string;
  warn_at: string;
  due_at: string;
  met_at: string | null;
  cancelled_at: string | null;
  warned_at: string | null;
  breached_at: string | null;
}

export interface CsatSurveysTable {
  id: string;
  conversation_id: string;
  customer_id: string;
  channel: string;
  agent_id: string | null;
  resolved_at: string;
  rating: number | null;
  comment: string | null;
  requested_at: string;
  responded_at: string | null;
}

export interface ExperimentsTable {
  id: string;
  name: string;
  script_key: string;
  metric: string;
  status: string;
  /** JSON: the variants, the control first. */
  variants: string;
  winner_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  stopped_at: string | null;
  promoted_at: string | null;
}

export interface ExperimentExposuresTable {
  id: string;
  experiment_id: string;
  variant_key: string;
  customer_id: string;
  conversation_id: string;
  trigger_message_id: string | null;
  exposed_at: string;
  handed_off_at: string | null;
  replied_at: string | null;
  csat_rating: number | null;
}

export interface NotificationPreferencesTable {
  customer_id: string;
  opted_out: number;
  updated_at: string;
}

export interface ScenarioNotificationsTable {
  id: string;
  customer_id: string;
  order_number: string;
  kind: string;
  dedupe_key: string;
  text_zh: string;
  text_en: string;
  /** pending (waiting for quiet hours to end) | sent | skipped (opted out, no conversation). */
  status: string;
  due_at: string;
  conversation_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  idempotency_key: string;
  ordering_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  retry_delay_ms: number | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** One row per message received through a channel, keyed by the platform's id (a retry is a no-op). */
export interface InboundMessagesTable {
  id: string;
  channel: string;
  account_id: string;
  external_message_id: string;
  customer_id: string | null;
  conversation_id: string | null;
  message_id: string | null;
  sender_external_id: string | null;
  sent_at: string | null;
  received_at: string;
  /** Threaded channels (e-mail): the message's subject and its References, for the reply's headers. */
  thread_subject: string | null;
  thread_references: string | null;
}

/** A channel account set up from the console; `credentials` sealed (channels/accounts). */
/** Where an e-mail account's IMAP polling stands (one row per account that polls). */
export interface ImapMailboxStatesTable {
  account_id: string;
  /** The folder's UIDVALIDITY when `last_uid` was taken; another value means the UIDs were renumbered. */
  uid_validity: string | null;
  last_uid: number;
  /** The idempotency key of the current scheduled poll; a poll job with another key is stale and does nothing. */
  poll_key: string;
  /** Failed polls in a row (0 after a success). */
  failures: number;
  /** Why the last poll failed (`auth_failed`, `tls_failed`, `unreachable`, `folder_missing`, `failed`). */
  problem: string | null;
  problem_detail: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  next_poll_at: string | null;
}

export interface ChannelAccountsTable {
  id: string;
  kind: string;
  name: string;
  /** JSON, the kind's settings (no secrets). */
  settings: string;
  credentials: string;
  /** 1 or 0. */
  enabled: number;
  /** Where the next pull of a pulled platform starts (WeCom kf `sync_msg`). */
  sync_cursor: string | null;
  created_at: string;
  updated_at: string;
}

/** An outbound webhook an admin set up: where Kefu posts which events, signed with `secret` (sealed). */
export interface WebhookSubscriptionsTable {
  id: string;
  name: string;
  url: string;
  /** JSON array of webhook event types. */
  events: string;
  secret: string;
  /** 1 or 0. */
  enabled: number;
  /** 1: the admin allowed a target on a private network (loopback, LAN). */
  allow_private_network: number;
  /** Deliveries that ended failed since the last one that succeeded. */
  failed_in_a_row: number;
  /** Set when Kefu paused the subscription after too many failed deliveries. */
  paused_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One event for one subscription: pending → delivered | failed (redeliver sets it pending again). */
export interface WebhookSubscriptionDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  /** The JSON body posted, exactly as signed. */
  payload: string;
  status: string;
  /** Every attempt so far, redeliveries included. */
  attempts: number;
  /** `attempts` when an admin last redelivered: the retries of a round count from here. */
  attempts_before_redelivery: number;
  status_code: number | null;
  latency_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  last_attempt_at: string | null;
}

/** One row per message sent to a channel: pending → sent | failed. */
export interface MessageDeliveriesTable {
  id: string;
  message_id: string;
  conversation_id: string;
  channel: string;
  account_id: string | null;
  recipient_external_id: string | null;
  idempotency_key: string;
  /** pending → sending (the send API holds it) → sent | failed; pending → sent (a passive reply). */
  status: string;
  /** `api` or `passive` once a sender took it (see deliveriesRepo's claims); null before. */
  sent_via: string | null;
  external_id: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** How many parts of a message sent in several calls the platform accepted (0 until the first). */
  parts_sent: number;
}

export interface WebhookDeliveriesTable {
  source: string;
  delivery_id: string;
  received_at: string;
}

export interface LoginLockoutsTable {
  /** `account:<lower-cased e-mail tried>` (known or not, so lock-outs reveal nothing) or `address:<client IP>`. */
  account_key: string;
  /** Failures since the last lock-out or success. */
  failures: number;
  /** Lock-outs in a row; each lasts twice as long as the one before. */
  lockouts: number;
  locked_until: string | null;
  last_failure_at: string;
}

export interface IntentExamplesTable {
  id: string;
  intent: string;
  text: string;
  /** `merchant` (written by an admin) or `missed_message` (a shopper message the bot missed). */
  source: string;
  message_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IntentModelsTable {
  id: string;
  version: number;
  /** `training`, `ready` or `failed`. */
  status: string;
  /** 0–100 while training. */
  progress: number;
  /** `busy` while queued or training (unique: one training at a time), null otherwise. */
  training_slot: string | null;
  /** The serialised classifier (JSON) once trained. */
  model: string | null;
  shop_example_count: number;
  heldout_size: number | null;
  /** Held-out accuracy of the model the bot used when this one was trained (`baseline_model_id`, null: shipped). */
  accuracy_before: number | null;
  accuracy_after: number | null;
  baseline_model_id: string | null;
  /** 1 for the version the bot uses; none: the shipped model. */
  is_active: number;
  /** The version active before this one was promoted (null: the shipped model); roll back returns to it. */
  replaced_model_id: string | null;
  promoted_at: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface CustomRolesTable {
  id: string;
  name: string;
  /** JSON array of permission names. */
  permissions: string;
  created_at: string;
  updated_at: string;
}

/** A named token an integration signs its requests with; only the secret's SHA-256 is kept. */
export interface ApiTokensTable {
  id: string;
  name: string;
  secret_hash: string;
  /** JSON array of permission names. */
  scopes: string;
  /** The agent who made it; the token acts for them, with at most its scopes. */
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** An agent's TOTP secret (sealed at rest); `confirmed_at` null: enrolment started, not yet confirmed. */
export interface AgentTwoFactorTable {
  /** The agent's id. */
  id: string;
  secret: string;
  confirmed_at: string | null;
  /** The last 30-second step whose code was accepted, so one code signs in once. */
  last_used_step: number | null;
  created_at: string;
}

export interface AgentRecoveryCodesTable {
  id: string;
  agent_id: string;
  code_hash: string;
  used_at: string | null;
}

/** The second step of a sign-in with two-factor: a short-lived challenge, used once. */
export interface LoginChallengesTable {
  token_hash: string;
  agent_id: string;
  expires_at: string;
  used_at: string | null;
}

/** `admin`, `supervisor`, `agent`, `analyst` or `custom:<role id>`. */
export interface TwoFactorRequiredRolesTable {
  role_key: string;
  created_at: string;
}

/** One open console WebSocket; `seen_at` is renewed while it lives, so a crashed process's rows go stale. */
export interface AgentConnectionsTable {
  id: string;
  agent_id: string;
  connected_at: string;
  seen_at: string;
}

/** An open WebSocket of a shopper's app in some process, renewed while open (`seen_at`). */
export interface AppConnectionsTable {
  id: string;
  customer_id: string;
  connected_at: string;
  seen_at: string;
}

export interface CannedRepliesTable {
  id: string;
  /** `personal` (owner_agent_id) or `team` (team_id). */
  scope: string;
  owner_agent_id: string | null;
  team_id: string | null;
  category: string;
  shortcut: string;
  title: string;
  text: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A push token an app registered for its signed-in shopper; `token` sealed (personal data). */
export interface PushRegistrationsTable {
  id: string;
  customer_id: string;
  /** ios | android | web */
  platform: string;
  token: string;
  /** SHA-256 of the token: finds a registration again without reading the sealed token. */
  token_hash: string;
  created_at: string;
  updated_at: string;
}

/** One push notification of a message to one registration: pending → sent | failed. */
export interface PushNotificationsTable {
  id: string;
  registration_id: string;
  message_id: string;
  customer_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A phone call with a customer: from the call-center webhook or logged by an agent; `phone` sealed. */
export interface CallRecordsTable {
  id: string;
  customer_id: string;
  /** webhook | manual */
  source: string;
  /** The Standard Webhooks id of the request that reported it (replays are refused). */
  webhook_id: string | null;
  external_call_id: string | null;
  phone: string;
  phone_index: string | null;
  /** inbound | outbound */
  direction: string;
  started_at: string;
  duration_seconds: number;
  recording_url: string | null;
  transcript: string | null;
  logged_by_agent_id: string | null;
  created_at: string;
}

export interface Database extends InsightTables, MarketingTables {
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  customer_merges: CustomerMergesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  uploads: UploadsTable;
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
  knowledge_entries: KnowledgeEntriesTable;
  knowledge_versions: KnowledgeVersionsTable;
  knowledge_import_jobs: KnowledgeImportJobsTable;
  knowledge_queries: KnowledgeQueriesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  agent_routing_profiles: AgentRoutingProfilesTable;
  service_settings: ServiceSettingsTable;
  conversation_handoffs: ConversationHandoffsTable;
  conversation_classifications: ConversationClassificationsTable;
  queue_entries: QueueEntriesTable;
  tickets: TicketsTable;
  ticket_links: TicketLinksTable;
  ticket_comments: TicketCommentsTable;
  ticket_history: TicketHistoryTable;
  sla_policies: SlaPoliciesTable;
  ticket_sla_targets: TicketSlaTargetsTable;
  csat_surveys: CsatSurveysTable;
  notification_preferences: NotificationPreferencesTable;
  scenario_notifications: ScenarioNotificationsTable;
  jobs: JobsTable;
  inbound_messages: InboundMessagesTable;
  message_deliveries: MessageDeliveriesTable;
  channel_accounts: ChannelAccountsTable;
  imap_mailbox_states: ImapMailboxStatesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  login_lockouts: LoginLockoutsTable;
  custom_roles: CustomRolesTable;
  agent_connections: AgentConnectionsTable;
  app_connections: AppConnectionsTable;
  canned_replies: CannedRepliesTable;
  intent_examples: IntentExamplesTable;
  intent_models: IntentModelsTable;
  push_registrations: PushRegistrationsTable;
  push_notifications: PushNotificationsTable;
  call_records: CallRecordsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_subscription_deliveries: WebhookSubscriptionDeliveriesTable;
  api_tokens: ApiTokensTable;
  agent_two_factor: AgentTwoFactorTable;
  agent_recovery_codes: AgentRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  two_factor_required_roles: TwoFactorRequiredRolesTable;
  experiments: ExperimentsTable;
  experiment_exposures: ExperimentExposuresTable;
}
