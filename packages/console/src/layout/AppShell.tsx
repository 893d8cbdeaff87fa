import {
  BookOutlined,
  CustomerServiceOutlined,
  LogoutOutlined,
  MessageOutlined,
  QuestionCircleOutlined,
  RobotOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { AgentPresence } from '@kefu/sdk';
import { Avatar, Badge, Button, Layout, Menu, Select, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { presenceColors, presenceLabelKeys, roleLabelKeys } from '../common/labels';
import { navigate } from '../common/router';
import type { ConsoleRoute } from '../common/router';
import { useI18n } from '../i18n/I18nContext';
import { useInbox } from '../inbox/InboxContext';
import { isTypingTarget } from '../inbox/useInboxShortcuts';
import { toInsightRoute, useInsightMenuItems } from '../insight/insightNavigation';
import { SpikeAlertListener } from '../insight/SpikeAlertListener';
import { SlaAlertBell } from '../service/SlaAlertBell';
import { toServiceRoute, useServiceMenuItems } from '../service/serviceNavigation';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalKey } from './useGlobalKey';

type MenuKey = 'inbox' | 'agents' | 'botRules' | 'canned' | 'knowledge';
const presences: AgentPresence[] = ['online', 'busy', 'away'];

/** The frame around every screen: navigation by role, presence, language, sign-out. */
export function AppShell({ route, children }: { route: ConsoleRoute; children: ReactNode }) {
  const { t } = useI18n();
  const agent = useSignedInAgent();
  const { presence, changePresence, signOut } = useSession();
  const { unread } = useInbox();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useGlobalKey((event) => {
    if (event.key === '?' && !isTypingTarget(event.target)) setShortcutsOpen(true);
  });
  const unreadConversations = [...unread.values()].filter((count) => count > 0).length;
  const isAdmin = agent.role === 'admin';
  const serviceMenuItems = useServiceMenuItems();
  const insightMenuItems = useInsightMenuItems();
  const menuItems = [
    {
      key: 'inbox',
      icon: <MessageOutlined />,
      label: (
        <span>
          {t('navInbox')} <Badge count={unreadConversations} size="small" />
        </span>
      ),
    },
    ...serviceMenuItems,
    ...insightMenuItems,
    ...(isAdmin
      ? [
          { key: 'agents', icon: <TeamOutlined />, label: t('navAgents') },
          { key: 'botRules', icon: <RobotOutlined />, label: t('navBotRules') },
        ]
      : []),
    { key: 'knowledge', icon: <BookOutlined />, label: t('navKnowledge') },
    { key: 'canned', icon: <ThunderboltOutlined />, label: t('navCanned') },
  ];
  const goTo = (key: string) => {
    const serviceRoute = toServiceRoute(key) ?? toInsightRoute(key);
    if (serviceRoute) return navigate(serviceRoute);
    const target: MenuKey =
      key === 'agents' || key === 'botRules' || key === 'canned' || key === 'knowledge' ? key : 'inbox';
    navigate(target === 'inbox' ? { screen: 'inbox', conversationId: null } : { screen: target });
  };

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <div className="shell-brand">
          <CustomerServiceOutlined aria-hidden />
          <span>{t('appName')}</span>
        </div>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[route.screen]}
          items={menuItems}
          onClick={({ key }) => goTo(key)}
          className="shell-menu"
        />
        <div className="shell-tools">
          <Select<AgentPresence>
            size="small"
            aria-label={t('presence')}
            value={presence}
            onChange={(value) => void changePresence(value)}
            style={{ width: 104 }}
            options={presences.map((value) => ({
              value,
              label: <Badge color={presenceColors[value]} text={t(presenceLabelKeys[value])} />,
            }))}
          />
          <SlaAlertBell />
          <LanguageSwitch />
          <Tooltip title={`${t('shortcutHelp')} (?)`}>
            <Button
              type="text"
              className="shell-icon-button"
              icon={<QuestionCircleOutlined />}
              aria-label={t('shortcutHelp')}
              onClick={() => setShortcutsOpen(true)}
            />
          </Tooltip>
          <span className="shell-agent">
            <Avatar size="small" style={{ background: '#1677ff' }}>
              {agent.displayName.slice(0, 1)}
            </Avatar>
            <span className="shell-agent-name">{agent.displayName}</span>
            <Tag bordered={false}>{t(roleLabelKeys[agent.role])}</Tag>
          </span>
          <Tooltip title={t('signOut')}>
            <Button
              type="text"
              className="shell-icon-button"
              icon={<LogoutOutlined />}
              aria-label={t('signOut')}
              onClick={() => void signOut()}
            />
          </Tooltip>
        </div>
      </Layout.Header>
      <Layout.Content className="shell-content">{children}</Layout.Content>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <SpikeAlertListener />
    </Layout>
  );
}
