import type { IntentModelVersion } from '@kefu/sdk';
import { App as AntApp, Button, Card, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { percent, useIntentsApi, useIntentsText } from './intentsApi';
import { useFailureText } from '../common/failureText';

const pollMs = 1500;

/** Retrain with a progress bar, held-out accuracy before and after, promote and roll back. */
export function ModelPanel() {
  const text = useIntentsText();
  const describeFailure = useFailureText();
  const api = useIntentsApi();
  const { message: toast } = AntApp.useApp();
  const [models, setModels] = useState<IntentModelVersion[]>([]);
  const [activeModelId, setActiveModelId] = useState<string | null>(null);

  const load = useCallback(() => {
    api.listModels().then(
      (listed) => {
        setModels(listed.models);
        setActiveModelId(listed.activeModelId);
      },
      (failure: unknown) => toast.error(describeFailure(failure)),
    );
  }, [api, toast, describeFailure]);
  useEffect(load, [load]);
  const training = models.find((model) => model.status === 'training');
  useEffect(() => {
    if (!training) return;
    const timer = setInterval(load, pollMs);
    return () => clearInterval(timer);
  }, [training, load]);

  const act = (work: Promise<unknown>, done: string) =>
    work.then(
      () => {
        toast.success(done);
        load();
      },
      (failure: unknown) => toast.error(describeFailure(failure)),
    );
  const latest = models.find((model) => model.status !== 'training');
  const statusText = {
    training: text('itStatusTraining'),
    ready: text('itStatusReady'),
    failed: text('itStatusFailed'),
  };

  return (
    <Card
      title={text('itModel')}
      extra={
        <Space wrap>
          <Button
            type="primary"
            disabled={Boolean(training)}
            onClick={() => void act(api.startTraining(), text('itTraining'))}
          >
            {text('itRetrain')}
          </Button>
          <Button
            disabled={activeModelId === null}
            onClick={() => void act(api.rollBack(), text('itRolledBack'))}
          >
            {text('itRollBack')}
          </Button>
        </Space>
      }
    >
      {training && (
        <div className="intent-training-progress">
          <Typography.Text>{text('itTraining')}</Typography.Text>
          <Progress percent={training.progress} aria-label={text('itTraining')} />
        </div>
      )}
      {latest?.status === 'ready' && (
        <Space size="large" wrap className="intent-training-accuracy">
          <Statistic title={text('itAccuracyBefore')} value={percent(latest.accuracyBefore)} />
          <Statistic title={text('itAccuracyAfter')} value={percent(latest.accuracyAfter)} />
          <Typography.Text type="secondary">
            {text('itHeldout', { count: latest.heldoutSize ?? 0 })}
          </Typography.Text>
          {!latest.active && (
            <Button type="primary" onClick={() => void act(api.promote(latest.id), text('itPromoted'))}>
              {text('itPromote')}
            </Button>
          )}
        </Space>
      )}
      {activeModelId === null && (
        <Typography.Paragraph type="secondary">{text('itShippedInUse')}</Typography.Paragraph>
      )}
      <Table<IntentModelVersion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={models}
        columns={[
          { title: text('itVersion'), dataIndex: 'version', width: 80 },
          {
            title: text('itStatus'),
            render: (_value, model) => (
              <Space>
                {statusText[model.status]}
                {model.active && <Tag color="green">{text('itInUse')}</Tag>}
              </Space>
            ),
          },
          { title: text('itAccuracyBefore'), render: (_value, model) => percent(model.accuracyBefore) },
          { title: text('itAccuracyAfter'), render: (_value, model) => percent(model.accuracyAfter) },
          {
            render: (_value, model) =>
              model.status === 'ready' && !model.active ? (
                <Button size="small" onClick={() => void act(api.promote(model.id), text('itPromoted'))}>
                  {text('itPromote')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
