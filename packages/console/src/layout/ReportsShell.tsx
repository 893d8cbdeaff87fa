import { CustomerServiceOutlined } from '@ant-design/icons';
import { Card, Layout } from 'antd';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useI18n } from '../i18n/I18nContext';
import { CsatOverviewTab } from '../service/admin/CsatOverviewTab';
import { useServiceText } from '../service/serviceText';
import { ShellAccount } from './ShellAccount';

/** For roles that read reports but no conversations (analysts): the reports, and nothing to answer. */
export function ReportsShell() {
  const { t } = useI18n();
  const st = useServiceText();
  return (
    <Layout className="shell">
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
        <div className="admin-page">
          <Card title={st('tabCsat')}>
            <CsatOverviewTab />
          </Card>
        </div>
      </Layout.Content>
    </Layout>
  );
}
