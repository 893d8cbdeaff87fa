// Typed calls of the reports, spike alerts and quality-inspection APIs over an agent client's session:
// `new KefuInsightApi(agentClient).getDashboard({ from, to })`.
import type { KefuAgentClient } from './agentClient';
import type {
  CoachingNote,
  Dashboard,
  QaFlagStatus,
  QaInspection,
  QaInspectionSummary,
  QaPeriodFilter,
  QaRuleSet,
  QaRuleSettings,
  QaScorecards,
  ReportFilter,
  SpikeAlert,
} from './agentInsightTypes';
import { parseDashboard, parseSpikeAlert } from './agentInsightWire';
import {
  parseCoachingNote,
  parseInspection,
  parseInspectionSummary,
  parseRuleSet,
  parseScorecards,
} from './agentQualityWire';
import { readField, readList } from './agentWire';
import { toQueryString as toQuery } from './transport';

export type * from './agentInsightTypes';

type InsightClient = Pick<KefuAgentClient, 'requestJson' | 'fetchFile'>;
type Locale = 'zh-CN' | 'en';

export class KefuInsightApi {
  constructor(private readonly client: InsightClient) {}

  /** Every report for one filter (what the console's dashboard shows). */
  async getDashboard(filter: ReportFilter = {}): Promise<Dashboard> {
    return parseDashboard(
      await this.client.requestJson('GET', `/api/v1/reports/dashboard${toQuery({ ...filter })}`),
    );
  }

  /** The per-conversation rows as a CSV or Excel file. */
  exportConversations(filter: ReportFilter, format: 'csv' | 'xlsx'): Promise<Blob> {
    return this.client.fetchFile(`/api/v1/reports/conversations/export${toQuery({ ...filter, format })}`);
  }

  async listAlerts(
    options: { status?: 'open' | 'all'; limit?: number; locale?: Locale } = {},
  ): Promise<SpikeAlert[]> {
    return readList(
      await this.client.requestJson('GET', `/api/v1/reports/alerts${toQuery(options)}`),
      'alerts',
      parseSpikeAlert,
    );
  }

  async acknowledgeAlert(alertId: string, locale?: Locale): Promise<SpikeAlert> {
    const path = `/api/v1/reports/alerts/${encodeURIComponent(alertId)}/acknowledge${toQuery({ locale })}`;
    return parseSpikeAlert(readField(await this.client.requestJson('POST', path), 'alert'));
  }

  async listInspections(
    filter: QaPeriodFilter & { status?: 'open_flags' | 'all'; limit?: number } = {},
  ): Promise<QaInspectionSummary[]> {
    const body = await this.client.requestJson('GET', `/api/v1/qa/inspections${toQuery({ ...filter })}`);
    return readList(body, 'inspections', parseInspectionSummary);
  }

  async getInspection(conversationId: string, locale?: Locale): Promise<QaInspection> {
    const body = await this.client.requestJson(
      'GET',
      `${inspectionPath(conversationId)}${toQuery({ locale })}`,
    );
    return parseInspection(readField(body, 'inspection'));
  }

  async rerunInspection(conversationId: string, locale?: Locale): Promise<QaInspection> {
    const body = await this.client.requestJson(
      'POST',
      `${inspectionPath(conversationId)}/rerun${toQuery({ locale })}`,
    );
    return parseInspection(readField(body, 'inspection'));
  }

  /** Confirm or dismiss a flag (or open it again); answers the conversation's inspection with the new score. */
  async reviewFlag(
    flagId: string,
    review: { status: QaFlagStatus; note?: string | null },
    locale?: Locale,
  ): Promise<QaInspection> {
    const path = `/api/v1/qa/flags/${encodeURIComponent(flagId)}${toQuery({ locale })}`;
    return parseInspection(readField(await this.client.requestJson('PATCH', path, review), 'inspection'));
  }

  async getScorecards(filter: QaPeriodFilter = {}): Promise<QaScorecards> {
    return parseScorecards(
      await this.client.requestJson('GET', `/api/v1/qa/scorecards${toQuery({ ...filter })}`),
    );
  }

  async listCoachingNotes(agentId: string, locale?: Locale): Promise<CoachingNote[]> {
    const body = await this.client.requestJson('GET', `${notesPath(agentId)}${toQuery({ locale })}`);
    return readList(body, 'notes', parseCoachingNote);
  }

  async addCoachingNote(
    agentId: string,
    note: { text: string; conversationId?: string | null },
  ): Promise<CoachingNote> {
    return parseCoachingNote(
      readField(await this.client.requestJson('POST', notesPath(agentId), note), 'note'),
    );
  }

  async getRuleSet(locale?: Locale): Promise<QaRuleSet> {
    const body = await this.client.requestJson('GET', `/api/v1/qa/rule-set${toQuery({ locale })}`);
    return parseRuleSet(readField(body, 'ruleSet'));
  }

  async updateRuleSet(rules: Record<string, QaRuleSettings>, locale?: Locale): Promise<QaRuleSet> {
    const body = await this.client.requestJson('PUT', `/api/v1/qa/rule-set${toQuery({ locale })}`, { rules });
    return parseRuleSet(readField(body, 'ruleSet'));
  }
}

function inspectionPath(conversationId: string): string {
  return `/api/v1/qa/inspections/${encodeURIComponent(conversationId)}`;
}

function notesPath(agentId: string): string {
  return `/api/v1/qa/agents/${encodeURIComponent(agentId)}/notes`;
}
