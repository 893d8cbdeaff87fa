import { Card, Tabs } from 'antd';
import { navigate } from '../../common/router';
import { useServiceText } from '../serviceText';
import { CsatOverviewTab } from './CsatOverviewTab';
import { HandoffSettingsTab } from './HandoffSettingsTab';
import { RoutingSettingsTab } from './RoutingSettingsTab';
import { SlaPoliciesTab } from './SlaPoliciesTab';
import { TeamsTab } from './TeamsTab';

export type ServiceSettingsTab = 'sla' | 'teams' | 'routing' | 'handoff' | 'csat';

/** Supervisors and admins: SLA policies, teams and skills, routing, handoff triggers, satisfaction. */
export function ServiceSettingsPage({
  tab,
  onTabChange,
}: {
  tab: ServiceSettingsTab;
  onTabChange(tab: ServiceSettingsTab): void;
}) {
  const st = useServiceText();
  return (
    <div className="admin-page service-page">
      <Card title={st('settingsTitle')} className="service-settings">
        <Tabs
          activeKey={tab}
          onChange={(key) => onTabChange(toTab(key))}
          destroyOnHidden
          items={[
            { key: 'sla', label: st('tabSla'), children: <SlaPoliciesTab /> },
            { key: 'teams', label: st('tabTeams'), children: <TeamsTab /> },
            { key: 'routing', label: st('tabRouting'), children: <RoutingSettingsTab /> },
            { key: 'handoff', label: st('tabHandoff'), children: <HandoffSettingsTab /> },
            { key: 'csat', label: st('tabCsat'), children: <CsatOverviewTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

export function toTab(value: string | undefined): ServiceSettingsTab {
  return value === 'teams' || value === 'routing' || value === 'handoff' || value === 'csat' ? value : 'sla';
}

/** The settings page at `/admin/service/:tab`. */
export function ServiceSettingsScreen({ tab }: { tab: string }) {
  return (
    <ServiceSettingsPage
      tab={toTab(tab)}
      onTabChange={(next) => navigate({ screen: 'serviceSettings', tab: next })}
    />
  );
}
