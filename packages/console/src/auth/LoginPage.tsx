import { CustomerServiceOutlined, LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useI18n } from '../i18n/I18nContext';
import { TwoFactorSignInStep } from '../access/TwoFactorSignInStep';
import { useSession } from './SessionContext';

interface LoginFields {
  email: string;
  password: string;
  remember: boolean;
}

export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [failed, setFailed] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [askingCode, setAskingCode] = useState(false);

  const submit = async (fields: LoginFields) => {
    setSubmitting(true);
    setFailed(false);
    try {
      const result = await signIn(fields.email, fields.password, fields.remember);
      if (result === 'challenge') {
        setAskingCode(true);
        setSubmitting(false);
      }
    } catch {
      setFailed(true);
      setSubmitting(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <CustomerServiceOutlined aria-hidden className="login-logo" />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('signInTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signInSubtitle')}</Typography.Text>
        </div>
        {askingCode ? (
          <TwoFactorSignInStep onRestart={() => setAskingCode(false)} />
        ) : (
          <>
            {failed && <Alert type="error" showIcon title={t('signInFailed')} style={{ marginBottom: 16 }} />}
            <Form<LoginFields>
              layout="vertical"
              initialValues={{ remember: false }}
              onFinish={(fields) => void submit(fields)}
              requiredMark={false}
            >
              <Form.Item label={t('email')} name="email" rules={[{ required: true, message: t('required') }]}>
                <Input
                  prefix={<MailOutlined />}
                  autoComplete="username"
                  type="email"
                  autoFocus
                  size="large"
                />
              </Form.Item>
              <Form.Item
                label={t('password')}
                name="password"
                rules={[{ required: true, message: t('required') }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
              </Form.Item>
              <Form.Item name="remember" valuePropName="checked">
                <Checkbox>{t('rememberMe')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
                {t('signIn')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
