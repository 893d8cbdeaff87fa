import { PlusOutlined } from '@ant-design/icons';
import type { Experiment, ExperimentScript } from '@kefu/sdk';
import { App as AntApp, Button, Card, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useFailureText } from '../common/failureText';
import { useI18n } from '../i18n/I18nContext';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentResultsPanel } from './ExperimentResultsPanel';
import {
  metricLabels,
  scriptLabel,
  statusLabels,
  useExperimentsApi,
  useExperimentsText,
} from './experimentsApi';

const statusColors = { draft: 'default', running: 'processing', stopped: 'success' } as const;

/** A/B tests of the bot's reply scripts: list, create, start, stop, read results, promote the winner. */
export function ExperimentsPage() {
  const text = useExperimentsText();
  const { t } = useI18n();
  const api = useExperimentsApi();
  const describeFailure = useFailureText();
  const { message: toast } = AntApp.useApp();
  const [experiments, setExperiments] = useState<Experiment[]>([]);
  const [scripts, setScripts] = useState<ExperimentScript[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [stopping, setStopping] = useState<Experiment | null>(null);
  const [winnerKey, setWinnerKey] = useState<string | undefined>(undefined);
  const [showing, setShowing] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    Promise.all([api.list(), api.listScripts()])
      .then(
        ([listed, scriptList]) => {
          setExperiments(listed);
          setScripts(scriptList);
        },
        (failure: unknown) => toast.error(describeFailure(failure)),
      )
      .finally(() => setLoading(false));
  }, [api, toast, describeFailure]);
  useEffect(load, [load]);

  const act = async (work: Promise<unknown>) => {
    try {
      await work;
      toast.success(t('saved'));
      load();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };
  const scriptOf = (experiment: Experiment) => scripts.find((script) => script.key === experiment.scriptKey);

  return (
    <div className="admin-page experiments-page">
      <Typography.Title level={3}>{text('exTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{text('exSubtitle')}</Typography.Paragraph>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {text('exCreate')}
          </Button>
        }
      >
        <Table<Experiment>
          rowKey="id"
          loading={loading}
          dataSource={experiments}
          pagination={false}
          locale={{ emptyText: text('exNone') }}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowKeys: showing ? [showing] : [],
            showExpandColumn: false,
            expandedRowRender: (experiment) => <ExperimentResultsPanel experiment={experiment} />,
          }}
          columns={[
            { title: text('exName'), dataIndex: 'name' },
            {
              title: text('exScript'),
              key: 'script',
              render: (_, experiment) => scriptLabel(text, scriptOf(experiment)),
            },
            {
              title: text('exMetric'),
              key: 'metric',
              render: (_, experiment) => text(metricLabels[experiment.metric]),
            },
            {
              title: text('exStatus'),
              key: 'status',
              render: (_, experiment) => (
                <Space size={4} wrap>
                  <Tag color={statusColors[experiment.status]}>{text(statusLabels[experiment.status])}</Tag>
                  {experiment.winnerKey && (
                    <Tag color="gold">
                      {text('exWinner', {
                        name:
                          experiment.variants.find((variant) => variant.key === experiment.winnerKey)?.name ??
                          '',
                      })}
                    </Tag>
                  )}
                  {experiment.promotedAt && <Tag color="green">{text('exPromoted')}</Tag>}
                </Space>
              ),
            },
            {
              title: text('exActions'),
              key: 'actions',
              render: (_, experiment) => (
                <Space wrap>
                  {experiment.status === 'draft' && (
                    <Button size="small" type="primary" onClick={() => void act(api.start(experiment.id))}>
                      {text('exStart')}
                    </Button>
                  )}
                  {experiment.status === 'running' && (
                    <Button
                      size="small"
                      danger
                      onClick={() => {
                        setWinnerKey(undefined);
                        setStopping(experiment);
                      }}
                    >
                      {text('exStop')}
                    </Button>
                  )}
                  {experiment.status === 'stopped' &&
                    !experiment.promotedAt &&
                    scriptOf(experiment)?.promotable === true &&
                    experiment.variants.some(
                      (variant) => variant.key === experiment.winnerKey && !variant.control,
                    ) && (
                      <Button size="small" onClick={() => void act(api.promote(experiment.id))}>
                        {text('exPromote')}
                      </Button>
                    )}
                  {experiment.status !== 'draft' && (
                    <Button
                      size="small"
                      onClick={() => setShowing(showing === experiment.id ? null : experiment.id)}
                    >
                      {text('exResults')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ExperimentForm
        open={creating}
        scripts={scripts}
        onCancel={() => setCreating(false)}
        onSubmit={async (input) => {
          try {
            await api.create(input);
            toast.success(text('exCreated'));
            setCreating(false);
            load();
          } catch (failure) {
            toast.error(describeFailure(failure));
          }
        }}
      />
      <Modal
        open={stopping !== null}
        title={text('exStopTitle')}
        okText={text('exStop')}
        cancelText={text('exCancel')}
        okButtonProps={{ danger: true }}
        onCancel={() => setStopping(null)}
        onOk={async () => {
          if (stopping) await act(api.stop(stopping.id, winnerKey));
          setStopping(null);
        }}
      >
        <Select<string>
          allowClear
          style={{ width: '100%' }}
          placeholder={text('exNoWinner')}
          value={winnerKey}
          onChange={(value) => setWinnerKey(value)}
          aria-label={text('exStopTitle')}
          options={(stopping?.variants ?? []).map((variant) => ({ value: variant.key, label: variant.name }))}
        />
      </Modal>
    </div>
  );
}
