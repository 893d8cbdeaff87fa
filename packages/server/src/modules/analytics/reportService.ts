import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { countConversationRows, listConversationRows } from './export/conversationRows';
import type { ConversationMetricsRow } from './export/conversationRows';
import { toConversationCsv, toConversationXlsx } from './export/exportFiles';
import type { ReportQuery, ReportReader, ReportScope } from './reportFilter';
import { allowedAgents, reportScopeOf, resolveReportRange } from './reportFilter';
import type { AgentPerformance } from './reports/agentReport';
import { buildAgentReport } from './reports/agentReport';
import type { BacklogReport } from './reports/backlogReport';
import { buildBacklogReport } from './reports/backlogReport';
import type { BotReport } from './reports/botReport';
import { buildBotReport } from './reports/botReport';
import type { CsatReport } from './reports/csatReport';
import { buildCsatReport } from './reports/csatReport';
import type { OverviewReport } from './reports/overviewReport';
import { buildOverviewReport } from './reports/overviewReport';
import type { ProductIssues } from './reports/productIssueReport';
import { buildProductIssueReport } from './reports/productIssueReport';
import type { QuestionReport } from './reports/questionReport';
import { buildQuestionReport } from './reports/questionReport';
import type { ReportDirectory } from './reports/nameDirectory';
import { loadNameDirectory } from './reports/nameDirectory';
import type { ReportContext } from './reports/reportContext';
import type { ResponseTimeReport } from './reports/responseTimeReport';
import { buildResponseTimeReport } from './reports/responseTimeReport';
import type { SlaReport } from './reports/slaReport';
import { buildSlaReport } from './reports/slaReport';
import type { TopicReport } from './reports/topicReport';
import { buildTopicReport } from './reports/topicReport';
import type { VolumeReport } from './reports/volumeReport';
import { buildVolumeReport } from './reports/volumeReport';

/** Each report's result, by name. */
export interface Reports {
  overview: OverviewReport;
  volume: VolumeReport;
  topics: TopicReport;
  bot: BotReport;
  responseTimes: ResponseTimeReport;
  sla: SlaReport;
  csat: CsatReport;
  backlog: BacklogReport;
  agents: AgentPerformance[];
  questions: QuestionReport;
  productIssues: ProductIssues[];
}

export type ReportName = keyof Reports;

const reportBuilders: { [Name in ReportName]: (context: ReportContext) => Promise<Reports[Name]> } = {
  overview: buildOverviewReport,
  volume: buildVolumeReport,
  topics: buildTopicReport,
  bot: buildBotReport,
  responseTimes: buildResponseTimeReport,
  sla: buildSlaReport,
  csat: buildCsatReport,
  backlog: buildBacklogReport,
  agents: buildAgentReport,
  questions: buildQuestionReport,
  productIssues: buildProductIssueReport,
};

export type Dashboard = Reports & {
  range: { from: string; to: string; timeZone: string; days: string[] };
};

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** Rows a single export may hold; a larger one asks for a narrower filter. */
export const maxExportRows = 100_000;

/**
 * Every figure the dashboards, the exports and the API show, from the same queries over the per-conversation
 * metrics (and, for SLA and questions, over the tickets' and the knowledge base's records).
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly directory: ReportDirectory,
  ) {}

  /** The teams a reader's reports count (null: every team's). */
  async scopeOf(reader: ReportReader): Promise<ReportScope | null> {
    return reportScopeOf(reader, () => this.directory.listTeams());
  }

  async reportWithRange<Name extends ReportName>(
    name: Name,
    query: ReportQuery,
  ): Promise<{ range: Dashboard['range']; report: Reports[Name] }> {
    const context = await this.createContext(query);
    return { range: describeRange(context), report: await reportBuilders[name](context) };
  }

  /** Every report; independent queries run side by side (PostgreSQL answers them on several connections). */
  async dashboard(query: ReportQuery): Promise<Dashboard> {
    const context = await this.createContext(query);
    const [
      overview,
      volume,
      topics,
      bot,
      responseTimes,
      sla,
      csat,
      backlog,
      agents,
      questions,
      productIssues,
    ] = await Promise.all([
      buildOverviewReport(context),
      buildVolumeReport(context),
      buildTopicReport(context),
      buildBotReport(context),
      buildResponseTimeReport(context),
      buildSlaReport(context),
      buildCsatReport(context),
      buildBacklogReport(context),
      buildAgentReport(context),
      buildQuestionReport(context),
      buildProductIssueReport(context),
    ]);
    return {
      range: describeRange(context),
      overview,
      volume,
      topics,
      bot,
      responseTimes,
      sla,
      csat,
      backlog,
      agents,
      questions,
      productIssues,
    };
  }

  async listConversations(
    query: ReportQuery,
    page: { limit: number; after: { createdMinute: number; conversationId: string } | null },
  ): Promise<ConversationMetricsRow[]> {
    return listConversationRows(await this.createContext(query), page);
  }

  async exportConversations(query: ReportQuery, format: ExportFormat): Promise<ExportFile> {
    const context = await this.createContext(query);
    const total = await countConversationRows(context);
    if (total > maxExportRows) throw new KefuError('export_too_large');
    const rows = await listConversationRows(context, { limit: maxExportRows, after: null });
    const { from, to } = context.filter.range;
    const fileName = `kefu-conversations-${from}-to-${to}.${format}`;
    if (format === 'csv')
      return {
        fileName,
        contentType: 'text/csv; charset=utf-8',
        body: toConversationCsv(rows, query.locale),
      };
    return {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toConversationXlsx(rows, query.locale),
    };
  }

  private async createContext(query: ReportQuery): Promise<ReportContext> {
    const range = resolveReportRange(query, this.clock.now());
    const agentIds = await allowedAgents(query, () => this.directory.listTeams());
    return {
      db: this.db,
      now: this.clock.now(),
      names: await loadNameDirectory(this.directory, query.locale),
      filter: {
        range,
        channel: query.channel ?? null,
        category: query.category ?? null,
        agentIds,
        teamId: query.teamId ?? null,
        locale: query.locale,
      },
    };
  }
}

function describeRange(context: ReportContext): Dashboard['range'] {
  const { from, to, timeZone, days } = context.filter.range;
  return { from, to, timeZone, days };
}
