import { fileTypeFromBuffer } from 'file-type';
import { photoExtension, photoTypeOf } from './imageType';

/** Why a file was not kept; each has a sentence for agents in uploadRefusalText. */
export type FileRefusal =
  | 'executable'
  | 'web_content'
  | 'unrecognised'
  | 'name_mismatch'
  | 'too_large'
  | 'message_too_large'
  | 'too_many';

export type FileCheck =
  | { allowed: true; kind: 'photo' | 'file'; contentType: string; extension: string }
  | { allowed: false; reason: FileRefusal };

/** The files kept besides photos, by the type their bytes show (file-type's names), with their extension. */
const allowedTypes: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/rtf': 'rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/zip': 'zip',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/ogg; codecs=opus': 'opus',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/x-m4v': 'm4v',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/3gpp': '3gp',
};

/** Programs and what a browser or OS runs: refused whatever they are called. */
const executableTypes = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/java-vm',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/x-shockwave-flash',
  'application/vnd.ms-htmlhelp',
]);

const executableExtensions = new Set(
  'exe com bat cmd scr pif msi msp dll cpl jar apk app dmg sh ps1 psm1 vbs vbe js jse wsf wsh hta lnk reg'.split(
    ' ',
  ),
);

/** Word, Excel and PowerPoint before 2007 share one container format (CFB) with installers: kept by name. */
const legacyOfficeTypes: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const textTypes: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};

/**
 * What a file is, read from its own bytes (its signature), never from the type the sender declared: photos,
 * documents, spreadsheets, audio, video and zip archives are kept; programs, web pages (HTML, SVG, XML: they
 * could run script) and anything not recognised are refused. The name counts only where the bytes cannot
 * tell (plain text, CSV, old Office files), and an executable's name is refused whatever the bytes are.
 */
export async function checkFileType(bytes: Uint8Array, fileName: string): Promise<FileCheck> {
  const extension = extensionOf(fileName);
  if (executableExtensions.has(extension)) return { allowed: false, reason: 'executable' };
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return checkDetected(detected.mime, extension);
  return checkText(bytes, extension);
}

function checkDetected(mime: string, extension: string): FileCheck {
  const photo = photoTypeOf(mime);
  if (photo) return { allowed: true, kind: 'photo', contentType: photo, extension: photoExtension(photo) };
  if (executableTypes.has(mime)) return { allowed: false, reason: 'executable' };
  if (mime === 'application/xml') return { allowed: false, reason: 'web_content' };
  const allowedExtension = allowedTypes[mime];
  if (allowedExtension)
    return { allowed: true, kind: 'file', contentType: mime, extension: allowedExtension };
  const legacy = legacyOfficeTypes[extension];
  if (mime === 'application/x-cfb' && legacy)
    return { allowed: true, kind: 'file', contentType: legacy, extension };
  return { allowed: false, reason: 'unrecognised' };
}

/** UTF-8 text without control bytes and without markup a browser would render (HTML, SVG, XML). */
function checkText(bytes: Uint8Array, extension: string): FileCheck {
  const text = decodeUtf8(bytes);
  if (text === null || bytes.some(isBinaryControlByte)) return { allowed: false, reason: 'unrecognised' };
  if (looksLikeMarkup(text)) return { allowed: false, reason: 'web_content' };
  const contentType = textTypes[extension === '' ? 'txt' : extension];
  if (!contentType) return { allowed: false, reason: 'name_mismatch' };
  return { allowed: true, kind: 'file', contentType, extension: extension || 'txt' };
}

/** A control byte text files do not hold (tab, line breaks, form feed and escape are text). */
function isBinaryControlByte(byte: number): boolean {
  return byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The tags browsers sniff as HTML (WHATWG MIME sniffing), plus SVG and XML, anywhere near the start. */
function looksLikeMarkup(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<(!doctype|html|head|body|script|iframe|svg|\?xml|style|object|embed|img|a\s|div|table|meta|form|xml|!--)/.test(
    head,
  );
}

function extensionOf(fileName: string): string {
  const match = /\.([0-9a-z]{1,8})$/i.exec(fileName.trim());
  return match?.[1]?.toLowerCase() ?? '';
}
