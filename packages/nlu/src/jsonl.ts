export class InputError extends Error {}

export interface InputLine {
  lineNumber: number;
  record: Record<string, unknown>;
}

/**
 * Parses JSONL, naming the file and line of the first problem. With `allowPlainText`, a line
 * that does not start with "{" is taken as {"text": line} (handy for `classify` and `sentiment`).
 */
export function parseJsonLines(
  content: string,
  source: string,
  options: { allowPlainText?: boolean } = {},
): InputLine[] {
  const lines: InputLine[] = [];
  content.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    const lineNumber = index + 1;
    if (options.allowPlainText && !line.startsWith('{')) {
      lines.push({ lineNumber, record: { text: line } });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new InputError(`${source} line ${lineNumber}: malformed JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new InputError(`${source} line ${lineNumber}: expected a JSON object`);
    }
    lines.push({ lineNumber, record: Object.fromEntries(Object.entries(parsed)) });
  });
  if (lines.length === 0) throw new InputError(`${source}: no input lines`);
  return lines;
}

export function requireString(line: InputLine, field: string, source: string): string {
  const value = line.record[field];
  if (typeof value !== 'string')
    throw new InputError(`${source} line ${line.lineNumber}: missing string field "${field}"`);
  return value;
}

export function requireId(line: InputLine, source: string): string | number {
  const value = line.record.id;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new InputError(`${source} line ${line.lineNumber}: missing field "id"`);
  }
  return value;
}
