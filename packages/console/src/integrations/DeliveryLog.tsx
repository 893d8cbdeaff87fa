import type { KefuWebhooksApi, Webhook, WebhookDelivery } from '@kefu/sdk';
import { App as AntApp, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import {
  describeIntegrationFailure,
  eventLabel,
  statusLabelKeys,
  useIntegrationsText,
} from './integrationsText';
import { useFailureText } from '../common/failureText';

const statusColors = { pending: 'blue', delivered: 'green', failed: 'red' } as const;

/** The latest deliveries of one webhook: when, which event, the answer, attempts, time taken; redeliver. */
export function DeliveryLog({
  api,
  webhook,
  onClose,
}: {
  api: KefuWebhooksApi;
  webhook: Webhook;
  onClose: () => void;
}) {
  const text = useIntegrationsText();
  const { locale } = useI18n();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[]>([]);
  const report = useCallback(
    (failure: unknown) => void toast.error(describeIntegrationFailure(text, failure, describeFailure)),
    [toast, text, describeFailure],
  );
  const reload = useCallback(
    () => api.deliveries(webhook.id).then(setDeliveries, report),
    [api, webhook.id, report],
  );
  useEffect(() => {
    void reload();
    // Pending deliveries change on their own (retries): look again while the log is open.
    const timer = window.setInterval(() => void reload(), 2_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const redeliver = async (delivery: WebhookDelivery) => {
    try {
      await api.redeliver(webhook.id, delivery.id);
      toast.success(text('deliveryRedelivered'));
      await reload();
    } catch (failure) {
      report(failure);
    }
  };
  const time = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN');

  return (
    <Drawer open width={960} title={`${text('webhookLog')} · ${webhook.name}`} onClose={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={() => void reload()}>{text('deliveryRefresh')}</Button>
        <Table<WebhookDelivery>
          className="webhook-deliveries"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={deliveries}
          locale={{ emptyText: text('deliveryNone') }}
          columns={[
            {
              title: text('deliveryTime'),
              render: (_, delivery) => time(delivery.lastAttemptAt ?? delivery.createdAt),
            },
            { title: text('deliveryEvent'), render: (_, delivery) => eventLabel(text, delivery.eventType) },
            {
              title: text('deliveryStatus'),
              render: (_, delivery) => (
                <Tag color={statusColors[delivery.status]}>{text(statusLabelKeys[delivery.status])}</Tag>
              ),
            },
            {
              title: text('deliveryCode'),
              render: (_, delivery) =>
                delivery.statusCode ?? (delivery.attempts > 0 ? text('deliveryNoAnswer') : ''),
            },
            { title: text('deliveryAttempts'), dataIndex: 'attempts' },
            {
              title: text('deliveryLatency'),
              render: (_, delivery) =>
                delivery.latencyMs === null ? '' : text('deliveryLatencyValue', { ms: delivery.latencyMs }),
            },
            {
              title: text('deliveryResponse'),
              render: (_, delivery) => (
                <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 220 }}>
                  {delivery.responseExcerpt ?? delivery.error ?? ''}
                </Typography.Text>
              ),
            },
            {
              title: '',
              render: (_, delivery) =>
                delivery.status === 'pending' ? null : (
                  <Button size="small" onClick={() => void redeliver(delivery)}>
                    {text('deliveryRedeliver')}
                  </Button>
                ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
