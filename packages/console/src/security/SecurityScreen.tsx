import { KefuAccessApi, KefuChannelAccountsApi, KefuPrivacyApi, KefuTrustApi } from '@kefu/sdk';
import { ApiTokensTab } from '../access/ApiTokensTab';
import { useAccessText } from '../access/accessText';
import { AuditLogTab } from './AuditLogTab';
import { Card, Tabs } from 'antd';
import type { ReactElement } from 'react';
import { useMemo } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { navigate } from '../common/router';
import { ChannelAccountsTab } from './ChannelAccountsTab';
import { IntegrationsScreen } from '../integrations/IntegrationsScreen';
import { useIntegrationsText } from '../integrations/integrationsText';
import { RolesTab } from './RolesTab';
import type { SecurityTab } from './securityAccess';
import { securityTabsFor } from './securityAccess';
import { useSecurityText } from './securityText';
import { WidgetOriginsTab } from './WidgetOriginsTab';

/** The sites that embed the widget, channel accounts, roles and permissions, the audit log: each tab for the roles that may use it. */
export function SecurityScreen({ tab }: { tab: string }) {
  const text = useSecurityText();
  const integrationsText = useIntegrationsText();
  const { client } = useSession();
  const agent = useSignedInAgent();
  const api = useMemo(() => new KefuTrustApi(client), [client]);
  const privacy = useMemo(() => new KefuPrivacyApi(client), [client]);
  const channelsApi = useMemo(() => new KefuChannelAccountsApi(client), [client]);
  const accessApi = useMemo(() => new KefuAccessApi(client), [client]);
  const accessText = useAccessText();
  const tabs = securityTabsFor(agent.permissions);
  const active = tabs.find((candidate) => candidate === tab) ?? tabs[0] ?? 'widget';
  const panels: Record<SecurityTab, { label: string; children: ReactElement }> = {
    widget: { label: text('tabWidgetOrigins'), children: <WidgetOriginsTab api={api} /> },
    channels: { label: text('tabChannels'), children: <ChannelAccountsTab api={channelsApi} /> },
    integrations: { label: integrationsText('navIntegrations'), children: <IntegrationsScreen /> },
    roles: { label: text('tabRoles'), children: <RolesTab api={api} /> },
    tokens: { label: accessText('tabApiTokens'), children: <ApiTokensTab api={accessApi} /> },
    audit: { label: text('tabAudit'), children: <AuditLogTab api={privacy} /> },
  };
  return (
    <div className="admin-page">
      <Card title={text('securityTitle')}>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate({ screen: 'security', tab: key })}
          destroyOnHidden
          items={tabs.map((key) => ({ key, ...panels[key] }))}
        />
      </Card>
    </div>
  );
}
