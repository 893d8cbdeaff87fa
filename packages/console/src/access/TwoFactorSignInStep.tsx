import { SafetyOutlined } from '@ant-design/icons';
import { KefuApiError } from '@kefu/sdk';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useAccessText } from './accessText';

/** The second step of signing in: the code from the authenticator app, or a one-time recovery code. */
export function TwoFactorSignInStep({ onRestart }: { onRestart(): void }) {
  const text = useAccessText();
  const { completeSignIn } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ value }: { value: string }) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await completeSignIn(useRecovery ? { recoveryCode: value } : { code: value.trim() });
    } catch (error) {
      setProblem(describeFailure(error, text));
      setSubmitting(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4}>{text('twoFactorSignInTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{text('twoFactorSignInIntro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<{ value: string }>
        layout="vertical"
        onFinish={(fields) => void submit(fields)}
        requiredMark={false}
      >
        <Form.Item
          label={useRecovery ? text('twoFactorRecoveryCode') : text('twoFactorCode')}
          name="value"
          rules={[{ required: true, message: text('required') }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            maxLength={useRecovery ? 40 : 6}
            autoFocus
            size="large"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          {text('twoFactorVerify')}
        </Button>
      </Form>
      <Button type="link" onClick={() => setUseRecovery(!useRecovery)}>
        {useRecovery ? text('twoFactorUseCode') : text('twoFactorUseRecovery')}
      </Button>
      <Button type="link" onClick={onRestart}>
        {text('backToSignIn')}
      </Button>
    </div>
  );
}

function describeFailure(error: unknown, text: ReturnType<typeof useAccessText>): string {
  if (error instanceof KefuApiError && error.code === 'login_locked') return text('signInLocked');
  if (error instanceof KefuApiError && error.code === 'two_factor_challenge_invalid')
    return text('twoFactorChallengeExpired');
  return text('twoFactorSignInFailed');
}
