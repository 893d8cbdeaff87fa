import { z } from 'zod';
import { parseCsv } from '../../csv';
import type { EntryContent, ImportFormat } from './schemas';
import { entryContentSchema, entryKindSchema } from './schemas';

export type ImportItem =
  | { row: number; ok: true; id: string | null; kind: 'faq' | 'article'; content: EntryContent }
  | { row: number; ok: false; message: string };

export const csvColumns = [
  'id',
  'kind',
  'category',
  'tags',
  'product_ids',
  'channels',
  'valid_from',
  'valid_until',
  'question_zh',
  'similar_zh',
  'answer_zh',
  'question_en',
  'similar_en',
  'answer_en',
] as const;

const jsonItemSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    kind: entryKindSchema.default('faq'),
    content: entryContentSchema,
  })
  .strict();

/**
 * Turns an uploaded file into rows, each either a valid entry or the reason it is not. A file that cannot
 * be read at all (bad JSON, unknown CSV columns) becomes a single error at row 0.
 */
export function parseImport(format: ImportFormat, text: string): ImportItem[] {
  switch (format) {
    case 'json':
      return parseJsonImport(text);
    case 'csv':
      return parseCsvImport(text);
    case 'markdown':
      return parseMarkdownImport(text);
  }
}

function parseJsonImport(text: string): ImportItem[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return [{ row: 0, ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : ''}` }];
  }
  const items = Array.isArray(document)
    ? document
    : typeof document === 'object' &&
        document !== null &&
        'entries' in document &&
        Array.isArray(document.entries)
      ? document.entries
      : null;
  if (!items) return [{ row: 0, ok: false, message: 'Expected an array of entries or { "entries": [...] }' }];
  return items.map((item: unknown, index: number) => validateItem(index + 1, item));
}

function parseCsvImport(text: string): ImportItem[] {
  const [header, ...records] = parseCsv(text);
  const columns = (header ?? []).map((column) => column.trim().toLowerCase());
  const unknown = columns.filter((column) => !(csvColumns as readonly string[]).includes(column));
  if (!header || unknown.length > 0 || !columns.includes('question_zh') || !columns.includes('question_en'))
    return [
      {
        row: 0,
        ok: false,
        message: `The header must use the columns ${csvColumns.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
      },
    ];
  return records.map((record, index) => {
    const value = (column: (typeof csvColumns)[number]): string =>
      record[columns.indexOf(column)]?.trim() ?? '';
    const list = (column: (typeof csvColumns)[number]): string[] =>
      value(column)
        .split('|')
        .map((part) => part.trim())
        .filter(Boolean);
    const localeOf = (suffix: 'zh' | 'en') =>
      value(`question_${suffix}`)
        ? {
            question: value(`question_${suffix}`),
            similarQuestions: list(`similar_${suffix}`),
            answer: value(`answer_${suffix}`),
          }
        : undefined;
    return validateItem(index + 1, {
      ...(value('id') && { id: value('id') }),
      ...(value('kind') && { kind: value('kind') }),
      content: {
        ...(value('category') && { category: value('category') }),
        tags: list('tags'),
        productIds: list('product_ids'),
        channels: list('channels'),
        validFrom: value('valid_from') || null,
        validUntil: value('valid_until') || null,
        locales: { 'zh-CN': localeOf('zh'), en: localeOf('en') },
      },
    });
  });
}

/**
 * Markdown: every `# heading` starts one language of an entry (the question or article title); `> key: value`
 * lines right under it carry id, ref, kind, locale, category, tags, similar, products, channels, valid_from and
 * valid_until; the rest is the answer or body. Sections sharing an id or ref form one entry.
 */
function parseMarkdownImport(text: string): ImportItem[] {
  const sections = text.split(/^(?=# )/m).filter((section) => section.startsWith('# '));
  if (sections.length === 0) return [{ row: 0, ok: false, message: 'No "# " heading found' }];
  const grouped = new Map<
    string,
    { row: number; meta: Record<string, string>; locales: Record<string, unknown> }
  >();
  const items: ImportItem[] = [];
  sections.forEach((section, index) => {
    const lines = section.split('\n');
    const title = (lines[0] ?? '').slice(2).trim();
    const meta: Record<string, string> = {};
    let bodyStart = 1;
    for (; bodyStart < lines.length; bodyStart++) {
      const match = lines[bodyStart]?.match(/^>\s*([a-z_]+)\s*:\s*(.*)$/);
      if (!match?.[1]) break;
      meta[match[1]] = (match[2] ?? '').trim();
    }
    const locale = meta.locale ?? (/\p{Script=Han}/u.test(title) ? 'zh-CN' : 'en');
    if (locale !== 'zh-CN' && locale !== 'en') {
      items.push({ row: index + 1, ok: false, message: `Unknown locale ${locale}` });
      return;
    }
    const key = meta.id ?? meta.ref ?? `#${index}`;
    const group = grouped.get(key) ?? { row: index + 1, meta: {}, locales: {} };
    Object.assign(group.meta, meta);
    group.locales[locale] = {
      question: title,
      similarQuestions: splitList(meta.similar),
      answer: lines.slice(bodyStart).join('\n').trim(),
    };
    grouped.set(key, group);
  });
  for (const { row, meta, locales } of grouped.values()) {
    items.push(
      validateItem(row, {
        ...(meta.id && { id: meta.id }),
        ...(meta.kind && { kind: meta.kind }),
        content: {
          ...(meta.category && { category: meta.category }),
          tags: splitList(meta.tags),
          productIds: splitList(meta.products),
          channels: splitList(meta.channels),
          validFrom: meta.valid_from || null,
          validUntil: meta.valid_until || null,
          locales,
        },
      }),
    );
  }
  return items.sort((left, right) => left.row - right.row);
}

function validateItem(row: number, raw: unknown): ImportItem {
  const parsed = jsonItemSchema.safeParse(raw);
  if (!parsed.success)
    return {
      row,
      ok: false,
      message: parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '/'}: ${issue.message}`)
        .join('; '),
    };
  return { row, ok: true, id: parsed.data.id ?? null, kind: parsed.data.kind, content: parsed.data.content };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
}
