import type { FileRefusal } from './fileType';

/** Most files kept from one message; more are listed as not kept. */
export const maxFilesPerMessage = 20;

/** The size and count limits of the files of one message. */
export interface AttachmentLimits {
  fileMaxBytes: number;
  messageMaxBytes: number;
}

/** A file of a message that was not kept, and why. */
export interface RefusedFile {
  name: string;
  sizeBytes: number;
  reason: FileRefusal;
}

const reasons: Record<FileRefusal, { zh: string; en: string }> = {
  executable: { zh: '不接收程序或脚本文件', en: 'programs and scripts are not accepted' },
  web_content: { zh: '不接收网页或 SVG/XML 文件', en: 'web pages and SVG/XML files are not accepted' },
  unrecognised: { zh: '无法识别的文件类型', en: 'the file type is not recognised' },
  name_mismatch: { zh: '文件内容与文件名不符', en: 'the content does not match the file name' },
  too_large: { zh: '文件超过大小上限', en: 'the file is larger than the limit' },
  message_too_large: {
    zh: '本条消息的附件总大小超过上限',
    en: 'the files of this message exceed the total limit',
  },
  too_many: { zh: '本条消息的附件数量超过上限', en: 'this message has more files than can be kept' },
};

/**
 * One line per refused file for the message agents read, in Chinese and English (the shopper's language is
 * not known when the mail is stored): its name, its size and why it was not kept.
 */
export function describeRefusedFiles(refused: readonly RefusedFile[], limits: AttachmentLimits): string {
  return refused
    .map((file) => {
      const reason = reasons[file.reason];
      const limit = limitOf(file.reason, limits);
      const suffix = limit ? `（${limit}）` : '';
      const englishSuffix = limit ? ` (${limit})` : '';
      return `📎 ${file.name} (${formatSize(file.sizeBytes)}) — 未保存：${reason.zh}${suffix} / Not kept: ${reason.en}${englishSuffix}`;
    })
    .join('\n');
}

function limitOf(reason: FileRefusal, limits: AttachmentLimits): string | null {
  if (reason === 'too_large') return formatSize(limits.fileMaxBytes);
  if (reason === 'message_too_large') return formatSize(limits.messageMaxBytes);
  if (reason === 'too_many') return String(maxFilesPerMessage);
  return null;
}

/** `512 B`, `12 KB`, `3.4 MB`: how sizes are shown to agents. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
