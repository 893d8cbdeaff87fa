import { App as AntApp, Button } from 'antd';
import { useEffect } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { navigate } from '../common/router';
import { useI18n } from '../i18n/I18nContext';
import { canReadReports } from './insightFilter';
import { useInsightText } from './insightText';

/** Shows each spike alert the server pushes (to report readers) as a notification linking to the alerts. */
export function SpikeAlertListener() {
  const it = useInsightText();
  const { locale } = useI18n();
  const { client } = useSession();
  const agent = useSignedInAgent();
  const { notification } = AntApp.useApp();
  const allowed = canReadReports(agent.permissions);
  useEffect(() => {
    if (!allowed) return undefined;
    return client.on('event', (event) => {
      if (event.type !== 'analytics.spike_alert') return;
      const { alert } = event;
      notification.warning({
        key: alert.id,
        title: it('spikeNotificationTitle', {
          kind: it(alert.kind === 'surge' ? 'alertSurge' : 'alertNewTopic'),
          topic: alert.topicLabel[locale],
        }),
        description: it('spikeNotificationBody', { count: alert.count }),
        actions: (
          <Button
            size="small"
            type="link"
            onClick={() => navigate({ screen: 'insight', tab: 'alerts', conversationId: null })}
          >
            {it('viewAlerts')}
          </Button>
        ),
        placement: 'bottomRight',
        duration: 10,
      });
    });
  }, [allowed, client, it, locale, notification]);
  return null;
}
