import { csvColumns } from './importFormats';
import { formatCsv } from '../../csv';
import type { EntryContent, ImportFormat } from './schemas';

export interface ExportedEntry {
  id: string;
  kind: 'faq' | 'article';
  content: EntryContent;
}

/** Writes entries in a format the importer reads back (ids included, so a re-import updates them). */
export function formatExport(format: ImportFormat, entries: readonly ExportedEntry[]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ entries }, null, 2)}\n`;
    case 'csv':
      return formatCsv([[...csvColumns], ...entries.map(toCsvRow)]);
    case 'markdown':
      return entries.flatMap(toMarkdownSections).join('\n\n');
  }
}

export const exportContentTypes: Record<ImportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

function toCsvRow(entry: ExportedEntry): string[] {
  const { content } = entry;
  const zh = content.locales['zh-CN'];
  const en = content.locales.en;
  const values: Record<(typeof csvColumns)[number], string> = {
    id: entry.id,
    kind: entry.kind,
    category: content.category,
    tags: content.tags.join('|'),
    product_ids: content.productIds.join('|'),
    channels: content.channels.join('|'),
    valid_from: content.validFrom ?? '',
    valid_until: content.validUntil ?? '',
    question_zh: zh?.question ?? '',
    similar_zh: zh?.similarQuestions.join('|') ?? '',
    answer_zh: zh?.answer ?? '',
    question_en: en?.question ?? '',
    similar_en: en?.similarQuestions.join('|') ?? '',
    answer_en: en?.answer ?? '',
  };
  return csvColumns.map((column) => values[column]);
}

function toMarkdownSections(entry: ExportedEntry): string[] {
  const { content } = entry;
  return (['zh-CN', 'en'] as const).flatMap((locale) => {
    const localeContent = content.locales[locale];
    if (!localeContent) return [];
    const meta: [string, string][] = [
      ['id', entry.id],
      ['kind', entry.kind],
      ['locale', locale],
      ['category', content.category],
      ['tags', content.tags.join(' | ')],
      ['similar', localeContent.similarQuestions.join(' | ')],
      ['products', content.productIds.join(' | ')],
      ['channels', content.channels.join(' | ')],
      ['valid_from', content.validFrom ?? ''],
      ['valid_until', content.validUntil ?? ''],
    ];
    const metaLines = meta
      .filter(([, value]) => value.length > 0)
      .map(([key, value]) => `> ${key}: ${value}`);
    return [`# ${localeContent.question}\n${metaLines.join('\n')}\n\n${localeContent.answer}`];
  });
}
