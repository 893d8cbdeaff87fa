// A line diff between two versions' content, for the version history: each field becomes labelled lines,
// compared with a longest-common-subsequence table (versions are small, so O(n·m) is fine).
import type { KnowledgeContent } from '@kefu/sdk';

export interface DiffLine {
  change: 'same' | 'added' | 'removed';
  text: string;
}

export function diffContents(previous: KnowledgeContent | null, next: KnowledgeContent): DiffLine[] {
  return diffLines(previous ? describeContent(previous) : [], describeContent(next));
}

/** The content as `field: value` lines, one per list item and per answer line. */
export function describeContent(content: KnowledgeContent): string[] {
  const lines = [
    `category: ${content.category}`,
    ...content.tags.map((tag) => `tag: ${tag}`),
    ...content.productIds.map((productId) => `product: ${productId}`),
    ...content.channels.map((channel) => `channel: ${channel}`),
  ];
  if (content.validFrom) lines.push(`validFrom: ${content.validFrom}`);
  if (content.validUntil) lines.push(`validUntil: ${content.validUntil}`);
  for (const locale of ['zh-CN', 'en'] as const) {
    const localeContent = content.locales[locale];
    if (!localeContent) continue;
    lines.push(`[${locale}] question: ${localeContent.question}`);
    for (const similar of localeContent.similarQuestions) lines.push(`[${locale}] similar: ${similar}`);
    for (const answerLine of localeContent.answer.split('\n'))
      lines.push(`[${locale}] answer: ${answerLine}`);
    for (const link of localeContent.links) lines.push(`[${locale}] link: ${link.label} → ${link.url}`);
    for (const image of localeContent.images) lines.push(`[${locale}] image: ${image.url} ${image.alt}`);
    for (const reply of localeContent.quickReplies)
      lines.push(`[${locale}] button: ${reply.label} → ${reply.text}`);
  }
  return lines;
}

function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  // common[i][j] = length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  const at = (i: number, j: number) => common[i]?.[j] ?? 0;
  for (let i = before.length - 1; i >= 0; i -= 1)
    for (let j = after.length - 1; j >= 0; j -= 1) {
      const row = common[i];
      if (row) row[j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const removed = before[i];
    const added = after[j];
    if (removed !== undefined && added !== undefined && removed === added) {
      lines.push({ change: 'same', text: removed });
      i += 1;
      j += 1;
    } else if (added !== undefined && (removed === undefined || at(i, j + 1) >= at(i + 1, j))) {
      lines.push({ change: 'added', text: added });
      j += 1;
    } else if (removed !== undefined) {
      lines.push({ change: 'removed', text: removed });
      i += 1;
    }
  }
  return lines;
}
