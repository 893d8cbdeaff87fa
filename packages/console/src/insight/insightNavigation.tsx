// The insight entry of the console's navigation: shown to the roles that may read reports.
import { LineChartOutlined } from '@ant-design/icons';
import { useSignedInAgent } from '../auth/SessionContext';
import type { ConsoleRoute } from '../common/router';
import { canReadReports } from './insightFilter';
import { useInsightText } from './insightText';

export function useInsightMenuItems() {
  const it = useInsightText();
  const agent = useSignedInAgent();
  return canReadReports(agent.permissions)
    ? [{ key: 'insight', icon: <LineChartOutlined />, label: it('navInsight') }]
    : [];
}

export function toInsightRoute(menuKey: string): ConsoleRoute | null {
  return menuKey === 'insight' ? { screen: 'insight', tab: 'dashboard', conversationId: null } : null;
}
