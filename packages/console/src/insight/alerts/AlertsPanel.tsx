import type { SpikeAlert } from '@kefu/sdk';
import { Alert, App as AntApp, Button, Card, Empty, List, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/SessionContext';
import { navigate, routeToPath } from '../../common/router';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useInsightApi, useMay } from '../insightFilter';
import { useInsightText } from '../insightText';
import { useFailureText } from '../../common/failureText';

/** Spike alerts, newest first: what surged or appeared, against what was expected, with example conversations. */
export function AlertsPanel() {
  const it = useInsightText();
  const may = useMay();
  const { locale } = useI18n();
  const api = useInsightApi();
  const { client } = useSession();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [openOnly, setOpenOnly] = useState(false);
  const [alerts, setAlerts] = useState<SpikeAlert[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .listAlerts({ status: openOnly ? 'open' : 'all', locale })
      .then(setAlerts, (error: unknown) => setFailure(describeFailure(error)));
  }, [api, openOnly, locale, describeFailure]);
  useEffect(load, [load]);
  useEffect(
    () => client.on('event', (event) => event.type === 'analytics.spike_alert' && load()),
    [client, load],
  );

  const acknowledge = async (alertId: string) => {
    try {
      await api.acknowledgeAlert(alertId, locale);
      load();
    } catch (error) {
      toast.error(it('loadFailed', { reason: describeFailure(error) }));
    }
  };

  return (
    <Card
      size="small"
      title={it('alertsTitle')}
      extra={
        <Space>
          <span>{it('alertsOpenOnly')}</span>
          <Switch size="small" checked={openOnly} onChange={setOpenOnly} aria-label={it('alertsOpenOnly')} />
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={it('loadFailed', { reason: failure })} />}
      <List
        loading={alerts === null && !failure}
        dataSource={alerts ?? []}
        locale={{ emptyText: <Empty description={it('alertsEmpty')} /> }}
        renderItem={(alert) => (
          <List.Item
            key={alert.id}
            data-testid="spike-alert"
            actions={[
              alert.status !== 'open' ? (
                <Tag key="done">{it('acknowledged')}</Tag>
              ) : may('alerts:manage') ? (
                <Button key="ack" size="small" onClick={() => void acknowledge(alert.id)}>
                  {it('acknowledge')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color={alert.kind === 'surge' ? 'red' : 'purple'}>
                    {it(alert.kind === 'surge' ? 'alertSurge' : 'alertNewTopic')}
                  </Tag>
                  <span className="insight-alert-topic">{alert.topicLabel}</span>
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <span>
                    {alert.kind === 'surge'
                      ? it('alertCount', { count: alert.count, expected: alert.expected.toFixed(1) })
                      : it('alertNewCount', { count: alert.count })}
                    {' · '}
                    {it('alertWindow', {
                      start: formatClock(alert.windowStart, locale),
                      end: formatClock(alert.windowEnd, locale),
                    })}
                  </span>
                  <Typography.Text type="secondary">{it('alertExamples')}</Typography.Text>
                  {alert.examples.map((example) => (
                    <Typography.Link
                      key={example.conversationId}
                      href={routeToPath({ screen: 'inbox', conversationId: example.conversationId })}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate({ screen: 'inbox', conversationId: example.conversationId });
                      }}
                    >
                      “{example.excerpt}”
                    </Typography.Link>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
