import type { TwoFactorEnrolment, TwoFactorStatus } from '@kefu/sdk';
import { KefuAccessApi } from '@kefu/sdk';
import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useAccessText } from './accessText';

/** An agent turns on two-step verification: QR code and key, a first code, then the recovery codes. */
export function TwoFactorSetup({ onDone }: { onDone(): void }) {
  const text = useAccessText();
  const { client, markTwoFactorEnabled } = useSession();
  const api = useMemo(() => new KefuAccessApi(client), [client]);
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [wrongCode, setWrongCode] = useState(false);

  useEffect(() => {
    void api.twoFactorStatus().then(setStatus, () => undefined);
  }, [api]);

  const confirm = async ({ code }: { code: string }) => {
    setWrongCode(false);
    try {
      setRecoveryCodes(await api.confirmTwoFactor(code.trim()));
    } catch {
      setWrongCode(true);
    }
  };

  if (recoveryCodes)
    return (
      <div>
        <Typography.Title level={5}>{text('twoFactorRecoveryTitle')}</Typography.Title>
        <Alert type="warning" showIcon title={text('twoFactorRecoveryIntro')} style={{ marginBottom: 12 }} />
        <List
          size="small"
          bordered
          aria-label={text('twoFactorRecoveryTitle')}
          dataSource={recoveryCodes}
          renderItem={(code) => (
            <List.Item>
              <Typography.Text className="mono">{code}</Typography.Text>
            </List.Item>
          )}
        />
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          onClick={() => {
            markTwoFactorEnabled();
            onDone();
          }}
        >
          {text('done')}
        </Button>
      </div>
    );
  if (status?.enabled)
    return (
      <Alert type="success" showIcon title={text('twoFactorEnabled', { count: status.recoveryCodesLeft })} />
    );
  return (
    <div>
      <Typography.Paragraph>{text('twoFactorIntro')}</Typography.Paragraph>
      {status?.required && <Alert type="info" showIcon title={text('twoFactorRequiredNotice')} />}
      {!enrolment ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          onClick={() => void api.startTwoFactorEnrolment().then(setEnrolment)}
        >
          {text('twoFactorStart')}
        </Button>
      ) : (
        <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
          <Typography.Text>{text('twoFactorScan')}</Typography.Text>
          <img src={enrolment.qrCodeDataUrl} alt={text('twoFactorTitle')} width={200} height={200} />
          <Typography.Text>
            {text('twoFactorSecret')}:{' '}
            <Typography.Text copyable code className="two-factor-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Text>
          {wrongCode && <Alert type="error" showIcon title={text('twoFactorWrongCode')} />}
          <Form<{ code: string }> layout="inline" onFinish={(fields) => void confirm(fields)}>
            <Form.Item
              label={text('twoFactorCode')}
              name="code"
              rules={[{ required: true, message: text('required') }]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {text('twoFactorConfirm')}
            </Button>
          </Form>
        </Space>
      )}
    </div>
  );
}
