import { PlusOutlined } from '@ant-design/icons';
import type { Webhook, WebhookInput } from '@kefu/sdk';
import { KefuWebhooksApi } from '@kefu/sdk';
import { Alert, App as AntApp, Button, Modal, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { DeliveryLog } from './DeliveryLog';
import { describeIntegrationFailure, eventLabelKeys, useIntegrationsText } from './integrationsText';
import { WebhookForm } from './WebhookForm';
import { useFailureText } from '../common/failureText';

/** Outbound webhooks for a CRM or ERP (a tab of 安全与隐私): create (secret shown once), test, enable or disable, delivery log. */
export function IntegrationsScreen() {
  const text = useIntegrationsText();
  const { client } = useSession();
  const api = useMemo(() => new KefuWebhooksApi(client), [client]);
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const report = useCallback(
    (failure: unknown) => void toast.error(describeIntegrationFailure(text, failure, describeFailure)),
    [toast, text, describeFailure],
  );
  const reload = useCallback(() => api.list().then(setWebhooks, report), [api, report]);
  useEffect(() => void reload(), [reload]);
  const run = (action: () => Promise<unknown>, done?: string) => async () => {
    try {
      await action();
      if (done) toast.success(done);
      await reload();
    } catch (failure) {
      report(failure);
    }
  };
  const create = async (input: WebhookInput) => {
    try {
      const created = await api.create(input);
      setCreating(false);
      setSecret(created.secret);
      await reload();
    } catch (failure) {
      report(failure);
    }
  };
  if (!webhooks) return <Spin />;

  return (
    <>
      <Typography.Title level={5}>{text('integrationsTitle')}</Typography.Title>
      <Space direction="vertical" size="large" className="integrations-screen" style={{ width: '100%' }}>
        <Typography.Paragraph>{text('integrationsIntro')}</Typography.Paragraph>
        {webhooks
          .filter((webhook) => webhook.pausedAt !== null)
          .map((webhook) => (
            <Alert
              key={webhook.id}
              type="warning"
              showIcon
              message={text('webhookPausedNotice', { name: webhook.name, count: webhook.failedInARow })}
            />
          ))}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {text('webhookAdd')}
        </Button>
        <Table<Webhook>
          className="webhooks-table"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={webhooks}
          locale={{ emptyText: text('webhookNone') }}
          columns={[
            { title: text('webhookName'), dataIndex: 'name' },
            {
              title: text('webhookUrl'),
              render: (_, webhook) => <Typography.Text code>{webhook.url}</Typography.Text>,
            },
            {
              title: text('webhookEvents'),
              render: (_, webhook) => (
                <Space wrap size={[0, 4]}>
                  {webhook.events.map((type) => (
                    <Tag key={type}>{text(eventLabelKeys[type])}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: text('webhookState'), render: (_, webhook) => <StateTag webhook={webhook} /> },
            {
              title: '',
              render: (_, webhook) => (
                <Space wrap>
                  <Button size="small" onClick={run(() => api.sendTest(webhook.id), text('webhookTestSent'))}>
                    {text('webhookSendTest')}
                  </Button>
                  <Button size="small" onClick={() => setLogOf(webhook)}>
                    {text('webhookLog')}
                  </Button>
                  <Button
                    size="small"
                    danger={webhook.enabled && webhook.pausedAt === null}
                    onClick={run(() =>
                      api.update(webhook.id, { enabled: !(webhook.enabled && webhook.pausedAt === null) }),
                    )}
                  >
                    {webhook.enabled && webhook.pausedAt === null
                      ? text('webhookDisable')
                      : text('webhookEnable')}
                  </Button>
                  <Popconfirm
                    title={text('webhookDeleteConfirm', { name: webhook.name })}
                    okText={text('webhookDelete')}
                    cancelText={text('cancel')}
                    onConfirm={run(() => api.remove(webhook.id))}
                  >
                    <Button size="small" danger>
                      {text('webhookDelete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {creating && <WebhookForm onSubmit={create} onClose={() => setCreating(false)} />}
      {secret && (
        <Modal
          open
          title={text('webhookSecretTitle')}
          closable={false}
          maskClosable={false}
          footer={
            <Button type="primary" onClick={() => setSecret(null)}>
              {text('webhookSecretDone')}
            </Button>
          }
        >
          <Typography.Paragraph>{text('webhookSecretIntro')}</Typography.Paragraph>
          <Typography.Text className="webhook-secret" code copyable>
            {secret}
          </Typography.Text>
        </Modal>
      )}
      {logOf && <DeliveryLog api={api} webhook={logOf} onClose={() => setLogOf(null)} />}
    </>
  );
}

function StateTag({ webhook }: { webhook: Webhook }) {
  const text = useIntegrationsText();
  if (webhook.pausedAt !== null) return <Tag color="orange">{text('webhookPaused')}</Tag>;
  return webhook.enabled ? (
    <Tag color="green">{text('webhookEnabled')}</Tag>
  ) : (
    <Tag>{text('webhookDisabled')}</Tag>
  );
}
