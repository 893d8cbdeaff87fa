import {
  BookOutlined,
  ExperimentOutlined,
  BulbOutlined,
  CustomerServiceOutlined,
  GiftOutlined,
  MessageOutlined,
  QuestionCircleOutlined,
  RobotOutlined,
  SafetyOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { AgentPresence } from '@kefu/sdk';
import { Badge, Button, Layout, Menu, Select, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { presenceColors, presenceLabelKeys } from '../common/labels';
import { navigate } from '../common/router';
import type { ConsoleRoute } from '../common/router';
import { useDictionary, useI18n } from '../i18n/I18nContext';
import { intentsEn } from '../i18n/intentsEn';
import { intentsZhCN } from '../i18n/intentsZhCN';
import { experimentsEn } from '../i18n/experimentsEn';
import { experimentsZhCN } from '../i18n/experimentsZhCN';
import { useInbox } from '../inbox/InboxContext';
import { isTypingTarget } from '../inbox/useInboxShortcuts';
import { toInsightRoute, useInsightMenuItems } from '../insight/insightNavigation';
import { SpikeAlertListener } from '../insight/SpikeAlertListener';
import { canOpenSecurity } from '../security/securityAccess';
import { useSecurityText } from '../security/securityText';
import { useMarketingText } from '../marketing/marketingText';
import { SlaAlertBell } from '../service/SlaAlertBell';
import { useSetupMenuItems } from '../setup/setupNavigation';
import { toServiceRoute, useServiceMenuItems } from '../service/serviceNavigation';
import { CompactNavigation } from './CompactNavigation';
import { ShellAccount } from './ShellAccount';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalKey } from './useGlobalKey';

type MenuKey =
  | 'inbox'
  | 'agents'
  | 'botRules'
  | 'intents'
  | 'experiments'
  | 'canned'
  | 'knowledge'
  | 'security'
  | 'marketing';
const screenKeys: readonly MenuKey[] = [
  'agents',
  'botRules',
  'intents',
  'canned',
  'knowledge',
  'security',
  'marketing',
  'experiments',
];
const presences: AgentPresence[] = ['online', 'busy', 'away'];

/** The frame around every screen: navigation by role, presence, language, sign-out. */
export function AppShell({ route, children }: { route: ConsoleRoute; children: ReactNode }) {
  const { t } = useI18n();
  const securityText = useSecurityText();
  const marketingText = useMarketingText();
  const intentsText = useDictionary(intentsZhCN, intentsEn);
  const experimentsText = useDictionary(experimentsZhCN, experimentsEn);
  const agent = useSignedInAgent();
  const { presence, changePresence } = useSession();
  const { unread } = useInbox();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useGlobalKey((event) => {
    if (event.key === '?' && !isTypingTarget(event.target)) setShortcutsOpen(true);
  });
  const unreadConversations = [...unread.values()].filter((count) => count > 0).length;
  const may = (permission: string) => agent.permissions.includes(permission);
  const serviceMenuItems = useServiceMenuItems();
  const insightMenuItems = useInsightMenuItems();
  const setupMenuItems = useSetupMenuItems(route);
  const menuItems = [
    ...setupMenuItems,
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
    ...(may('agents:manage') ? [{ key: 'agents', icon: <TeamOutlined />, label: t('navAgents') }] : []),
    ...(may('bot:manage')
      ? [
          { key: 'botRules', icon: <RobotOutlined />, label: t('navBotRules') },
          { key: 'intents', icon: <BulbOutlined />, label: intentsText('navIntents') },
        ]
      : []),
    ...(may('marketing:manage')
      ? [{ key: 'marketing', icon: <GiftOutlined />, label: marketingText('navMarketing') }]
      : []),
    ...(may('experiments:manage')
      ? [{ key: 'experiments', icon: <ExperimentOutlined />, label: experimentsText('navExperiments') }]
      : []),
    ...(canOpenSecurity(agent.permissions)
      ? [{ key: 'security', icon: <SafetyOutlined />, label: securityText('navSecurity') }]
      : []),
    { key: 'knowledge', icon: <BookOutlined />, label: t('navKnowledge') },
    { key: 'canned', icon: <ThunderboltOutlined />, label: t('navCanned') },
  ];
  const goTo = (key: string) => {
    const serviceRoute = toServiceRoute(key) ?? toInsightRoute(key);
    if (serviceRoute) return navigate(serviceRoute);
    if (key === 'setup') return navigate({ screen: 'setup' });
    const target: MenuKey = screenKeys.find((screen) => screen === key) ?? 'inbox';
    if (target === 'inbox') return navigate({ screen: 'inbox', conversationId: null });
    if (target === 'security') return navigate({ screen: 'security', tab: 'widget' });
    navigate({ screen: target });
  };

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <div className="shell-brand">
          <CustomerServiceOutlined aria-hidden />
          <span>{t('appName')}</span>
        </div>
        <CompactNavigation items={menuItems} selectedKey={route.screen} onSelect={goTo} />
        <div className="shell-tools">
          {may('conversations:reply') && (
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
          )}
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
          <ShellAccount />
        </div>
      </Layout.Header>
      {/* A row of its own: every screen the role may open stays in sight, however many there are. */}
      <nav className="shell-nav">
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[route.screen]}
          items={menuItems}
          onClick={({ key }) => goTo(key)}
          className="shell-menu"
        />
      </nav>
      <Layout.Content className="shell-content">{children}</Layout.Content>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <SpikeAlertListener />
    </Layout>
  );
}
