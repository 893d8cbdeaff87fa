import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { KnowledgeFileFormat, KnowledgeImportJob } from '@kefu/sdk';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  Progress,
  Row,
  Segmented,
  Space,
  Table,
} from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { useKnowledgeApi } from './useKnowledgeApi';
import { useFailureText } from '../common/failureText';

const formats: { value: KnowledgeFileFormat; label: string; extension: string; mime: string }[] = [
  { value: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv' },
  { value: 'json', label: 'JSON', extension: 'json', mime: 'application/json' },
  { value: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
];

/** Import a file as a job (progress bar, per-row error report) and export in a format the importer reads. */
export function ImportExportPanel({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const api = useKnowledgeApi();
  const { message: toast } = AntApp.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<KnowledgeFileFormat>('csv');
  const [content, setContent] = useState('');
  const [submitForReview, setSubmitForReview] = useState(false);
  const [job, setJob] = useState<KnowledgeImportJob | null>(null);
  const [running, setRunning] = useState(false);
  const [exportFormat, setExportFormat] = useState<KnowledgeFileFormat>('csv');
  const [exportScope, setExportScope] = useState<'published' | 'all'>('published');

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setContent(await file.text());
    const byExtension = formats.find((candidate) =>
      file.name.toLowerCase().endsWith(`.${candidate.extension}`),
    );
    if (byExtension) setFormat(byExtension.value);
  };

  const startImport = async () => {
    setRunning(true);
    try {
      const started = await api.startImport({ format, content, submitForReview });
      setJob(started);
      const finished = await api.waitForImport(started.id, setJob);
      if (finished.importedCount > 0) onImported();
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setRunning(false);
    }
  };

  const download = async () => {
    try {
      const text = await api.exportEntries({ format: exportFormat, status: exportScope });
      const chosen = formats.find((candidate) => candidate.value === exportFormat);
      const url = URL.createObjectURL(new Blob([text], { type: chosen?.mime ?? 'text/plain' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `knowledge.${chosen?.extension ?? 'txt'}`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  const finished = job?.status === 'completed' || job?.status === 'failed';
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title={t('kbImportTitle')} className="kb-card">
          <p className="kb-intro">{t('kbImportIntro')}</p>
          <Space wrap className="kb-import-options">
            <Segmented<KnowledgeFileFormat>
              aria-label={t('kbImportFormat')}
              value={format}
              onChange={setFormat}
              options={formats.map(({ value, label }) => ({ value, label }))}
            />
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".csv,.json,.md,.markdown,text/*"
              onChange={(event) => void chooseFile(event.target.files?.[0])}
            />
            <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
              {t('kbImportChooseFile')}
            </Button>
            <Checkbox
              checked={submitForReview}
              onChange={(event) => setSubmitForReview(event.target.checked)}
            >
              {t('kbImportSubmitForReview')}
            </Checkbox>
          </Space>
          <Input.TextArea
            aria-label={t('kbImportContent')}
            placeholder={t('kbImportPlaceholder')}
            className="kb-import-text"
            value={content}
            onChange={(event) => setContent(event.target.value)}
            autoSize={{ minRows: 6, maxRows: 14 }}
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={running}
            disabled={!content.trim()}
            onClick={() => void startImport()}
            className="kb-import-start"
          >
            {t('kbImportStart')}
          </Button>
          {job && (
            <div className="kb-import-job" data-testid="import-job">
              <Progress
                percent={Math.round(job.progress * 100)}
                status={
                  job.status === 'failed'
                    ? 'exception'
                    : finished && job.failedCount > 0
                      ? 'normal'
                      : undefined
                }
                aria-label={t('kbImportRunning', { processed: job.processedRows, total: job.totalRows })}
              />
              {finished ? (
                <Alert
                  showIcon
                  type={job.status === 'failed' ? 'error' : job.failedCount > 0 ? 'warning' : 'success'}
                  title={
                    job.status === 'failed'
                      ? t('kbImportFailed')
                      : t('kbImportDone', { imported: job.importedCount, failed: job.failedCount })
                  }
                />
              ) : (
                <span className="kb-muted">
                  {t('kbImportRunning', { processed: job.processedRows, total: job.totalRows })}
                </span>
              )}
              {job.errors.length > 0 && (
                <Table
                  className="kb-import-errors"
                  aria-label={t('kbImportErrors')}
                  title={() => <b>{t('kbImportErrors')}</b>}
                  size="small"
                  rowKey={(error) => `${error.row}:${error.message}`}
                  dataSource={job.errors}
                  pagination={false}
                  columns={[
                    { title: t('kbImportRow'), dataIndex: 'row', width: 80 },
                    { title: t('kbImportMessage'), dataIndex: 'message' },
                  ]}
                />
              )}
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('kbExportTitle')} className="kb-card">
          <p className="kb-intro">{t('kbExportIntro')}</p>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Segmented<KnowledgeFileFormat>
              aria-label={t('kbImportFormat')}
              value={exportFormat}
              onChange={setExportFormat}
              options={formats.map(({ value, label }) => ({ value, label }))}
            />
            <Segmented<'published' | 'all'>
              aria-label={t('kbExportScope')}
              value={exportScope}
              onChange={setExportScope}
              options={[
                { value: 'published', label: t('kbExportPublished') },
                { value: 'all', label: t('kbExportAll') },
              ]}
            />
            <Button icon={<DownloadOutlined />} onClick={() => void download()}>
              {t('kbExportDownload')}
            </Button>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
