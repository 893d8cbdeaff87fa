import { Tabs } from 'antd';
import { navigate } from '../common/router';
import { AlertsPanel } from './alerts/AlertsPanel';
import { DashboardPanel } from './dashboard/DashboardPanel';
import './insight.css';
import { useInsightText } from './insightText';
import { QualityPanel } from './quality/QualityPanel';

type InsightTab = 'dashboard' | 'alerts' | 'quality';

/** Reports, spike alerts and quality inspection at `/insight/:tab` (and `/insight/quality/:conversationId`). */
export function InsightScreen({ tab, conversationId }: { tab: string; conversationId: string | null }) {
  const it = useInsightText();
  const active = toTab(tab);
  return (
    <div className="admin-page insight-page">
      <Tabs
        activeKey={active}
        onChange={(key) => navigate({ screen: 'insight', tab: toTab(key), conversationId: null })}
        items={[
          {
            key: 'dashboard',
            label: it('tabDashboard'),
            children: active === 'dashboard' && <DashboardPanel />,
          },
          { key: 'alerts', label: it('tabAlerts'), children: active === 'alerts' && <AlertsPanel /> },
          {
            key: 'quality',
            label: it('tabQuality'),
            children: active === 'quality' && <QualityPanel conversationId={conversationId} />,
          },
        ]}
      />
    </div>
  );
}

function toTab(value: string): InsightTab {
  return value === 'alerts' || value === 'quality' ? value : 'dashboard';
}
