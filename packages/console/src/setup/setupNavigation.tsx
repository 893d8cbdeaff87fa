// The set-up entry of the console's navigation: shown to admins until the checklist is complete; on the
// first screen of a session with an unfinished checklist the console opens it.
import { RocketOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useEffect } from 'react';
import { navigate } from '../common/router';
import type { ConsoleRoute } from '../common/router';
import { useSetupText } from './setupText';
import { useSetupChecklist } from './useSetupChecklist';

const openedKey = 'kefu.console.setupOpened';

export function useSetupMenuItems(route: ConsoleRoute) {
  const text = useSetupText();
  const { checklist } = useSetupChecklist();
  const unfinished = checklist !== null && !checklist.complete;
  useEffect(() => {
    if (!unfinished || sessionStorage.getItem(openedKey)) return;
    sessionStorage.setItem(openedKey, '1');
    if (route.screen === 'inbox' && route.conversationId === null) navigate({ screen: 'setup' });
  }, [unfinished, route]);
  if (!unfinished) return [];
  const remaining = checklist.steps.filter((step) => !step.done).length;
  return [
    {
      key: 'setup',
      icon: <RocketOutlined />,
      label: (
        <span>
          {text('navSetup')} <Badge count={remaining} size="small" color="#52c41a" />
        </span>
      ),
    },
  ];
}
