import { Button, Card, Typography } from 'antd';
import { useSession } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';
import { useAccessText } from './accessText';
import { TwoFactorSetup } from './TwoFactorSetup';

/** The role requires two-step verification and it is off: setting it up comes before anything else. */
export function RequiredTwoFactorPage() {
  const text = useAccessText();
  const { t } = useI18n();
  const { signOut } = useSession();
  return (
    <main className="login-page">
      <Card className="login-card" title={text('twoFactorTitle')}>
        <TwoFactorSetup onDone={() => undefined} />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Button type="link" onClick={() => void signOut()}>
            {t('signOut')}
          </Button>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
