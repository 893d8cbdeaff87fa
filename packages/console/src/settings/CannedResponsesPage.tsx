import { DeleteOutlined, DownloadOutlined, ThunderboltOutlined, UploadOutlined } from '@ant-design/icons';
import type { CannedReplyInput } from '@kefu/sdk';
import { KefuServiceApi } from '@kefu/sdk';
import {
  App as AntApp,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useDictionary, useI18n } from '../i18n/I18nContext';
import { isSoundEnabled, setSoundEnabled } from '../inbox/notifications';
import { CannedReplyForm } from './CannedReplyForm';
import type { CannedResponse } from './cannedResponses';
import {
  announceCannedChange,
  findCannedResponses,
  useCannedApi,
  useCannedResponses,
} from './cannedResponses';
import { cannedEn, cannedZh } from './cannedText';
import { starterCannedRepliesFile, starterCannedReplyCount } from './starterCannedReplies';
import { useFailureText } from '../common/failureText';

/** Canned replies kept on the server (own and team), import/export, and the notification sound setting. */
export function CannedResponsesPage() {
  const text = useDictionary(cannedZh, cannedEn);
  const { locale } = useI18n();
  const { client } = useSession();
  const api = useCannedApi();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [responses] = useCannedResponses();
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [sound, setSound] = useState(isSoundEnabled);
  useEffect(() => {
    new KefuServiceApi(client).getDirectory().then(
      (directory) => setTeams(directory.teams),
      () => undefined,
    );
  }, [client]);

  const teamName = (teamId: string | null) => teams.find((team) => team.id === teamId)?.name ?? text('team');
  const categories = useMemo(
    () => [...new Set(responses.map((response) => response.category).filter(Boolean))],
    [responses],
  );
  const shown = (
    search.trim() ? findCannedResponses(responses, search.replace(/^\//, '')) : responses
  ).filter((response) => category === null || response.category === category);
  const attempt = async (action: () => Promise<unknown>, done: string = text('saved')) => {
    try {
      await action();
      announceCannedChange();
      toast.success(done);
    } catch (failure) {
      toast.error(text('failed', { message: describeFailure(failure) }));
    }
  };
  const download = async (format: 'csv' | 'json') => {
    const content = await api.exportFile(format);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(
      new Blob([content], { type: format === 'csv' ? 'text/csv' : 'application/json' }),
    );
    link.download = `canned-replies.${format}`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const importFile = async (file: File) => {
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    await importContent(format, await file.text());
  };
  const importContent = async (format: 'csv' | 'json', content: string) => {
    const report = await api.importFile({ format, content, scope: 'personal' });
    announceCannedChange();
    toast.info(
      text('imported', { created: report.created, skipped: report.skipped, errors: report.errors.length }),
    );
  };

  const addStarters = () => void attempt(() => importContent('json', starterCannedRepliesFile(locale)));

  return (
    <div className="admin-page">
      <Card title={text('title')}>
        <Typography.Paragraph type="secondary">{text('intro')}</Typography.Paragraph>
        <CannedReplyForm
          teams={teams}
          onSubmit={(input: CannedReplyInput) => attempt(() => api.create(input))}
        />
        <Space wrap className="canned-tools">
          <Input.Search
            allowClear
            placeholder={text('search')}
            aria-label={text('search')}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Select<string | null>
            style={{ width: 150 }}
            value={category}
            onChange={setCategory}
            options={[
              { value: null, label: text('all') },
              ...categories.map((value) => ({ value, label: value })),
            ]}
          />
          <Button icon={<DownloadOutlined />} onClick={() => void download('csv')}>
            {text('exportCsv')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('json')}>
            {text('exportJson')}
          </Button>
          <Upload
            accept=".csv,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              void attempt(() => importFile(file));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{text('importFile')}</Button>
          </Upload>
          <Button icon={<ThunderboltOutlined />} onClick={addStarters}>
            {text('addStarters', { count: starterCannedReplyCount })}
          </Button>
        </Space>
        <Table<CannedResponse>
          rowKey="id"
          dataSource={shown}
          pagination={false}
          locale={{
            emptyText: (
              <Empty description={text('empty')}>
                <Button type="primary" icon={<ThunderboltOutlined />} onClick={addStarters}>
                  {text('addStarters', { count: starterCannedReplyCount })}
                </Button>
              </Empty>
            ),
          }}
          columns={[
            {
              title: text('shortcut'),
              dataIndex: 'shortcut',
              width: 120,
              render: (shortcut: string) => <code>/{shortcut}</code>,
            },
            {
              title: text('scope'),
              width: 110,
              render: (_value, response) =>
                response.scope === 'team' ? (
                  <Tag color="blue">{teamName(response.teamId)}</Tag>
                ) : (
                  <Tag>{text('personal')}</Tag>
                ),
            },
            { title: text('category'), dataIndex: 'category', width: 110 },
            {
              title: text('text'),
              render: (_value, response) => (
                <Typography.Paragraph
                  style={{ marginBottom: 0 }}
                  editable={{
                    onChange: (value) => void attempt(() => api.update(response.id, { text: value })),
                  }}
                >
                  {response.text}
                </Typography.Paragraph>
              ),
            },
            {
              title: '',
              width: 60,
              render: (_value, response) => (
                <Popconfirm
                  title={text('removeConfirm', { shortcut: response.shortcut })}
                  onConfirm={() => attempt(() => api.remove(response.id))}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${text('remove')} /${response.shortcut}`}
                  />
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card>
        <Space>
          <Switch
            checked={sound}
            aria-label={text('sound')}
            onChange={(enabled) => {
              setSoundEnabled(enabled);
              setSound(enabled);
            }}
          />
          {text('sound')}
        </Space>
      </Card>
    </div>
  );
}
