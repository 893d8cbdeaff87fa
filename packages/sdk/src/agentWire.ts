// Parsing of the agent API's wire format: responses and WebSocket frames are untrusted input,
// checked and narrowed here instead of being cast.
import type { AgentPresence, AgentProfile, BotRule, BotUnderstanding, CustomerProfile } from './agentTypes';
import type {
  AgentRole,
  AgentServerEvent,
  AgentSummary,
  Conversation,
  ConversationPriority,
  ConversationStatus,
  Locale,
  LoginResponse,
  Message,
  MessageAnalysis,
  SpikeAlertNotice,
} from './types';
import { channelKinds } from './types';
import { isRecord, KefuApiError, parseMessage } from './visitorWire';

const conversationStatuses = [
  'bot',
  'queued',
  'assigned',
  'resolved',
  'closed',
] as const satisfies readonly ConversationStatus[];
const priorities = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly ConversationPriority[];
const locales = ['zh-CN', 'zh-TW', 'en'] as const satisfies readonly Locale[];
const roles = ['admin', 'supervisor', 'agent', 'analyst', 'custom'] as const satisfies readonly AgentRole[];
const presences = ['online', 'busy', 'away', 'offline'] as const satisfies readonly AgentPresence[];

export function invalidResponseError(): KefuApiError {
  return new KefuApiError(0, 'invalid_response', 'The server sent an unexpected response');
}

/** Reads `body[key]` as a record, e.g. the `{ conversation }` envelope of a response. */
export function readField(body: unknown, key: string): unknown {
  if (!isRecord(body)) throw invalidResponseError();
  return body[key];
}

export function readList<T>(body: unknown, key: string, parseItem: (value: unknown) => T): T[] {
  const list = readField(body, key);
  if (!Array.isArray(list)) throw invalidResponseError();
  return list.map(parseItem);
}

export function parseLoginResponse(value: unknown): LoginResponse {
  const record = requireRecord(value);
  return {
    token: readString(record, 'token'),
    expiresAt: readString(record, 'expiresAt'),
    agent: parseAgentSummary(record.agent),
  };
}

export function parseAgentSummary(value: unknown): AgentSummary {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    email: readString(record, 'email'),
    displayName: readString(record, 'displayName'),
    role: readEnum(record.role, roles),
    permissions: Array.isArray(record.permissions)
      ? record.permissions.filter((permission): permission is string => typeof permission === 'string')
      : [],
    mustEnrolTwoFactor: record.mustEnrolTwoFactor === true,
  };
}

export function parseAgentProfile(value: unknown): AgentProfile {
  const record = requireRecord(value);
  const { permissions: _permissions, ...summary } = parseAgentSummary(record);
  return {
    ...summary,
    customRoleId: readNullableString(record, 'customRoleId'),
    presence: readEnum(record.presence, presences),
    isActive: record.isActive === true,
    createdAt: readString(record, 'createdAt'),
  };
}

export function parseConversation(value: unknown): Conversation {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    customerId: readString(record, 'customerId'),
    channel: readEnum(record.channel, channelKinds),
    status: readEnum(record.status, conversationStatuses),
    priority: readEnum(record.priority, priorities),
    category: readNullableString(record, 'category'),
    assigneeId: readNullableString(record, 'assigneeId'),
    teamId: readNullableString(record, 'teamId'),
    subject: readNullableString(record, 'subject'),
    locale: readEnum(record.locale, locales),
    lastMessageAt: readNullableString(record, 'lastMessageAt'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
    resolvedAt: readNullableString(record, 'resolvedAt'),
  };
}

/** A message of the agent API: the visitor shape plus what the bot understood of it. */
export function parseAgentMessage(value: unknown): Message {
  const message = parseMessage(value);
  const analysis = isRecord(value) && isRecord(value.analysis) ? parseAnalysis(value.analysis) : null;
  return { ...message, analysis };
}

export function parseAnalysis(value: unknown): MessageAnalysis {
  const record = requireRecord(value);
  const intent = requireRecord(record.intent);
  const sentiment = requireRecord(record.sentiment);
  const alternatives = Array.isArray(intent.alternatives) ? intent.alternatives : [];
  const entities = Array.isArray(record.entities) ? record.entities : [];
  return {
    lang: readString(record, 'lang'),
    intent: {
      id: readString(intent, 'id'),
      confidence: readNumber(intent, 'confidence'),
      alternatives: alternatives.map((alternative) => {
        const entry = requireRecord(alternative);
        return { id: readString(entry, 'id'), confidence: readNumber(entry, 'confidence') };
      }),
    },
    entities: entities.map((entity) => {
      const entry = requireRecord(entity);
      return {
        type: readString(entry, 'type'),
        value: readString(entry, 'value'),
        text: readString(entry, 'text'),
      };
    }),
    sentiment: {
      score: readNumber(sentiment, 'score'),
      label: readEnum(sentiment.label, ['positive', 'negative', 'neutral'] as const),
      anger: sentiment.anger === true,
    },
    answeredBy: readNullableString(record, 'answeredBy'),
  };
}

export function parseCustomerProfile(value: unknown): CustomerProfile {
  const record = requireRecord(value);
  const identities = Array.isArray(record.identities) ? record.identities : [];
  return {
    id: readString(record, 'id'),
    displayName: readNullableString(record, 'displayName'),
    email: readNullableString(record, 'email'),
    phone: readNullableString(record, 'phone'),
    locale: readNullableString(record, 'locale'),
    vipTier: readString(record, 'vipTier'),
    tags: readStringArray(record, 'tags'),
    identities: identities.map((identity) => {
      const entry = requireRecord(identity);
      return {
        channel: readString(entry, 'channel'),
        externalId: readString(entry, 'externalId'),
        lastSeenAt: readString(entry, 'lastSeenAt'),
      };
    }),
    createdAt: readString(record, 'createdAt'),
    masked: record.masked === true,
  };
}

export function parseBotRule(value: unknown): BotRule {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    matchType: readEnum(record.matchType, ['contains', 'exact', 'regex'] as const),
    patterns: readStringArray(record, 'patterns'),
    replyZh: readString(record, 'replyZh'),
    replyEn: readString(record, 'replyEn'),
    action: readEnum(record.action, ['reply', 'handoff'] as const),
    priority: readNumber(record, 'priority'),
    enabled: record.enabled === true,
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

export function parseBotUnderstanding(value: unknown): BotUnderstanding {
  const record = requireRecord(value);
  const { answeredBy: _answeredBy, ...analysis } = parseAnalysis(record.analysis);
  return {
    analysis,
    matchedRule: record.matchedRule === null ? null : parseBotRule(record.matchedRule),
  };
}

/** Parses one agent WebSocket frame; unknown or malformed frames give null (newer servers, `pong`). */
export function parseAgentServerEvent(value: unknown): AgentServerEvent | null {
  if (!isRecord(value)) return null;
  try {
    switch (value.type) {
      case 'ready':
        return { type: 'ready', agentId: readString(value, 'agentId') };
      case 'message.created':
        return {
          type: 'message.created',
          message: parseAgentMessage(value.message),
          conversation: parseConversation(value.conversation),
        };
      case 'conversation.updated':
        return {
          type: 'conversation.updated',
          event: readString(value, 'event'),
          conversation: parseConversation(value.conversation),
        };
      case 'typing':
        return {
          type: 'typing',
          conversationId: readString(value, 'conversationId'),
          sender: readEnum(value.sender, ['customer', 'agent'] as const),
          isTyping: value.isTyping === true,
        };
      case 'ticket.sla_alert':
        return {
          type: 'ticket.sla_alert',
          event: readEnum(value.event, ['ticket.sla_warning', 'ticket.sla_breached'] as const),
          ticketId: readString(value, 'ticketId'),
          subject: readString(value, 'subject'),
          priority: readEnum(value.priority, priorities),
          assigneeId: readNullableString(value, 'assigneeId'),
          target: readEnum(value.target, ['first_response', 'next_response', 'resolution'] as const),
          dueAt: readString(value, 'dueAt'),
        };
      case 'analytics.spike_alert':
        return { type: 'analytics.spike_alert', alert: parseSpikeAlertNotice(value.alert) };
      default:
        return null;
    }
  } catch {
    return null;
  }
}

export function parseSpikeAlertNotice(value: unknown): SpikeAlertNotice {
  const record = requireRecord(value);
  const labels = requireRecord(record.topicLabel);
  return {
    id: readString(record, 'id'),
    kind: readEnum(record.kind, ['surge', 'new_topic'] as const),
    topicKind: readEnum(record.topicKind, [
      'intent',
      'category',
      'product',
      'keyword',
      'product_keyword',
    ] as const),
    topicLabel: { 'zh-CN': readString(labels, 'zh-CN'), en: readString(labels, 'en') },
    count: readNumber(record, 'count'),
    expected: readNumber(record, 'expected'),
    windowStart: readString(record, 'windowStart'),
    windowEnd: readString(record, 'windowEnd'),
    conversationIds: readStringArray(record, 'conversationIds'),
  };
}

export function requireRecord(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw invalidResponseError();
  return value;
}

export function readString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw invalidResponseError();
  return value;
}

export function readNullableString(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

export function readNumber(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidResponseError();
  return value;
}

export function readStringArray(record: Record<string, unknown>, key: string): string[] {
  const value = record[key];
  if (!Array.isArray(value)) throw invalidResponseError();
  return value.filter((entry): entry is string => typeof entry === 'string');
}

export function readEnum<const Option extends string>(value: unknown, options: readonly Option[]): Option {
  const match = options.find((option) => option === value);
  if (match === undefined) throw invalidResponseError();
  return match;
}
