// Parsers of the quality-inspection answers: every field read and checked, nothing trusted.
import type {
  AgentRef,
  CoachingNote,
  QaFlag,
  QaInspection,
  QaInspectionSummary,
  QaRuleSet,
  QaRuleSettings,
  QaScorecards,
} from './agentInsightTypes';
import { readArrayOf, readNullableNumber, readNullableNumbers } from './agentInsightWire';
import {
  readEnum,
  readNullableString,
  readNumber,
  readString,
  readStringArray,
  requireRecord,
} from './agentWire';

const flagStatuses = ['open', 'confirmed', 'dismissed'] as const;

export function parseInspectionSummary(value: unknown): QaInspectionSummary {
  const record = requireRecord(value);
  return { ...parseInspectionHead(record), flags: parseFlagCounts(record.flags) };
}

export function parseInspection(value: unknown): QaInspection {
  const record = requireRecord(value);
  return {
    ...parseInspectionHead(record),
    flags: readArrayOf(record, 'flags', parseFlag),
    transcript: readArrayOf(record, 'transcript', (item) => {
      const fields = requireRecord(item);
      return {
        id: readString(fields, 'id'),
        sender: readEnum(fields.sender, ['customer', 'agent', 'bot', 'system'] as const),
        senderName: readNullableString(fields, 'senderName'),
        text: readString(fields, 'text'),
        at: readString(fields, 'at'),
      };
    }),
    notes: readArrayOf(record, 'notes', parseCoachingNote),
  };
}

export function parseScorecards(value: unknown): QaScorecards {
  const record = requireRecord(value);
  return {
    weeks: readStringArray(record, 'weeks'),
    agents: readArrayOf(record, 'agents', (item) => {
      const fields = requireRecord(item);
      return {
        agentId: readString(fields, 'agentId'),
        name: readString(fields, 'name'),
        inspected: readNumber(fields, 'inspected'),
        averageScore: readNullableNumber(fields, 'averageScore'),
        weekly: readNullableNumbers(fields, 'weekly'),
        flags: readArrayOf(fields, 'flags', (flag) => {
          const flagFields = requireRecord(flag);
          return {
            rule: readString(flagFields, 'rule'),
            label: readString(flagFields, 'label'),
            ...parseFlagCounts(flagFields),
          };
        }),
      };
    }),
  };
}

export function parseCoachingNote(value: unknown): CoachingNote {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    agentId: readString(record, 'agentId'),
    conversationId: readNullableString(record, 'conversationId'),
    author: parseAgentRef(record.author),
    text: readString(record, 'text'),
    createdAt: readString(record, 'createdAt'),
  };
}

export function parseRuleSet(value: unknown): QaRuleSet {
  const record = requireRecord(value);
  const rules: Record<string, QaRuleSettings> = {};
  for (const [rule, settings] of Object.entries(requireRecord(record.rules))) {
    const fields = requireRecord(settings);
    rules[rule] = {
      enabled: fields.enabled === true,
      weight: readNumber(fields, 'weight'),
      maxPoints: readNumber(fields, 'maxPoints'),
      seconds: readNullableNumber(fields, 'seconds'),
      phrases: readStringArray(fields, 'phrases'),
    };
  }
  const ruleNames: Record<string, string> = {};
  const names = requireRecord(record.ruleNames);
  for (const rule of Object.keys(names)) ruleNames[rule] = readString(names, rule);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    rules,
    ruleNames,
    updatedBy: readNullableString(record, 'updatedBy'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

function parseInspectionHead(record: Record<string, unknown>) {
  return {
    conversationId: readString(record, 'conversationId'),
    agent: record.agent === null ? null : parseAgentRef(record.agent),
    score: readNumber(record, 'score'),
    resolvedAt: readString(record, 'resolvedAt'),
    inspectedAt: readString(record, 'inspectedAt'),
  };
}

function parseFlag(value: unknown): QaFlag {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    rule: readString(record, 'rule'),
    label: readString(record, 'label'),
    messageId: readNullableString(record, 'messageId'),
    agent: record.agent === null ? null : parseAgentRef(record.agent),
    detail: readString(record, 'detail'),
    status: readEnum(record.status, flagStatuses),
    reviewNote: readNullableString(record, 'reviewNote'),
    reviewedAt: readNullableString(record, 'reviewedAt'),
  };
}

function parseFlagCounts(value: unknown): Record<(typeof flagStatuses)[number], number> {
  const record = requireRecord(value);
  return {
    open: readNumber(record, 'open'),
    confirmed: readNumber(record, 'confirmed'),
    dismissed: readNumber(record, 'dismissed'),
  };
}

function parseAgentRef(value: unknown): AgentRef {
  const record = requireRecord(value);
  return { id: readString(record, 'id'), name: readString(record, 'name') };
}
