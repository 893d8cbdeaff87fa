import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { LoginPage } from './auth/LoginPage';
import { RequiredTwoFactorPage } from './access/RequiredTwoFactorPage';
import { SessionProvider, useSession } from './auth/SessionContext';
import { useRoute } from './common/router';
import type { ConsoleRoute } from './common/router';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { InboxProvider } from './inbox/InboxContext';
import { InboxPage } from './inbox/InboxPage';
import { canReadReports } from './insight/insightFilter';
import { AppShell } from './layout/AppShell';
import { canOpenSecurity } from './security/securityAccess';
import { ServiceProvider } from './service/ServiceContext';

// Admin screens are loaded on demand: an agent's first load carries only the inbox.
const AgentsPage = lazy(() =>
  import('./admin/AgentsPage').then((module) => ({ default: module.AgentsPage })),
);
const BotRulesPage = lazy(() =>
  import('./admin/BotRulesPage').then((module) => ({ default: module.BotRulesPage })),
);
const IntentTrainingPage = lazy(() =>
  import('./intents/IntentTrainingPage').then((module) => ({ default: module.IntentTrainingPage })),
);
const ExperimentsPage = lazy(() =>
  import('./experiments/ExperimentsPage').then((module) => ({ default: module.ExperimentsPage })),
);
const KnowledgePage = lazy(() =>
  import('./knowledge/KnowledgePage').then((module) => ({ default: module.KnowledgePage })),
);
const QueuePage = lazy(() =>
  import('./service/queue/QueuePage').then((module) => ({ default: module.QueuePage })),
);
const TicketsScreen = lazy(() =>
  import('./service/tickets/TicketsScreen').then((module) => ({ default: module.TicketsScreen })),
);
const ServiceSettingsScreen = lazy(() =>
  import('./service/admin/ServiceSettingsPage').then((module) => ({ default: module.ServiceSettingsScreen })),
);
const InsightScreen = lazy(() =>
  import('./insight/InsightPage').then((module) => ({ default: module.InsightScreen })),
);
const SecurityScreen = lazy(() =>
  import('./security/SecurityScreen').then((module) => ({ default: module.SecurityScreen })),
);
const MarketingScreen = lazy(() =>
  import('./marketing/MarketingScreen').then((module) => ({ default: module.MarketingScreen })),
);
const ReportsShell = lazy(() =>
  import('./layout/ReportsShell').then((module) => ({ default: module.ReportsShell })),
);
const SetupPage = lazy(() => import('./setup/SetupPage').then((module) => ({ default: module.SetupPage })));
const CannedResponsesPage = lazy(() =>
  import('./settings/CannedResponsesPage').then((module) => ({ default: module.CannedResponsesPage })),
);

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}

function LocalizedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 8, fontSize: 14 } }}
    >
      <AntApp className="ant-app-root">
        <SessionProvider>
          <SignedInGate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function SignedInGate() {
  const { agent } = useSession();
  const route = useRoute();
  if (!agent) return <LoginPage />;
  if (agent.mustEnrolTwoFactor) return <RequiredTwoFactorPage />;
  if (!agent.permissions.includes('conversations:read'))
    return (
      <ServiceProvider>
        <Suspense fallback={<Spin className="page-loading" />}>
          <ReportsShell />
        </Suspense>
      </ServiceProvider>
    );
  return (
    <InboxProvider key={agent.id}>
      <ServiceProvider>
        <AppShell route={route}>
          <Suspense fallback={<Spin className="page-loading" />}>
            <Screen route={route} />
          </Suspense>
        </AppShell>
      </ServiceProvider>
    </InboxProvider>
  );
}

/** The screen for the route; admin screens only for the roles the server lets use them. */
function Screen({ route }: { route: ConsoleRoute }) {
  const { agent } = useSession();
  const may = (permission: string) => agent?.permissions.includes(permission) === true;
  switch (route.screen) {
    case 'agents':
      return may('agents:manage') ? <AgentsPage /> : <InboxPage conversationId={null} />;
    case 'botRules':
      return may('bot:manage') ? <BotRulesPage /> : <InboxPage conversationId={null} />;
    case 'intents':
      return may('bot:manage') ? <IntentTrainingPage /> : <InboxPage conversationId={null} />;
    case 'experiments':
      return may('experiments:manage') ? <ExperimentsPage /> : <InboxPage conversationId={null} />;
    case 'canned':
      return <CannedResponsesPage />;
    case 'knowledge':
      return <KnowledgePage />;
    case 'queue':
      return <QueuePage />;
    case 'tickets':
      return <TicketsScreen ticketId={route.ticketId} overdue={route.overdue} />;
    case 'serviceSettings':
      return may('routing:manage') ? (
        <ServiceSettingsScreen tab={route.tab} />
      ) : (
        <InboxPage conversationId={null} />
      );
    case 'security':
      return canOpenSecurity(agent?.permissions ?? []) ? (
        <SecurityScreen tab={route.tab} />
      ) : (
        <InboxPage conversationId={null} />
      );
    case 'marketing':
      return may('marketing:manage') ? <MarketingScreen /> : <InboxPage conversationId={null} />;
    case 'insight':
      return agent && canReadReports(agent.permissions) ? (
        <InsightScreen tab={route.tab} conversationId={route.conversationId} />
      ) : (
        <InboxPage conversationId={null} />
      );
    case 'setup':
      return may('agents:manage') ? <SetupPage /> : <InboxPage conversationId={null} />;
    case 'inbox':
      return <InboxPage conversationId={route.conversationId} />;
  }
}
