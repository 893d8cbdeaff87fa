// Wire types of the agent and admin APIs that only agent-side clients (the console, tools) need.
import type { AgentRole, AgentSummary, ChannelKind, ConversationStatus, MessageAnalysis } from './types';

export type AgentPresence = 'online' | 'busy' | 'away' | 'offline';

export interface AgentProfile extends Omit<AgentSummary, 'permissions'> {
  /** The custom role's id when `role` is `custom`. */
  customRoleId: string | null;
  presence: AgentPresence;
  isActive: boolean;
  createdAt: string;
}

export interface NewAgentInput {
  email: string;
  displayName: string;
  password: string;
  role: AgentRole;
  /** Required when `role` is `custom`. */
  customRoleId?: string;
}

export interface CustomerIdentity {
  channel: string;
  externalId: string;
  lastSeenAt: string;
}

export interface CustomerProfile {
  id: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  /** `none` for ordinary customers, otherwise the shop's tier name (e.g. `gold`). */
  vipTier: string;
  tags: string[];
  identities: CustomerIdentity[];
  createdAt: string;
  /** Name, phone and e-mail are shown masked (138****1234); revealing them is a separate, audited call. */
  masked: boolean;
}

/** Query of GET /api/v1/agent/conversations; the server only returns what the agent may see. */
export interface ConversationFilter {
  status?: ConversationStatus[];
  /** `me`, `unassigned` or an agent id (`agt_…`). */
  assignee?: string;
  channel?: ChannelKind;
  customerId?: string;
  /** Full-text search over subjects and messages. */
  q?: string;
  /** Paging: only conversations whose last message is older than this timestamp. */
  before?: string;
  limit?: number;
}

export interface SendAgentMessageInput {
  text: string;
  /** A private note: seen by agents only, never by the shopper. */
  isPrivate?: boolean;
  clientMessageId?: string;
  /** The channel the reply goes out on (one of `KefuCustomerApi.replyChannels`); by default the last used. */
  channel?: ChannelKind;
}

export type BotRuleMatchType = 'contains' | 'exact' | 'regex';
export type BotRuleAction = 'reply' | 'handoff';

export interface BotRule {
  id: string;
  name: string;
  matchType: BotRuleMatchType;
  patterns: string[];
  replyZh: string;
  replyEn: string;
  action: BotRuleAction;
  priority: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BotRuleInput {
  name: string;
  matchType: BotRuleMatchType;
  patterns: string[];
  replyZh: string;
  replyEn: string;
  action?: BotRuleAction;
  priority?: number;
  enabled?: boolean;
}

export type BotRulePatch = Partial<Required<BotRuleInput>>;

/** What the bot understands of a sentence (admin test box), and the keyword rule that would answer it. */
export interface BotUnderstanding {
  analysis: Omit<MessageAnalysis, 'answeredBy'>;
  matchedRule: BotRule | null;
}
