import { formatCsv, parseCsv } from '../../csv';
import { KefuError } from '../../errors';
import type { AuthenticatedAgent } from '../auth';
import type { CannedReplies } from './cannedReplies';
import type { CannedReply } from './schemas';
import { cannedImportRowSchema } from './schemas';

const csvColumns = ['shortcut', 'category', 'title', 'text'] as const;

export interface CannedImportReport {
  created: number;
  skipped: { row: number; shortcut: string }[];
  errors: { row: number; message: string }[];
}

/** The replies as a file: JSON `{ replies: [...] }`, or CSV with the columns shortcut, category, title, text. */
export function exportCannedReplies(replies: readonly CannedReply[], format: 'csv' | 'json'): string {
  const rows = replies.map(({ shortcut, category, title, text }) => ({ shortcut, category, title, text }));
  if (format === 'json') return JSON.stringify({ replies: rows }, null, 2);
  return formatCsv([[...csvColumns], ...rows.map((row) => csvColumns.map((column) => row[column]))]);
}

/**
 * Adds the file's replies to the agent's own or a team's; a row whose shortcut exists there already is skipped,
 * a row that is not valid is reported with its number, and the others are kept.
 */
export async function importCannedReplies(
  canned: CannedReplies,
  agent: AuthenticatedAgent,
  request: { format: 'csv' | 'json'; content: string; scope: 'personal' | 'team'; teamId: string | null },
): Promise<CannedImportReport> {
  const rows = request.format === 'csv' ? readCsvRows(request.content) : readJsonRows(request.content);
  const report: CannedImportReport = { created: 0, skipped: [], errors: [] };
  for (const [index, raw] of rows.entries()) {
    const row = index + 1;
    const parsed = cannedImportRowSchema.safeParse(raw);
    if (!parsed.success) {
      report.errors.push({ row, message: parsed.error.issues.map((issue) => issue.message).join('; ') });
      continue;
    }
    try {
      await canned.create(agent, { ...parsed.data, scope: request.scope, teamId: request.teamId });
      report.created += 1;
    } catch (error) {
      if (!(error instanceof KefuError)) throw error;
      if (error.code === 'canned_reply_shortcut_taken')
        report.skipped.push({ row, shortcut: parsed.data.shortcut });
      else if (error.code === 'forbidden' || error.code === 'validation_failed') throw error;
      else report.errors.push({ row, message: error.message });
    }
  }
  return report;
}

function readCsvRows(content: string): Record<string, string>[] {
  const [header, ...lines] = parseCsv(content);
  if (!header) return [];
  const names = header.map((name) => name.trim().toLowerCase());
  if (!names.includes('shortcut') || !names.includes('text'))
    throw new KefuError(
      'validation_failed',
      'The CSV needs a header row with at least "shortcut" and "text"',
    );
  return lines
    .filter((fields) => fields.some((field) => field.trim() !== ''))
    .map((fields) => Object.fromEntries(names.map((name, index) => [name, fields[index] ?? ''])));
}

function readJsonRows(content: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new KefuError('validation_failed', 'The file is not valid JSON');
  }
  const list: unknown = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Reflect.get(value, 'replies')
      : null;
  if (!Array.isArray(list)) throw new KefuError('validation_failed', 'Expected a list of replies');
  return list;
}
