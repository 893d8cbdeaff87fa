// Parsing of the human-service APIs' responses (handoff, queue, tickets, SLA, teams, settings, CSAT):
// untrusted JSON checked and narrowed field by field, never cast.
import type {
  AgentDirectory,
  AgentSkills,
  CsatSurvey,
  HandoffReason,
  HandoffSettings,
  HandoffSummary,
  QueueEntry,
  RoutingProfile,
  RoutingSettings,
  SlaPolicy,
  Team,
  Ticket,
  TicketDetail,
} from './agentServiceTypes';
import { invalidResponseError } from './agentWire';
import type { ConversationPriority } from './types';
import { channelKinds } from './types';
import { isRecord } from './visitorWire';

type Fields = Record<string, unknown>;

const priorities = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly ConversationPriority[];
const handoffReasons = [
  'customer_request',
  'bot_failures',
  'not_helpful',
  'anger',
  'sentiment_decline',
  'complaint',
  'sensitive_topic',
  'refund_amount',
  'vip',
  'intent_rule',
  'transfer',
] as const satisfies readonly HandoffReason[];
const ticketStatuses = ['open', 'pending', 'on_hold', 'solved', 'closed'] as const;
const ticketSources = ['agent', 'left_message', 'delivery_problem', 'return_inspection', 'handoff'] as const;
const slaTargetKinds = ['first_response', 'next_response', 'resolution'] as const;

export function parseHandoffSummary(value: unknown): HandoffSummary {
  const record = requireRecord(value);
  const sentiment = requireRecord(record.sentiment);
  const customer = requireRecord(record.customer);
  return {
    reason: readString(record, 'reason'),
    triggers: readArray(record, 'triggers', (trigger) => ({
      reason: readEnum(trigger.reason, handoffReasons),
      detail: readString(trigger, 'detail'),
    })),
    intent:
      record.intent === null
        ? null
        : {
            id: readString(requireRecord(record.intent), 'id'),
            confidence: readNumber(requireRecord(record.intent), 'confidence'),
          },
    category: readString(record, 'category'),
    priority: readEnum(record.priority, priorities),
    priorityReasons: readStrings(record, 'priorityReasons'),
    entities: readArray(record, 'entities', (entity) => ({
      type: readString(entity, 'type'),
      value: readString(entity, 'value'),
    })),
    sentiment: {
      latest: readNullableNumber(sentiment, 'latest'),
      trend: readEnum(sentiment.trend, ['falling', 'rising', 'steady', 'unknown'] as const),
      scores: readNumbers(sentiment, 'scores'),
      anger: sentiment.anger === true,
    },
    botAnswers: readArray(record, 'botAnswers', (answer) => ({
      text: readString(answer, 'text'),
      answeredBy: readNullableString(answer, 'answeredBy'),
      at: readString(answer, 'at'),
    })),
    lastQuestion: readNullableString(record, 'lastQuestion'),
    customer: { id: readString(customer, 'id'), vipTier: readString(customer, 'vipTier') },
    language: readString(record, 'language'),
    productLine: readNullableString(record, 'productLine'),
    customerMessageCount: readNumber(record, 'customerMessageCount'),
    createdAt: readString(record, 'createdAt'),
  };
}

export function parseQueueEntry(value: unknown): QueueEntry {
  const record = requireRecord(value);
  return {
    conversationId: readString(record, 'conversationId'),
    customerId: readString(record, 'customerId'),
    channel: readString(record, 'channel'),
    category: readString(record, 'category'),
    language: readString(record, 'language'),
    productLine: readNullableString(record, 'productLine'),
    priority: readEnum(record.priority, priorities),
    teamId: readNullableString(record, 'teamId'),
    preferredAgentId: readNullableString(record, 'preferredAgentId'),
    reason: readString(record, 'reason'),
    enqueuedAt: readString(record, 'enqueuedAt'),
    position: readNumber(record, 'position'),
    waitingSeconds: readNumber(record, 'waitingSeconds'),
  };
}

export function parseTicket(value: unknown): Ticket {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    subject: readString(record, 'subject'),
    description: readString(record, 'description'),
    status: readEnum(record.status, ticketStatuses),
    priority: readEnum(record.priority, priorities),
    category: readString(record, 'category'),
    channel: readString(record, 'channel'),
    source: readEnum(record.source, ticketSources),
    customerId: readNullableString(record, 'customerId'),
    assigneeId: readNullableString(record, 'assigneeId'),
    teamId: readNullableString(record, 'teamId'),
    createdBy: readNullableString(record, 'createdBy'),
    firstRespondedAt: readNullableString(record, 'firstRespondedAt'),
    solvedAt: readNullableString(record, 'solvedAt'),
    closedAt: readNullableString(record, 'closedAt'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

export function parseTicketDetail(value: unknown): TicketDetail {
  const record = requireRecord(value);
  return {
    ...parseTicket(record),
    links: readArray(record, 'links', (link) => ({
      kind: readEnum(link.kind, ['conversation', 'order'] as const),
      targetId: readString(link, 'targetId'),
      createdAt: readString(link, 'createdAt'),
    })),
    comments: readArray(record, 'comments', (comment) => ({
      id: readString(comment, 'id'),
      authorType: readEnum(comment.authorType, ['agent', 'customer', 'system'] as const),
      authorId: readNullableString(comment, 'authorId'),
      body: readString(comment, 'body'),
      internal: comment.internal === true,
      createdAt: readString(comment, 'createdAt'),
    })),
    history: readArray(record, 'history', (entry) => ({
      id: readString(entry, 'id'),
      actorType: readString(entry, 'actorType'),
      actorId: readNullableString(entry, 'actorId'),
      action: readString(entry, 'action'),
      changes: isRecord(entry.changes) ? entry.changes : {},
      createdAt: readString(entry, 'createdAt'),
    })),
    sla: readArray(record, 'sla', (target) => ({
      target: readEnum(target.target, slaTargetKinds),
      policyId: readString(target, 'policyId'),
      startedAt: readString(target, 'startedAt'),
      warnAt: readString(target, 'warnAt'),
      dueAt: readString(target, 'dueAt'),
      metAt: readNullableString(target, 'metAt'),
      warnedAt: readNullableString(target, 'warnedAt'),
      breachedAt: readNullableString(target, 'breachedAt'),
      cancelledAt: readNullableString(target, 'cancelledAt'),
    })),
  };
}

export function parseSlaPolicy(value: unknown): SlaPolicy {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    position: readNumber(record, 'position'),
    matchPriority: record.matchPriority === null ? null : readEnum(record.matchPriority, priorities),
    matchCategory: readNullableString(record, 'matchCategory'),
    matchChannel: record.matchChannel === null ? null : readEnum(record.matchChannel, channelKinds),
    firstResponseMinutes: readNullableNumber(record, 'firstResponseMinutes'),
    nextResponseMinutes: readNullableNumber(record, 'nextResponseMinutes'),
    resolutionMinutes: readNullableNumber(record, 'resolutionMinutes'),
    warningMinutes: readNumber(record, 'warningMinutes'),
    businessHoursOnly: record.businessHoursOnly === true,
    enabled: record.enabled === true,
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

export function parseTeam(value: unknown): Team {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    memberIds: readStrings(record, 'memberIds'),
    createdAt: readString(record, 'createdAt'),
  };
}

export function parseRoutingProfile(value: unknown): RoutingProfile {
  const record = requireRecord(value);
  return {
    agentId: readString(record, 'agentId'),
    capacity: readNullableNumber(record, 'capacity'),
    skills: parseSkills(record.skills),
    teamIds: readStrings(record, 'teamIds'),
  };
}

export function parseRoutingSettings(value: unknown): RoutingSettings {
  const record = requireRecord(value);
  const rules = requireRecord(record.priorityRules);
  const hours = requireRecord(record.businessHours);
  return {
    mode: readEnum(record.mode, ['least_loaded', 'round_robin', 'manual'] as const),
    defaultCapacity: readNumber(record, 'defaultCapacity'),
    stickyToPreviousAgent: record.stickyToPreviousAgent === true,
    averageHandleMinutes: readNumber(record, 'averageHandleMinutes'),
    queueTargetMinutes: readNumber(record, 'queueTargetMinutes'),
    priorityRules: {
      vipTierWeights: readNumberRecord(rules.vipTierWeights),
      intentWeights: readNumberRecord(rules.intentWeights),
      angerWeight: readNumber(rules, 'angerWeight'),
      fallingSentimentWeight: readNumber(rules, 'fallingSentimentWeight'),
      waitingStepMinutes: readNumber(rules, 'waitingStepMinutes'),
      waitingStepWeight: readNumber(rules, 'waitingStepWeight'),
      maxWaitingWeight: readNumber(rules, 'maxWaitingWeight'),
      slaRiskRatio: readNumber(rules, 'slaRiskRatio'),
      slaRiskWeight: readNumber(rules, 'slaRiskWeight'),
      highAt: readNumber(rules, 'highAt'),
      urgentAt: readNumber(rules, 'urgentAt'),
    },
    businessHours: {
      enabled: hours.enabled === true,
      ...(typeof hours.timeZone === 'string' ? { timeZone: hours.timeZone } : {}),
      utcOffsetMinutes: readNumber(hours, 'utcOffsetMinutes'),
      weekly: readArray(hours, 'weekly', (slot) => ({
        day: readNumber(slot, 'day'),
        open: readString(slot, 'open'),
        close: readString(slot, 'close'),
      })),
      holidays: readStrings(hours, 'holidays'),
    },
  };
}

export function parseHandoffSettings(value: unknown): HandoffSettings {
  const record = requireRecord(value);
  const section = (key: string) => requireRecord(record[key]);
  const sentimentDecline = section('sentimentDecline');
  const refundAmount = section('refundAmount');
  return {
    botFailures: {
      enabled: section('botFailures').enabled === true,
      consecutive: readNumber(section('botFailures'), 'consecutive'),
    },
    notHelpful: {
      enabled: section('notHelpful').enabled === true,
      count: readNumber(section('notHelpful'), 'count'),
      phrases: readStrings(section('notHelpful'), 'phrases'),
    },
    anger: {
      enabled: section('anger').enabled === true,
      angryMessages: readNumber(section('anger'), 'angryMessages'),
    },
    sentimentDecline: {
      enabled: sentimentDecline.enabled === true,
      window: readNumber(sentimentDecline, 'window'),
      minimumDrop: readNumber(sentimentDecline, 'minimumDrop'),
      below: readNumber(sentimentDecline, 'below'),
    },
    complaint: {
      enabled: section('complaint').enabled === true,
      minimumConfidence: readNumber(section('complaint'), 'minimumConfidence'),
    },
    sensitiveTopics: {
      enabled: section('sensitiveTopics').enabled === true,
      topics: readArray(section('sensitiveTopics'), 'topics', (topic) => ({
        id: readString(topic, 'id'),
        keywords: readStrings(topic, 'keywords'),
      })),
    },
    refundAmount: {
      enabled: refundAmount.enabled === true,
      thresholdCny: readNumber(refundAmount, 'thresholdCny'),
      intents: readStrings(refundAmount, 'intents'),
    },
    vip: { enabled: section('vip').enabled === true, tiers: readStrings(section('vip'), 'tiers') },
    intentRules: readArray(record, 'intentRules', (rule) => ({
      ...(typeof rule.intent === 'string' && { intent: rule.intent }),
      ...(typeof rule.category === 'string' && { category: rule.category }),
      minimumConfidence: readNumber(rule, 'minimumConfidence'),
    })),
  };
}

export function parseCsatSurvey(value: unknown): CsatSurvey {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    conversationId: readString(record, 'conversationId'),
    agentId: readNullableString(record, 'agentId'),
    rating: readNullableNumber(record, 'rating'),
    comment: readNullableString(record, 'comment'),
    requestedAt: readString(record, 'requestedAt'),
    respondedAt: readNullableString(record, 'respondedAt'),
  };
}

export function parseAgentDirectory(value: unknown): AgentDirectory {
  const record = requireRecord(value);
  return {
    agents: readArray(record, 'agents', (agent) => ({
      id: readString(agent, 'id'),
      displayName: readString(agent, 'displayName'),
      role: readEnum(agent.role, ['admin', 'supervisor', 'agent', 'analyst', 'custom'] as const),
      presence: readEnum(agent.presence, ['online', 'busy', 'away', 'offline'] as const),
    })),
    teams: readArray(record, 'teams', (team) => ({
      id: readString(team, 'id'),
      name: readString(team, 'name'),
      memberIds: readStrings(team, 'memberIds'),
    })),
  };
}

export function readNumberField(body: unknown, key: string): number {
  return readNumber(requireRecord(body), key);
}

export function readNullableNumberField(body: unknown, key: string): number | null {
  return readNullableNumber(requireRecord(body), key);
}

export function readStringField(body: unknown, key: string): string {
  return readString(requireRecord(body), key);
}

export function readStringList(body: unknown, key: string): string[] {
  return readStrings(requireRecord(body), key);
}

function parseSkills(value: unknown): AgentSkills {
  const record = requireRecord(value);
  return {
    categories: readStrings(record, 'categories'),
    languages: readStrings(record, 'languages'),
    channels: readArray(record, 'channels', undefined, (channel) => readEnum(channel, channelKinds)),
    productLines: readStrings(record, 'productLines'),
  };
}

function requireRecord(value: unknown): Fields {
  if (!isRecord(value)) throw invalidResponseError();
  return value;
}

/** Reads a list of records with `parseRecord`, or of plain values with `parseValue`. */
function readArray<T>(
  record: Fields,
  key: string,
  parseRecord?: (item: Fields) => T,
  parseValue?: (item: unknown) => T,
): T[] {
  const list = record[key];
  if (!Array.isArray(list)) throw invalidResponseError();
  return list.map((item: unknown) => {
    if (parseValue) return parseValue(item);
    if (!parseRecord) throw invalidResponseError();
    return parseRecord(requireRecord(item));
  });
}

function readString(record: Fields, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw invalidResponseError();
  return value;
}

function readNullableString(record: Fields, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

function readNumber(record: Fields, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidResponseError();
  return value;
}

function readNullableNumber(record: Fields, key: string): number | null {
  const value = record[key];
  if (value === null || value === undefined) return null;
  return readNumber(record, key);
}

function readStrings(record: Fields, key: string): string[] {
  return readArray(record, key, undefined, (item) => {
    if (typeof item !== 'string') throw invalidResponseError();
    return item;
  });
}

function readNumbers(record: Fields, key: string): number[] {
  return readArray(record, key, undefined, (item) => {
    if (typeof item !== 'number') throw invalidResponseError();
    return item;
  });
}

function readNumberRecord(value: unknown): Record<string, number> {
  const record = requireRecord(value);
  const result: Record<string, number> = {};
  for (const key of Object.keys(record)) result[key] = readNumber(record, key);
  return result;
}

function readEnum<const Option extends string>(value: unknown, options: readonly Option[]): Option {
  const match = options.find((option) => option === value);
  if (match === undefined) throw invalidResponseError();
  return match;
}
