import { KefuTrustApi } from '@kefu/sdk';
import { Card, Tabs } from 'antd';
import { useMemo } from 'react';
import { useSession } from '../auth/SessionContext';
import { navigate } from '../common/router';
import { useSecurityText } from './securityText';
import { WidgetOriginsTab } from './WidgetOriginsTab';

export type SecurityTab = 'widget';

export function toSecurityTab(_value: string | undefined): SecurityTab {
  return 'widget';
}

/** Admins: the sites that embed the widget. */
export function SecurityScreen({ tab }: { tab: string }) {
  const text = useSecurityText();
  const { client } = useSession();
  const api = useMemo(() => new KefuTrustApi(client), [client]);
  return (
    <div className="admin-page">
      <Card title={text('securityTitle')}>
        <Tabs
          activeKey={toSecurityTab(tab)}
          onChange={(key) => navigate({ screen: 'security', tab: toSecurityTab(key) })}
          destroyOnHidden
          items={[
            { key: 'widget', label: text('tabWidgetOrigins'), children: <WidgetOriginsTab api={api} /> },
          ]}
        />
      </Card>
    </div>
  );
}
