import { CustomerServiceOutlined } from '@ant-design/icons';
import { Layout } from 'antd';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useRoute } from '../common/router';
import { useI18n } from '../i18n/I18nContext';
import { InsightScreen } from '../insight/InsightPage';
import { SpikeAlertListener } from '../insight/SpikeAlertListener';
import { ShellAccount } from './ShellAccount';

/** For roles that read reports but no conversations (analysts): the insight screens, and nothing to answer. */
export function ReportsShell() {
  const { t } = useI18n();
  const route = useRoute();
  const insight = route.screen === 'insight' ? route : { tab: 'dashboard', conversationId: null };
  return (
    <Layout className="shell shell--reports">
      <Layout.Header className="shell-header">
        <div className="shell-brand">
          <CustomerServiceOutlined aria-hidden />
          <span>{t('appName')}</span>
        </div>
        <div className="shell-tools">
          <LanguageSwitch />
          <ShellAccount />
        </div>
      </Layout.Header>
      <Layout.Content className="shell-content">
        <InsightScreen tab={insight.tab} conversationId={insight.conversationId} />
      </Layout.Content>
      <SpikeAlertListener />
    </Layout>
  );
}
