import { photoExtension } from './imageType';
import type { UploadRow } from './repo';

/** Longest file name kept, in characters (the extension included). */
const maxNameLength = 120;

/**
 * The sender's file name made safe to store, show and offer as a download name: no folders, no control or
 * reserved characters (`\ / : * ? " < > |`), no leading dots, at most 120 characters, and ending in the
 * extension of the type the bytes showed, when given (a PDF called `invoice.xlsx` is offered as
 * `invoice.xlsx.pdf`).
 */
export function cleanFileName(declared: string | undefined, extension?: string): string {
  const base = (declared ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base.normalize('NFC')]
    .filter((character) => !isHiddenCharacter(character.codePointAt(0) ?? 0))
    .join('')
    .replace(/[:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const suffix = extension ? `.${extension}` : '';
  const stem = suffix && cleaned.toLowerCase().endsWith(suffix) ? cleaned.slice(0, -suffix.length) : cleaned;
  const shortStem = [...stem].slice(0, maxNameLength - suffix.length).join('');
  return `${shortStem || 'file'}${suffix}`;
}

/** A Content-Disposition value (RFC 6266): an ASCII fallback name and the exact name as RFC 5987 UTF-8. */
export function downloadDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The name an upload is offered under: the sender's (cleaned) name, or the photo's id and type. */
export function uploadFileName(row: Pick<UploadRow, 'id' | 'file_name' | 'content_type'>): string {
  return row.file_name ?? `${row.id}.${photoExtension(row.content_type)}`;
}

/** Control characters and the invisible ones that reorder or hide text (a `gpj.exe` shown as `exe.jpg`). */
function isHiddenCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
