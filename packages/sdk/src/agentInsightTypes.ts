// Wire types of the reports, spike alerts and quality-inspection APIs (holders of `reports:read`).
import type { ChannelKind } from './types';

/** Days in `timeZone` (both included; default the last 7), and what to narrow to. */
export interface ReportFilter {
  from?: string;
  to?: string;
  timeZone?: string;
  channel?: ChannelKind;
  teamId?: string;
  agentId?: string;
  category?: string;
  locale?: 'zh-CN' | 'en';
}

export interface LabeledValue {
  key: string | null;
  label: string;
  value: number;
}

/** Values per day of the range (index i is `range.days[i]`). */
export interface DailySeries {
  key: string | null;
  label: string;
  values: number[];
}

export interface DurationStats {
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface SlaAttainment {
  key: string | null;
  label: string;
  met: number;
  missed: number;
  attainment: number | null;
}

export interface AgentPerformance {
  agentId: string;
  name: string;
  handled: number;
  resolved: number;
  agentMessages: number;
  averageFirstResponseSeconds: number | null;
  averageHandlingSeconds: number | null;
  csatRated: number;
  csatAverage: number | null;
  qaInspected: number;
  qaAverageScore: number | null;
}

export interface Dashboard {
  range: { from: string; to: string; timeZone: string; days: string[] };
  overview: {
    conversations: number;
    engaged: number;
    botContained: number;
    containmentRate: number | null;
    handedOff: number;
    handoffRate: number | null;
    resolved: number;
    firstContactResolved: number;
    firstContactResolutionRate: number | null;
    messages: { customer: number; bot: number; agent: number };
    csat: { rated: number; average: number | null };
    qa: { inspected: number; averageScore: number | null };
  };
  volume: {
    byDay: DailySeries[];
    byHourOfDay: number[];
    byChannel: LabeledValue[];
    customerMessagesByDay: number[];
  };
  topics: {
    categories: LabeledValue[];
    categoryTrend: DailySeries[];
    intents: LabeledValue[];
    intentTrend: DailySeries[];
  };
  bot: {
    engaged: number;
    contained: number;
    handedOff: number;
    containmentRate: number | null;
    handoffRate: number | null;
    handoffReasons: LabeledValue[];
    trend: { engaged: number[]; contained: number[]; handedOff: number[] };
  };
  responseTimes: {
    firstResponse: DurationStats;
    handling: DurationStats;
    resolution: DurationStats;
    trend: { firstResponse: (number | null)[]; handling: (number | null)[]; resolution: (number | null)[] };
  };
  sla: { overall: SlaAttainment; byTarget: SlaAttainment[]; trend: (number | null)[] };
  csat: {
    requested: number;
    rated: number;
    responseRate: number | null;
    average: number | null;
    satisfiedRate: number | null;
    distribution: number[];
    trend: { rated: number[]; average: (number | null)[] };
  };
  backlog: { open: LabeledValue[]; openByAge: number[]; endOfDay: number[] };
  agents: AgentPerformance[];
  questions: {
    topQuestions: { question: string; asked: number; answered: number }[];
    gaps: { topic: string; count: number; unanswered: number; notHelpful: number; examples: string[] }[];
  };
  productIssues: { productId: string; name: string; total: number; reasons: LabeledValue[] }[];
}

export interface SpikeAlert {
  id: string;
  kind: 'surge' | 'new_topic';
  topicKind: 'intent' | 'category' | 'product' | 'keyword' | 'product_keyword';
  topic: string;
  topicLabel: string;
  count: number;
  expected: number;
  score: number;
  windowStart: string;
  windowEnd: string;
  examples: { conversationId: string; excerpt: string }[];
  status: 'open' | 'acknowledged';
  detectedAt: string;
  lastDetectedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

export interface QaPeriodFilter {
  from?: string;
  to?: string;
  timeZone?: string;
  agentId?: string;
  teamId?: string;
  locale?: 'zh-CN' | 'en';
}

export type QaFlagStatus = 'open' | 'confirmed' | 'dismissed';
export interface AgentRef {
  id: string;
  name: string;
}

export interface QaInspectionSummary {
  conversationId: string;
  agent: AgentRef | null;
  score: number;
  resolvedAt: string;
  inspectedAt: string;
  flags: Record<QaFlagStatus, number>;
}

export interface QaFlag {
  id: string;
  rule: string;
  label: string;
  messageId: string | null;
  agent: AgentRef | null;
  detail: string;
  status: QaFlagStatus;
  reviewNote: string | null;
  reviewedAt: string | null;
}

export interface CoachingNote {
  id: string;
  agentId: string;
  conversationId: string | null;
  author: AgentRef;
  text: string;
  createdAt: string;
}

export interface QaInspection extends Omit<QaInspectionSummary, 'flags'> {
  flags: QaFlag[];
  transcript: {
    id: string;
    sender: 'customer' | 'agent' | 'bot' | 'system';
    senderName: string | null;
    text: string;
    at: string;
  }[];
  notes: CoachingNote[];
}

export interface QaScorecards {
  weeks: string[];
  agents: {
    agentId: string;
    name: string;
    inspected: number;
    averageScore: number | null;
    weekly: (number | null)[];
    flags: ({ rule: string; label: string } & Record<QaFlagStatus, number>)[];
  }[];
}

export interface QaRuleSettings {
  enabled: boolean;
  weight: number;
  maxPoints: number;
  seconds: number | null;
  phrases: string[];
}

export interface QaRuleSet {
  id: string;
  name: string;
  rules: Record<string, QaRuleSettings>;
  /** Each rule's name for people. */
  ruleNames: Record<string, string>;
  updatedBy: string | null;
  updatedAt: string;
}
