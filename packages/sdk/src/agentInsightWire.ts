// Parsers of the reports and spike-alert answers: every field read and checked, nothing trusted.
import type {
  AgentPerformance,
  DailySeries,
  Dashboard,
  DurationStats,
  LabeledValue,
  SlaAttainment,
  SpikeAlert,
} from './agentInsightTypes';
import {
  invalidResponseError,
  readEnum,
  readNullableString,
  readNumber,
  readString,
  readStringArray,
  requireRecord,
} from './agentWire';

type Fields = Record<string, unknown>;

export function parseDashboard(value: unknown): Dashboard {
  const record = requireRecord(value);
  const range = requireRecord(record.range);
  return {
    range: {
      from: readString(range, 'from'),
      to: readString(range, 'to'),
      timeZone: readString(range, 'timeZone'),
      days: readStringArray(range, 'days'),
    },
    overview: parseOverview(record.overview),
    volume: parseVolume(requireRecord(record.volume)),
    topics: parseTopics(requireRecord(record.topics)),
    bot: parseBotReport(record.bot),
    responseTimes: parseResponseTimes(record.responseTimes),
    sla: parseSla(requireRecord(record.sla)),
    csat: parseCsat(record.csat),
    backlog: parseBacklog(requireRecord(record.backlog)),
    agents: readArrayOf(record, 'agents', parseAgentPerformance),
    questions: parseQuestions(record.questions),
    productIssues: readArrayOf(record, 'productIssues', (item) => {
      const fields = requireRecord(item);
      return {
        productId: readString(fields, 'productId'),
        name: readString(fields, 'name'),
        total: readNumber(fields, 'total'),
        reasons: readArrayOf(fields, 'reasons', parseLabeledValue),
      };
    }),
  };
}

export function parseSpikeAlert(value: unknown): SpikeAlert {
  const record = requireRecord(value);
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
    topic: readString(record, 'topic'),
    topicLabel: readString(record, 'topicLabel'),
    count: readNumber(record, 'count'),
    expected: readNumber(record, 'expected'),
    score: readNumber(record, 'score'),
    windowStart: readString(record, 'windowStart'),
    windowEnd: readString(record, 'windowEnd'),
    examples: readArrayOf(record, 'examples', (item) => {
      const fields = requireRecord(item);
      return { conversationId: readString(fields, 'conversationId'), excerpt: readString(fields, 'excerpt') };
    }),
    status: readEnum(record.status, ['open', 'acknowledged'] as const),
    detectedAt: readString(record, 'detectedAt'),
    lastDetectedAt: readString(record, 'lastDetectedAt'),
    acknowledgedBy: readNullableString(record, 'acknowledgedBy'),
    acknowledgedAt: readNullableString(record, 'acknowledgedAt'),
  };
}

function parseVolume(fields: Fields): Dashboard['volume'] {
  return {
    byDay: readArrayOf(fields, 'byDay', parseDailySeries),
    byHourOfDay: readNumbers(fields, 'byHourOfDay'),
    byChannel: readArrayOf(fields, 'byChannel', parseLabeledValue),
    customerMessagesByDay: readNumbers(fields, 'customerMessagesByDay'),
  };
}

function parseTopics(fields: Fields): Dashboard['topics'] {
  return {
    categories: readArrayOf(fields, 'categories', parseLabeledValue),
    categoryTrend: readArrayOf(fields, 'categoryTrend', parseDailySeries),
    intents: readArrayOf(fields, 'intents', parseLabeledValue),
    intentTrend: readArrayOf(fields, 'intentTrend', parseDailySeries),
  };
}

function parseSla(fields: Fields): Dashboard['sla'] {
  return {
    overall: parseSlaAttainment(fields.overall),
    byTarget: readArrayOf(fields, 'byTarget', parseSlaAttainment),
    trend: readNullableNumbers(fields, 'trend'),
  };
}

function parseBacklog(fields: Fields): Dashboard['backlog'] {
  return {
    open: readArrayOf(fields, 'open', parseLabeledValue),
    openByAge: readNumbers(fields, 'openByAge'),
    endOfDay: readNumbers(fields, 'endOfDay'),
  };
}

function parseOverview(value: unknown): Dashboard['overview'] {
  const record = requireRecord(value);
  const messages = requireRecord(record.messages);
  const csat = requireRecord(record.csat);
  const qa = requireRecord(record.qa);
  return {
    conversations: readNumber(record, 'conversations'),
    engaged: readNumber(record, 'engaged'),
    botContained: readNumber(record, 'botContained'),
    containmentRate: readNullableNumber(record, 'containmentRate'),
    handedOff: readNumber(record, 'handedOff'),
    handoffRate: readNullableNumber(record, 'handoffRate'),
    resolved: readNumber(record, 'resolved'),
    firstContactResolved: readNumber(record, 'firstContactResolved'),
    firstContactResolutionRate: readNullableNumber(record, 'firstContactResolutionRate'),
    messages: {
      customer: readNumber(messages, 'customer'),
      bot: readNumber(messages, 'bot'),
      agent: readNumber(messages, 'agent'),
    },
    csat: { rated: readNumber(csat, 'rated'), average: readNullableNumber(csat, 'average') },
    qa: { inspected: readNumber(qa, 'inspected'), averageScore: readNullableNumber(qa, 'averageScore') },
  };
}

function parseBotReport(value: unknown): Dashboard['bot'] {
  const record = requireRecord(value);
  const trend = requireRecord(record.trend);
  return {
    engaged: readNumber(record, 'engaged'),
    contained: readNumber(record, 'contained'),
    handedOff: readNumber(record, 'handedOff'),
    containmentRate: readNullableNumber(record, 'containmentRate'),
    handoffRate: readNullableNumber(record, 'handoffRate'),
    handoffReasons: readArrayOf(record, 'handoffReasons', parseLabeledValue),
    trend: {
      engaged: readNumbers(trend, 'engaged'),
      contained: readNumbers(trend, 'contained'),
      handedOff: readNumbers(trend, 'handedOff'),
    },
  };
}

function parseResponseTimes(value: unknown): Dashboard['responseTimes'] {
  const record = requireRecord(value);
  const trend = requireRecord(record.trend);
  return {
    firstResponse: parseDurationStats(record.firstResponse),
    handling: parseDurationStats(record.handling),
    resolution: parseDurationStats(record.resolution),
    trend: {
      firstResponse: readNullableNumbers(trend, 'firstResponse'),
      handling: readNullableNumbers(trend, 'handling'),
      resolution: readNullableNumbers(trend, 'resolution'),
    },
  };
}

function parseCsat(value: unknown): Dashboard['csat'] {
  const record = requireRecord(value);
  const trend = requireRecord(record.trend);
  return {
    requested: readNumber(record, 'requested'),
    rated: readNumber(record, 'rated'),
    responseRate: readNullableNumber(record, 'responseRate'),
    average: readNullableNumber(record, 'average'),
    satisfiedRate: readNullableNumber(record, 'satisfiedRate'),
    distribution: readNumbers(record, 'distribution'),
    trend: { rated: readNumbers(trend, 'rated'), average: readNullableNumbers(trend, 'average') },
  };
}

function parseQuestions(value: unknown): Dashboard['questions'] {
  const record = requireRecord(value);
  return {
    topQuestions: readArrayOf(record, 'topQuestions', (item) => {
      const fields = requireRecord(item);
      return {
        question: readString(fields, 'question'),
        asked: readNumber(fields, 'asked'),
        answered: readNumber(fields, 'answered'),
      };
    }),
    gaps: readArrayOf(record, 'gaps', (item) => {
      const fields = requireRecord(item);
      return {
        topic: readString(fields, 'topic'),
        count: readNumber(fields, 'count'),
        unanswered: readNumber(fields, 'unanswered'),
        notHelpful: readNumber(fields, 'notHelpful'),
        examples: readStringArray(fields, 'examples'),
      };
    }),
  };
}

function parseAgentPerformance(value: unknown): AgentPerformance {
  const record = requireRecord(value);
  return {
    agentId: readString(record, 'agentId'),
    name: readString(record, 'name'),
    handled: readNumber(record, 'handled'),
    resolved: readNumber(record, 'resolved'),
    agentMessages: readNumber(record, 'agentMessages'),
    averageFirstResponseSeconds: readNullableNumber(record, 'averageFirstResponseSeconds'),
    averageHandlingSeconds: readNullableNumber(record, 'averageHandlingSeconds'),
    csatRated: readNumber(record, 'csatRated'),
    csatAverage: readNullableNumber(record, 'csatAverage'),
    qaInspected: readNumber(record, 'qaInspected'),
    qaAverageScore: readNullableNumber(record, 'qaAverageScore'),
  };
}

function parseLabeledValue(value: unknown): LabeledValue {
  const record = requireRecord(value);
  return {
    key: readNullableString(record, 'key'),
    label: readString(record, 'label'),
    value: readNumber(record, 'value'),
  };
}

function parseDailySeries(value: unknown): DailySeries {
  const record = requireRecord(value);
  return {
    key: readNullableString(record, 'key'),
    label: readString(record, 'label'),
    values: readNumbers(record, 'values'),
  };
}

function parseDurationStats(value: unknown): DurationStats {
  const record = requireRecord(value);
  return {
    count: readNumber(record, 'count'),
    averageSeconds: readNullableNumber(record, 'averageSeconds'),
    medianSeconds: readNullableNumber(record, 'medianSeconds'),
    p90Seconds: readNullableNumber(record, 'p90Seconds'),
  };
}

function parseSlaAttainment(value: unknown): SlaAttainment {
  const record = requireRecord(value);
  return {
    key: readNullableString(record, 'key'),
    label: readString(record, 'label'),
    met: readNumber(record, 'met'),
    missed: readNumber(record, 'missed'),
    attainment: readNullableNumber(record, 'attainment'),
  };
}

export function readArrayOf<Item>(record: Fields, key: string, parseItem: (value: unknown) => Item): Item[] {
  const list = record[key];
  if (!Array.isArray(list)) throw invalidResponseError();
  return list.map(parseItem);
}

export function readNullableNumber(record: Fields, key: string): number | null {
  return record[key] === null ? null : readNumber(record, key);
}

function readNumbers(record: Fields, key: string): number[] {
  return readArrayOf(record, key, (item) => readNumber({ item }, 'item'));
}

export function readNullableNumbers(record: Fields, key: string): (number | null)[] {
  return readArrayOf(record, key, (item) => (item === null ? null : readNumber({ item }, 'item')));
}
