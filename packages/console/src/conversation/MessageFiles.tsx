import {
  AudioOutlined,
  FileExcelOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FileZipOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { Attachment } from '@kefu/sdk';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';
import { downloadBlob } from '../security/downloadBlob';
import './messageExtras.css';

/**
 * Files a shopper sent besides photos (a PDF invoice, a spreadsheet, a short video), as download chips: the
 * type's icon, the file name and its size. Files kept by Kefu are fetched with the agent's token (the server
 * checks the agent may read the conversation) and saved, never opened in the console's page.
 */
export function MessageFiles({ attachments }: { attachments: readonly Attachment[] }) {
  const files = attachments.filter((attachment) => !attachment.contentType.startsWith('image/'));
  if (files.length === 0) return null;
  return (
    <div className="message-files">
      {files.map((file) =>
        file.uploadId ? (
          <FileChip key={file.url} file={file} />
        ) : (
          <PlatformFileChip key={file.url} file={file} />
        ),
      )}
    </div>
  );
}

function FileChip({ file }: { file: Attachment }) {
  const { client } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const download = () => {
    setState('loading');
    client.fetchFile(file.url).then(
      (blob) => {
        downloadBlob(blob, file.name);
        setState('idle');
      },
      () => setState('failed'),
    );
  };
  return (
    <span className="message-file">
      <Button
        className="message-file__chip"
        icon={fileIcon(file.contentType)}
        loading={state === 'loading'}
        onClick={download}
        title={t('downloadFile', { name: file.name })}
        aria-label={t('downloadFile', { name: file.name })}
      >
        <FileLabel file={file} />
      </Button>
      {state === 'failed' && <span className="message-photo-missing">{t('fileDownloadFailed')}</span>}
    </span>
  );
}

/** A file the shopper's platform keeps: a link to it there (a new tab, no referrer), when it is a web address. */
function PlatformFileChip({ file }: { file: Attachment }) {
  const { t } = useI18n();
  if (!/^https?:\/\//i.test(file.url)) return <span className="message-photo-missing">{file.name}</span>;
  return (
    <Button
      className="message-file__chip"
      icon={fileIcon(file.contentType)}
      href={file.url}
      target="_blank"
      rel="noopener noreferrer"
      title={t('downloadFile', { name: file.name })}
    >
      <FileLabel file={file} />
    </Button>
  );
}

function FileLabel({ file }: { file: Attachment }) {
  return (
    <>
      <span className="message-file__name">{file.name}</span>
      {file.sizeBytes !== undefined && (
        <span className="message-file__size">{formatSize(file.sizeBytes)}</span>
      )}
    </>
  );
}

const iconRules: [RegExp, ReactNode][] = [
  [/pdf/, <FilePdfOutlined key="pdf" />],
  [/spreadsheet|excel|csv|tab-separated/, <FileExcelOutlined key="sheet" />],
  [/presentation|powerpoint/, <FilePptOutlined key="slides" />],
  [/wordprocessing|msword|opendocument\.text|rtf/, <FileWordOutlined key="document" />],
  [/zip/, <FileZipOutlined key="zip" />],
  [/^text\//, <FileTextOutlined key="text" />],
  [/^audio\//, <AudioOutlined key="audio" />],
  [/^video\//, <VideoCameraOutlined key="video" />],
];

/** The icon of a file's type: PDF, spreadsheet, slides, document, archive, text, audio, video, or a plain file. */
export function fileIcon(contentType: string): ReactNode {
  return iconRules.find(([pattern]) => pattern.test(contentType))?.[1] ?? <FileOutlined />;
}

/** `512 B`, `12 KB`, `3.4 MB`, as the server lists files it did not keep. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
