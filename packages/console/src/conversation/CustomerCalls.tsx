import { PhoneOutlined } from '@ant-design/icons';
import type { CallDirection, CallRecord } from '@kefu/sdk';
import { KefuCallsApi } from '@kefu/sdk';
import { Button, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';

interface LogCallForm {
  direction: CallDirection;
  minutes: number;
  note?: string;
}

/** The customer's phone calls (call center and logged by hand), and a form to log one. */
export function CustomerCalls({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const { client } = useSession();
  const agent = useSignedInAgent();
  const calls = useMemo(() => new KefuCallsApi(client), [client]);
  const [items, setItems] = useState<CallRecord[]>([]);
  const [logging, setLogging] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<LogCallForm>();
  const mayLog = agent.permissions.includes('conversations:reply');

  const reload = useCallback(
    () => void calls.listCalls(customerId).then(setItems, () => undefined),
    [calls, customerId],
  );
  useEffect(reload, [reload]);

  const submit = async (values: LogCallForm) => {
    setSaving(true);
    try {
      await calls.logCall(customerId, {
        direction: values.direction,
        startedAt: new Date().toISOString(),
        durationSeconds: Math.round(values.minutes * 60),
        ...(values.note?.trim() && { note: values.note.trim() }),
      });
      form.resetFields();
      setLogging(false);
      reload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-label={t('calls')}>
      <h4>
        <Space>
          {t('calls')}
          {mayLog && !logging && (
            <Button size="small" icon={<PhoneOutlined />} onClick={() => setLogging(true)}>
              {t('logCall')}
            </Button>
          )}
        </Space>
      </h4>
      {logging && (
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ direction: 'outbound', minutes: 1 }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item name="direction" label={t('callDirection')}>
            <Select
              options={[
                { value: 'inbound', label: t('callInbound') },
                { value: 'outbound', label: t('callOutbound') },
              ]}
            />
          </Form.Item>
          <Form.Item name="minutes" label={t('callMinutes')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1440} step={0.5} />
          </Form.Item>
          <Form.Item name="note" label={t('callNote')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('saveCall')}
            </Button>
            <Button onClick={() => setLogging(false)}>{t('cancel')}</Button>
          </Space>
        </Form>
      )}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('none') }}
        renderItem={(call) => (
          <List.Item className="call-record">
            <div>
              <Space size={4} wrap>
                <PhoneOutlined />
                <Tag>{t(call.direction === 'inbound' ? 'callInbound' : 'callOutbound')}</Tag>
                {formatClock(call.startedAt, locale)}
                <span>
                  {t('callDuration', {
                    minutes: Math.floor(call.durationSeconds / 60),
                    seconds: call.durationSeconds % 60,
                  })}
                </span>
                {call.source === 'manual' && <Tag color="blue">{t('callLoggedByAgent')}</Tag>}
                {call.recordingUrl && (
                  <a href={call.recordingUrl} target="_blank" rel="noreferrer">
                    {t('callRecording')}
                  </a>
                )}
              </Space>
              {call.transcript && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
                  {call.transcript}
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}
