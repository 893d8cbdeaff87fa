// Wire types of Kefu's public HTTP and WebSocket APIs, shared by the server, the widget, apps and tests.

/**
 * Every channel a shopper can write through: the one list of kinds. The server's channel registry, its
 * schemas, the console and the clients' parsers all derive from it, so a new kind is added here first.
 */
export const channelKinds = [
  'web',
  'app',
  'wechat',
  'wecom_kf',
  'miniprogram',
  'email',
  'webhook',
  'telegram',
  'weibo',
] as const;
export type ChannelKind = (typeof channelKinds)[number];

export function isChannelKind(value: unknown): value is ChannelKind {
  return channelKinds.some((kind) => kind === value);
}
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'resolved' | 'closed';
export type ConversationPriority = 'low' | 'normal' | 'high' | 'urgent';
export type MessageSender = 'customer' | 'bot' | 'agent' | 'system';
/** Built-in roles, and `custom`: a role an admin defined from named permissions (`customRoleId`). */
export type AgentRole = 'admin' | 'supervisor' | 'agent' | 'analyst' | 'custom';
export type Locale = 'zh-CN' | 'zh-TW' | 'en';

export interface Attachment {
  name: string;
  /** Absolute, or a path on the Kefu server (photos shoppers uploaded: fetch it with the caller's token). */
  url: string;
  contentType: string;
  sizeBytes?: number;
  /** Set for photos uploaded to Kefu (`upl_…`). */
  uploadId?: string;
}

/** A product the bot talks about, ready to show as a card; text is in the shopper's language. */
export interface ProductCard {
  type: 'product';
  productId: string;
  title: string;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  imageEmoji: string | null;
  /** The product page: absolute, or a path on the Kefu server (the built-in shop). */
  url: string | null;
  /** At most 3 short lines, e.g. "5G 全网通". */
  facts: string[];
}

/** An order with its latest tracking, ready to show as a card; labels are in the shopper's language. */
export interface OrderCard {
  type: 'order';
  orderNumber: string;
  statusLabel: string;
  items: { title: string; quantity: number }[];
  totalCents: number;
  currency: string;
  carrierName: string | null;
  trackingNumber: string | null;
  /** Newest first. */
  timeline: { at: string; text: string }[];
}

/** Rich content beside a message's text; channels without cards show the text, which is always complete. */
export type MessageCard = ProductCard | OrderCard;

export interface QuickReply {
  label: string;
  text: string;
}

/** What the bot understood of a customer message (agent API only). */
export interface MessageAnalysis {
  lang: string;
  intent: { id: string; confidence: number; alternatives: { id: string; confidence: number }[] };
  entities: { type: string; value: string; text: string }[];
  sentiment: { score: number; label: 'positive' | 'negative' | 'neutral'; anger: boolean };
  /** Which bot stage answered, e.g. `rules:Greeting`, `intent:human_agent`, `fallback`. */
  answeredBy: string | null;
}

export interface Message {
  id: string;
  conversationId: string;
  sender: MessageSender;
  /** Set for agent messages: the agent's display name. */
  senderName: string | null;
  text: string;
  attachments: Attachment[];
  quickReplies: QuickReply[];
  card: MessageCard | null;
  /** Private notes are visible to agents only, never to the shopper. */
  isPrivate: boolean;
  clientMessageId: string | null;
  createdAt: string;
  /** Present on customer messages in the agent API. */
  analysis?: MessageAnalysis | null;
  /** The channel it came on (shopper) or went out on (others): one conversation may span channels. */
  channel?: ChannelKind | null;
}

export interface Conversation {
  id: string;
  customerId: string;
  channel: ChannelKind;
  status: ConversationStatus;
  priority: ConversationPriority;
  category: string | null;
  assigneeId: string | null;
  /** The team it was transferred to; while nobody holds it only that team's agents (and supervisors) see it. */
  teamId: string | null;
  subject: string | null;
  /** The conversation's language and script: what the shopper writes and every message to them uses. */
  locale: Locale;
  lastMessageAt: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

/** Send the earlier session's token as `Authorization: Bearer …` to resume that visitor. */
export interface VisitorSessionRequest {
  /** @deprecated Ignored by the server: a bare visitor id resumes nothing; the earlier session's token does. */
  visitorId?: string;
  name?: string;
  locale?: string;
  page?: { url?: string; productId?: string };
  /** A shopper signed in on the shop: `signature` is the shop server's HMAC of `shopCustomerId` (see README). */
  identity?: { shopCustomerId: string; signature: string };
  /** `app` for apps (push notifications, the app's own conversation); `web` when omitted. */
  channel?: 'web' | 'app';
}

/** An app's push token for its signed-in shopper (`POST /api/v1/visitor/push-registrations`). */
export interface PushRegistrationRequest {
  token: string;
  platform: PushPlatform;
}
export type PushPlatform = 'ios' | 'android' | 'web';

export interface VisitorSessionResponse {
  token: string;
  visitorId: string;
  customerId: string;
  conversationId: string;
  /** Who holds the conversation now: `bot`, `queued` (waiting for a person), `assigned` … */
  status: ConversationStatus;
}

export interface SendVisitorMessageRequest {
  /** Optional when the message carries photos. */
  text?: string;
  /** Upload ids (`upl_…`) from POST /api/v1/visitor/uploads, at most 4. */
  attachments?: string[];
  clientMessageId?: string;
}

/** A photo stored by POST /api/v1/visitor/uploads, to be sent with the next message. */
export interface VisitorUpload {
  id: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

/** GET /api/v1/visitor/welcome: what the opening screen shows before the first message. */
export interface VisitorWelcome {
  locale: Locale;
  greeting: string;
  /** 猜你想问 / You may want to ask: questions about the product on the page first, then common topics. */
  suggestions: QuickReply[];
  /** A signed-in shopper's recent orders. */
  orders: OrderCard[];
}

/** GET /api/v1/visitor/service-status: whether people can answer now, and when they are back. */
export interface VisitorServiceStatus {
  agentsOnline: number;
  /** Inside business hours. */
  open: boolean;
  /** The next opening when closed; `localTime` is HH:MM in the shop's time zone. */
  nextOpening: { at: string; localTime: string; daysFromToday: number } | null;
}

export interface SendMessageResponse {
  message: Message;
  replies: Message[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Events the server pushes on the visitor WebSocket. */
export type VisitorServerEvent =
  | { type: 'message.created'; message: Message }
  | { type: 'typing'; sender: 'agent' | 'bot'; isTyping: boolean }
  | { type: 'conversation.updated'; status: ConversationStatus };

/** Frames a visitor may send on its WebSocket. */
export type VisitorClientEvent = { type: 'typing'; isTyping: boolean } | { type: 'ping' };

export interface ShopProductAttribute {
  key: string;
  label: string;
  value: string;
}

export interface ShopProduct {
  id: string;
  sku: string;
  brand: string;
  category: string;
  name: string;
  description: string;
  priceCents: number;
  currency: 'CNY';
  stock: number;
  imageEmoji: string;
  attributes: ShopProductAttribute[];
}

/** A topic surging against its own baseline, or new (pushed to holders of `reports:read`). */
export interface SpikeAlertNotice {
  id: string;
  kind: 'surge' | 'new_topic';
  topicKind: 'intent' | 'category' | 'product' | 'keyword' | 'product_keyword';
  /** The topic's name, in both console languages. */
  topicLabel: { 'zh-CN': string; en: string };
  /** Conversations in the window, and what its own baseline predicted. */
  count: number;
  expected: number;
  windowStart: string;
  windowEnd: string;
  /** Examples, newest first. */
  conversationIds: string[];
}

/** Events the server pushes on the agent WebSocket. */
export type AgentServerEvent =
  | { type: 'ready'; agentId: string }
  | { type: 'message.created'; message: Message; conversation: Conversation }
  | { type: 'conversation.updated'; event: string; conversation: Conversation }
  | { type: 'typing'; conversationId: string; sender: 'customer' | 'agent'; isTyping: boolean }
  | {
      /** An SLA target of a ticket is about to be missed (warning) or was missed (breached). */
      type: 'ticket.sla_alert';
      event: 'ticket.sla_warning' | 'ticket.sla_breached';
      ticketId: string;
      subject: string;
      priority: ConversationPriority;
      assigneeId: string | null;
      target: 'first_response' | 'next_response' | 'resolution';
      dueAt: string;
    }
  | { type: 'analytics.spike_alert'; alert: SpikeAlertNotice };

/** Frames an agent may send on its WebSocket. */
export type AgentClientEvent =
  { type: 'typing'; conversationId: string; isTyping: boolean } | { type: 'ping' };

export interface AgentSummary {
  id: string;
  email: string;
  displayName: string;
  role: AgentRole;
  /** What the role allows (named permissions such as `conversations:reply`); the console shows only that. */
  permissions: string[];
  /** The role requires two-step verification and it is off: the console asks to set it up first. */
  mustEnrolTwoFactor: boolean;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  agent: AgentSummary;
}

/** A right password of an agent with two-step verification: send a code with `completeLogin`. */
export interface LoginChallenge {
  challenge: string;
  challengeExpiresAt: string;
}
