// The human-service entries of the console's navigation: menu items by role and their routes.
import { ClockCircleOutlined, FileDoneOutlined, SettingOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import type { ConsoleRoute } from '../common/router';
import { useService } from './ServiceContext';
import { useServiceText } from './serviceText';

export function useServiceMenuItems() {
  const st = useServiceText();
  const { canManage, queue, alerts } = useService();
  return [
    {
      key: 'queue',
      icon: <ClockCircleOutlined />,
      label: (
        <span>
          {st('navQueue')} <Badge count={queue.total} size="small" color="#fa8c16" />
        </span>
      ),
    },
    {
      key: 'tickets',
      icon: <FileDoneOutlined />,
      label: (
        <span>
          {st('navTickets')} <Badge count={alerts.length} size="small" />
        </span>
      ),
    },
    ...(canManage
      ? [{ key: 'serviceSettings', icon: <SettingOutlined />, label: st('navServiceSettings') }]
      : []),
  ];
}

export function toServiceRoute(menuKey: string): ConsoleRoute | null {
  if (menuKey === 'queue') return { screen: 'queue' };
  if (menuKey === 'tickets') return { screen: 'tickets', ticketId: null, overdue: false };
  if (menuKey === 'serviceSettings') return { screen: 'serviceSettings', tab: 'sla' };
  return null;
}
