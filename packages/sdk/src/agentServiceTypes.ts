// Wire types of the human-service APIs: handoff summaries, the queue, tickets and SLA, teams and skills,
// routing and handoff settings, CSAT. Mirrors the server's zod schemas (modules handoff, routing, tickets…).
import type { AgentPresence } from './agentTypes';
import type { AgentRole, ChannelKind, ConversationPriority } from './types';

export type HandoffReason =
  | 'customer_request'
  | 'bot_failures'
  | 'not_helpful'
  | 'anger'
  | 'sentiment_decline'
  | 'complaint'
  | 'sensitive_topic'
  | 'refund_amount'
  | 'vip'
  | 'intent_rule'
  | 'transfer'
  | 'commerce_unsupported'
  | 'commerce_unavailable'
  | 'delivery_investigation'
  | 'warranty_repair'
  | 'shipment_exception'
  | 'shipment_stalled'
  | 'shipment_overdue'
  | 'invoice_correction';

export type SentimentTrend = 'falling' | 'rising' | 'steady' | 'unknown';

/** What the agent gets at handoff, so the shopper never has to repeat themselves. */
export interface HandoffSummary {
  /** The main handoff reason, usually one of HandoffReason. */
  reason: string;
  triggers: { reason: HandoffReason; detail: string }[];
  intent: { id: string; confidence: number } | null;
  category: string;
  priority: ConversationPriority;
  priorityReasons: string[];
  entities: { type: string; value: string }[];
  sentiment: { latest: number | null; trend: SentimentTrend; scores: number[]; anger: boolean };
  botAnswers: { text: string; answeredBy: string | null; at: string }[];
  lastQuestion: string | null;
  customer: { id: string; vipTier: string };
  language: string;
  productLine: string | null;
  customerMessageCount: number;
  createdAt: string;
}

export interface ClassificationOverride {
  category?: string;
  priority?: ConversationPriority;
}

/** Exactly one of toAgentId / toTeamId. */
export type TransferInput = ({ toAgentId: string } | { toTeamId: string }) & { note?: string };

export interface QueueEntry {
  conversationId: string;
  customerId: string;
  channel: string;
  category: string;
  language: string;
  productLine: string | null;
  priority: ConversationPriority;
  teamId: string | null;
  preferredAgentId: string | null;
  reason: string;
  enqueuedAt: string;
  position: number;
  waitingSeconds: number;
}

export interface QueueListing {
  entries: QueueEntry[];
  total: number;
}

export type TicketStatus = 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type TicketSource = 'agent' | 'left_message' | 'delivery_problem' | 'return_inspection' | 'handoff';
export type TicketLinkKind = 'conversation' | 'order';
export type SlaTargetKind = 'first_response' | 'next_response' | 'resolution';

export interface Ticket {
  id: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: ConversationPriority;
  category: string;
  channel: string;
  source: TicketSource;
  customerId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  createdBy: string | null;
  firstRespondedAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketSlaTarget {
  target: SlaTargetKind;
  policyId: string;
  startedAt: string;
  warnAt: string;
  dueAt: string;
  metAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  cancelledAt: string | null;
}

export interface TicketComment {
  id: string;
  authorType: 'agent' | 'customer' | 'system';
  authorId: string | null;
  body: string;
  internal: boolean;
  createdAt: string;
}

export interface TicketHistoryEntry {
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  changes: Record<string, unknown>;
  createdAt: string;
}

export interface TicketDetail extends Ticket {
  links: { kind: TicketLinkKind; targetId: string; createdAt: string }[];
  comments: TicketComment[];
  history: TicketHistoryEntry[];
  sla: TicketSlaTarget[];
}

export interface TicketFilter {
  status?: readonly TicketStatus[];
  /** `me`, `unassigned` or an agent id. */
  assignee?: string;
  teamId?: string;
  customerId?: string;
  /** Only tickets past an SLA target. */
  overdue?: boolean;
  limit?: number;
}

export interface NewTicketInput {
  subject: string;
  description: string;
  priority?: ConversationPriority;
  category?: string;
  channel?: ChannelKind;
  customerId?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
  links?: { kind: TicketLinkKind; targetId: string }[];
}

export interface TicketPatch {
  status?: TicketStatus;
  assigneeId?: string | null;
  teamId?: string | null;
  priority?: ConversationPriority;
  category?: string;
  subject?: string;
}

export interface SlaPolicyInput {
  name: string;
  position: number;
  matchPriority: ConversationPriority | null;
  matchCategory: string | null;
  matchChannel: ChannelKind | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warningMinutes: number;
  businessHoursOnly: boolean;
  enabled: boolean;
}

export interface SlaPolicy extends SlaPolicyInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface SlaEvaluation {
  warnings: number;
  breaches: number;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
}

export interface TeamInput {
  name: string;
  memberIds: string[];
}

/** Empty lists mean "any". */
export interface AgentSkills {
  categories: string[];
  languages: string[];
  channels: ChannelKind[];
  productLines: string[];
}

export interface RoutingProfile {
  agentId: string;
  /** null: the default capacity of the routing settings. */
  capacity: number | null;
  skills: AgentSkills;
  teamIds: string[];
}

export type RoutingMode = 'least_loaded' | 'round_robin' | 'manual';

export interface BusinessHours {
  /** false: open around the clock. */
  enabled: boolean;
  /** IANA name, e.g. Asia/Shanghai; absent on settings saved with only an offset. */
  timeZone?: string;
  utcOffsetMinutes: number;
  /** day: 0 = Sunday … 6 = Saturday; times HH:MM local. */
  weekly: { day: number; open: string; close: string }[];
  /** Local dates, YYYY-MM-DD. */
  holidays: string[];
}

export interface PriorityRules {
  vipTierWeights: Record<string, number>;
  intentWeights: Record<string, number>;
  angerWeight: number;
  fallingSentimentWeight: number;
  waitingStepMinutes: number;
  waitingStepWeight: number;
  maxWaitingWeight: number;
  slaRiskRatio: number;
  slaRiskWeight: number;
  highAt: number;
  urgentAt: number;
}

export interface RoutingSettings {
  mode: RoutingMode;
  defaultCapacity: number;
  stickyToPreviousAgent: boolean;
  averageHandleMinutes: number;
  queueTargetMinutes: number;
  priorityRules: PriorityRules;
  businessHours: BusinessHours;
}

export interface RoutingCheckReport {
  checkedAt: string;
  staleEntriesRemoved: number;
  queuedWithoutEntryRestored: number;
  requeuedFromUnavailableAgents: number;
  orphansRemaining: number;
}

export interface HandoffSettings {
  botFailures: { enabled: boolean; consecutive: number };
  notHelpful: { enabled: boolean; count: number; phrases: string[] };
  anger: { enabled: boolean; angryMessages: number };
  sentimentDecline: { enabled: boolean; window: number; minimumDrop: number; below: number };
  complaint: { enabled: boolean; minimumConfidence: number };
  sensitiveTopics: { enabled: boolean; topics: { id: string; keywords: string[] }[] };
  refundAmount: { enabled: boolean; thresholdCny: number; intents: string[] };
  vip: { enabled: boolean; tiers: string[] };
  intentRules: { intent?: string; category?: string; minimumConfidence: number }[];
}

export interface HandoffSettingsListing {
  settings: HandoffSettings;
  /** The category taxonomy known to the server. */
  categories: string[];
}

export interface CsatSurvey {
  id: string;
  conversationId: string;
  agentId: string | null;
  rating: number | null;
  comment: string | null;
  requestedAt: string;
  respondedAt: string | null;
}

export interface CsatOverview {
  surveys: CsatSurvey[];
  averageRating: number | null;
}

/** Colleagues and teams any agent may read, to pick a transfer or ticket target. */
export interface AgentDirectory {
  agents: { id: string; displayName: string; role: AgentRole; presence: AgentPresence }[];
  teams: { id: string; name: string; memberIds: string[] }[];
}
