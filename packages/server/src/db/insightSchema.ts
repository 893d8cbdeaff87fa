// Row types of the analytics and quality-inspection tables (migrations 0012–0014), kept apart from schema.ts so
// the reports work touches the shared file in one line.

/** One row per conversation with its metrics; times are whole minutes since the epoch (UTC). */
export interface AnalyticsConversationsTable {
  conversation_id: string;
  customer_id: string;
  channel: string;
  locale: string;
  status: string;
  category: string;
  intent: string | null;
  product_id: string | null;
  issue_reason: string | null;
  agent_id: string | null;
  created_at: string;
  created_minute: number;
  customer_messages: number;
  bot_messages: number;
  agent_messages: number;
  bot_contained: number;
  handed_off: number;
  handoff_reason: string | null;
  human_start_minute: number | null;
  resolved_minute: number | null;
  first_response_seconds: number | null;
  handling_seconds: number | null;
  resolution_seconds: number | null;
  csat_requested: number;
  csat_rating: number | null;
  qa_score: number | null;
  last_sentiment: string | null;
  refreshed_at: string;
}

export interface AnalyticsConversationTopicsTable {
  conversation_id: string;
  /** keyword | product_keyword */
  kind: string;
  topic: string;
  created_minute: number;
}

export interface AnalyticsStateTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface AnalyticsAlertsTable {
  id: string;
  /** surge | new_topic */
  kind: string;
  /** intent | category | product | keyword | product_keyword */
  topic_kind: string;
  topic: string;
  /** JSON: keywords of the same kind that surged in the same conversations (shown with the topic). */
  related_topics: string;
  window_start: string;
  window_end: string;
  count: number;
  expected: number;
  score: number;
  /** JSON: up to 5 conversations of the window with a masked excerpt each. */
  examples: string;
  /** open | acknowledged */
  status: string;
  detected_at: string;
  last_detected_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

export interface QaRuleSetsTable {
  id: string;
  name: string;
  /** JSON: settings per rule (enabled, weight, maximum points, time limit, wording). */
  rules: string;
  is_active: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QaInspectionsTable {
  conversation_id: string;
  agent_id: string | null;
  rule_set_id: string;
  /** JSON: the rules the conversation was scored by (reviews rescore with the same ones). */
  rules: string;
  score: number;
  resolved_at: string;
  inspected_at: string;
  /** Last inspection or review: the reports pick up the new score from here. */
  updated_at: string;
}

export interface QaFlagsTable {
  id: string;
  conversation_id: string;
  rule: string;
  message_id: string | null;
  agent_id: string | null;
  detail: string;
  /** open | confirmed | dismissed */
  status: string;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
}

export interface QaCoachingNotesTable {
  id: string;
  agent_id: string;
  conversation_id: string | null;
  author_id: string;
  text: string;
  created_at: string;
}

export interface InsightTables {
  qa_rule_sets: QaRuleSetsTable;
  qa_inspections: QaInspectionsTable;
  qa_flags: QaFlagsTable;
  qa_coaching_notes: QaCoachingNotesTable;
  analytics_alerts: AnalyticsAlertsTable;
  analytics_conversations: AnalyticsConversationsTable;
  analytics_conversation_topics: AnalyticsConversationTopicsTable;
  analytics_state: AnalyticsStateTable;
}
