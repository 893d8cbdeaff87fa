import ExcelJS from 'exceljs';
import type { ReportLocale } from '../labels';
import { formatCsv } from '../sources/foreignRules';
import type { ConversationMetricsRow } from './conversationRows';

type Cell = string | number | null;

interface Column {
  header: readonly [zh: string, en: string];
  width: number;
  value(row: ConversationMetricsRow, locale: ReportLocale): Cell;
}

const yesNo = (value: boolean, locale: ReportLocale) =>
  locale === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';

/** The export's columns, in order; the API rows hold the same values with their codes. */
const columns: Column[] = [
  { header: ['会话 ID', 'Conversation ID'], width: 32, value: (row) => row.conversationId },
  { header: ['开始时间', 'Started'], width: 18, value: (row) => row.createdLocal },
  { header: ['渠道', 'Channel'], width: 10, value: (row) => row.channel.label },
  { header: ['分类', 'Category'], width: 14, value: (row) => row.category.label },
  { header: ['意图', 'Intent'], width: 18, value: (row) => row.intent.label },
  { header: ['商品', 'Product'], width: 24, value: (row) => row.product?.name ?? null },
  { header: ['客服', 'Agent'], width: 14, value: (row) => row.agent?.name ?? null },
  { header: ['状态', 'Status'], width: 12, value: (row) => row.status.label },
  { header: ['顾客消息数', 'Shopper messages'], width: 10, value: (row) => row.customerMessages },
  { header: ['机器人消息数', 'Bot messages'], width: 10, value: (row) => row.botMessages },
  { header: ['客服消息数', 'Agent messages'], width: 10, value: (row) => row.agentMessages },
  { header: ['机器人独立解决', 'Bot contained'], width: 10, value: (row, l) => yesNo(row.botContained, l) },
  { header: ['转人工', 'Handed off'], width: 8, value: (row, l) => yesNo(row.handedOff, l) },
  { header: ['转人工原因', 'Handoff reason'], width: 18, value: (row) => row.handoffReason?.label ?? null },
  { header: ['首次响应（秒）', 'First response (s)'], width: 12, value: (row) => row.firstResponseSeconds },
  { header: ['处理时长（秒）', 'Handling time (s)'], width: 12, value: (row) => row.handlingSeconds },
  { header: ['解决时长（秒）', 'Resolution time (s)'], width: 12, value: (row) => row.resolutionSeconds },
  { header: ['满意度', 'CSAT'], width: 8, value: (row) => row.csatRating },
  { header: ['质检得分', 'QA score'], width: 8, value: (row) => row.qaScore },
  { header: ['问题原因', 'Issue reason'], width: 14, value: (row) => row.issueReason?.label ?? null },
  {
    header: ['结束时情绪', 'Sentiment at the end'],
    width: 10,
    value: (row) => row.lastSentiment?.label ?? null,
  },
];

function headersOf(locale: ReportLocale): string[] {
  return columns.map((column) => (locale === 'en' ? column.header[1] : column.header[0]));
}

/** UTF-8 with a byte-order mark and CRLF lines, so spreadsheet programs read Chinese text and line ends right. */
export function toConversationCsv(rows: readonly ConversationMetricsRow[], locale: ReportLocale): string {
  const lines = rows.map((row) => columns.map((column) => toCsvText(column.value(row, locale))));
  return `\uFEFF${formatCsv([headersOf(locale), ...lines])}`;
}

export async function toConversationXlsx(
  rows: readonly ConversationMetricsRow[],
  locale: ReportLocale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kefu';
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Conversations' : '会话明细');
  sheet.columns = columns.map((column, index) => ({
    header: headersOf(locale)[index] ?? '',
    width: column.width,
  }));
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row, locale)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A text starting with = + - @ is prefixed so spreadsheets never run it as a formula. */
function toCsvText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
