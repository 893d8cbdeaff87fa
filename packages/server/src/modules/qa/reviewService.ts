import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { addDays, allowedAgents, localDateOf, resolveReportRange } from '../analytics';
import type { ReportRange, ReportScope } from '../analytics';
import { findInspection, insertCoachingNote, listCoachingNotes, listFlags } from './repo';
import type { CoachingNoteRow, FlagRow } from './repo';
import type { InspectionWindow } from './reviewQueries';
import { countFlagsByAgentAndRule, countFlagsByConversation, listInspectionRows } from './reviewQueries';
import { isQaRuleId, qaRuleIds, qaRuleNames } from './rules/ruleSet';
import type { QaRuleId } from './rules/ruleSet';
import { loadInspectedConversation } from './sources/transcriptRecords';

export type QaLocale = 'zh-CN' | 'en';

/** What QA needs of the agents module, given as functions by the composition root. */
export interface QaDirectory {
  listAgents(): Promise<{ id: string; displayName: string }[]>;
  listTeams(): Promise<{ id: string; memberIds: string[] }[]>;
}

export interface QaPeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
  agentId?: string | undefined;
  teamId?: string | undefined;
  locale: QaLocale;
  scope?: ReportScope | null | undefined;
}

type FlagCounts = Record<'open' | 'confirmed' | 'dismissed', number>;

/** Supervisors' views of the inspections: the review list and page, scorecards per agent, coaching notes. */
export class QaReviewService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly directory: QaDirectory,
  ) {}

  async listInspections(query: QaPeriodQuery & { onlyOpenFlags: boolean; limit: number }) {
    const { window } = await this.windowOf(query);
    const rows = await listInspectionRows(this.db, window, query);
    const counts = await countFlagsByConversation(
      this.db,
      rows.map((row) => row.conversation_id),
    );
    const names = await this.agentNames(query.locale);
    return rows.map((row) => ({
      conversationId: row.conversation_id,
      agent: row.agent_id ? { id: row.agent_id, name: names(row.agent_id) } : null,
      score: row.score,
      resolvedAt: row.resolved_at,
      inspectedAt: row.inspected_at,
      flags: counts.get(row.conversation_id) ?? { open: 0, confirmed: 0, dismissed: 0 },
    }));
  }

  /** One conversation's inspection with its flags (each with the message it concerns) and the transcript. */
  async getInspection(conversationId: string, locale: QaLocale) {
    const inspection = await findInspection(this.db, conversationId);
    const record = await loadInspectedConversation(this.db, conversationId);
    if (!inspection || !record) throw new KefuError('qa_inspection_not_found');
    const names = await this.agentNames(locale);
    const flags = await listFlags(this.db, conversationId);
    const messages = record.transcript.messages;
    return {
      conversationId,
      agent: inspection.agent_id ? { id: inspection.agent_id, name: names(inspection.agent_id) } : null,
      score: inspection.score,
      resolvedAt: inspection.resolved_at,
      inspectedAt: inspection.inspected_at,
      flags: flags.map((flag) => toFlag(flag, locale, names)),
      transcript: messages.map((message) => ({
        id: message.id,
        sender: message.sender,
        senderName: message.sender === 'agent' && message.senderId ? names(message.senderId) : null,
        text: message.text,
        at: new Date(message.at).toISOString(),
      })),
      notes: (await listCoachingNotes(this.db, { conversationId, limit: 50 })).map((note) =>
        toNote(note, names),
      ),
    };
  }

  /** Per agent over the period: inspections, average score per week, flags per rule by review outcome. */
  async scorecards(query: QaPeriodQuery) {
    const { window, range } = await this.windowOf(query);
    const rows = await listInspectionRows(this.db, window, { onlyOpenFlags: false, limit: 100_000 });
    const flagCounts = await countFlagsByAgentAndRule(this.db, window);
    const names = await this.agentNames(query.locale);
    const weeks = [...new Set(range.days.map(weekStartOf))];
    const byAgent = new Map<string, { scores: number[]; weekly: number[][] }>();
    for (const row of rows) {
      if (!row.agent_id) continue;
      const entry = byAgent.get(row.agent_id) ?? { scores: [], weekly: weeks.map(() => []) };
      entry.scores.push(row.score);
      const week = weekStartOf(localDateOf(Date.parse(row.resolved_at), range.timeZone));
      entry.weekly[weeks.indexOf(week)]?.push(row.score);
      byAgent.set(row.agent_id, entry);
    }
    const agents = [...byAgent.entries()].map(([agentId, entry]) => ({
      agentId,
      name: names(agentId),
      inspected: entry.scores.length,
      averageScore: average(entry.scores),
      weekly: entry.weekly.map(average),
      flags: qaRuleIds.map((rule) => ({
        rule,
        label: ruleLabel(rule, query.locale),
        ...countsFor(flagCounts, agentId, rule),
      })),
    }));
    return { weeks, agents: agents.sort((left, right) => right.inspected - left.inspected) };
  }

  async addCoachingNote(
    agentId: string,
    input: { text: string; conversationId: string | null },
    authorId: string,
    locale: QaLocale,
  ) {
    if (!(await this.directory.listAgents()).some((agent) => agent.id === agentId))
      throw new KefuError('agent_not_found');
    const row: CoachingNoteRow = {
      id: newId('qan'),
      agent_id: agentId,
      conversation_id: input.conversationId,
      author_id: authorId,
      text: input.text,
      created_at: this.clock.now().toISOString(),
    };
    await insertCoachingNote(this.db, row);
    return toNote(row, await this.agentNames(locale));
  }

  async listCoachingNotes(agentId: string, locale: QaLocale) {
    const names = await this.agentNames(locale);
    return (await listCoachingNotes(this.db, { agentId, limit: 200 })).map((note) => toNote(note, names));
  }

  private async windowOf(query: QaPeriodQuery): Promise<{ window: InspectionWindow; range: ReportRange }> {
    const range = resolveReportRange(query, this.clock.now());
    const agentIds = await allowedAgents(query, () => this.directory.listTeams());
    return {
      range,
      window: {
        resolvedFrom: new Date(range.startMinute * 60_000).toISOString(),
        resolvedBefore: new Date(range.endMinute * 60_000).toISOString(),
        agentIds,
      },
    };
  }

  private async agentNames(locale: QaLocale): Promise<(agentId: string) => string> {
    const agents = new Map((await this.directory.listAgents()).map((agent) => [agent.id, agent.displayName]));
    return (agentId) => agents.get(agentId) ?? (locale === 'en' ? 'Former agent' : '已删除的客服');
  }
}

export function ruleLabel(rule: QaRuleId, locale: QaLocale): string {
  const [zh, en] = qaRuleNames[rule];
  return locale === 'en' ? en : zh;
}

function toFlag(flag: FlagRow, locale: QaLocale, names: (agentId: string) => string) {
  return {
    id: flag.id,
    rule: flag.rule,
    label: isQaRuleId(flag.rule) ? ruleLabel(flag.rule, locale) : flag.rule,
    messageId: flag.message_id,
    agent: flag.agent_id ? { id: flag.agent_id, name: names(flag.agent_id) } : null,
    detail: flag.detail,
    status: toFlagStatus(flag.status),
    reviewNote: flag.review_note,
    reviewedAt: flag.reviewed_at,
  };
}

function toNote(note: CoachingNoteRow, names: (agentId: string) => string) {
  return {
    id: note.id,
    agentId: note.agent_id,
    conversationId: note.conversation_id,
    author: { id: note.author_id, name: names(note.author_id) },
    text: note.text,
    createdAt: note.created_at,
  };
}

function countsFor(
  counts: readonly { agentId: string | null; rule: string; status: string; count: number }[],
  agentId: string,
  rule: string,
): FlagCounts {
  const result: FlagCounts = { open: 0, confirmed: 0, dismissed: 0 };
  for (const entry of counts)
    if (entry.agentId === agentId && entry.rule === rule)
      if (entry.status === 'open' || entry.status === 'confirmed' || entry.status === 'dismissed')
        result[entry.status] += entry.count;
  return result;
}

function toFlagStatus(status: string): 'open' | 'confirmed' | 'dismissed' {
  return status === 'confirmed' || status === 'dismissed' ? status : 'open';
}

/** The Monday starting the week of a date. */
function weekStartOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
