import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { isSoundEnabled, setSoundEnabled } from '../inbox/notifications';
import type { CannedResponse } from './cannedResponses';
import { useCannedResponses } from './cannedResponses';

/** Canned responses of this browser, and the notification sound setting. */
export function CannedResponsesPage() {
  const { t } = useI18n();
  const [responses, save] = useCannedResponses();
  const [sound, setSound] = useState(isSoundEnabled);
  const [form] = Form.useForm<CannedResponse>();

  const add = (fields: CannedResponse) => {
    const shortcut = fields.shortcut.replace(/^\//, '').trim();
    save([
      ...responses.filter((response) => response.shortcut !== shortcut),
      { shortcut, text: fields.text.trim() },
    ]);
    form.resetFields();
  };

  return (
    <div className="admin-page">
      <Card title={t('cannedTitle')}>
        <Typography.Paragraph type="secondary">{t('cannedIntro')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={add} className="canned-form">
          <Form.Item name="shortcut" rules={[{ required: true, pattern: /^\/?[\w-]{1,30}$/ }]}>
            <Input prefix="/" placeholder={t('shortcut')} aria-label={t('shortcut')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="text" rules={[{ required: true, max: 4000 }]} style={{ flex: 1 }}>
            <Input placeholder={t('text')} aria-label={t('text')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
            {t('addCanned')}
          </Button>
        </Form>
        <Table<CannedResponse>
          rowKey="shortcut"
          dataSource={responses}
          pagination={false}
          columns={[
            {
              title: t('shortcut'),
              dataIndex: 'shortcut',
              width: 140,
              render: (shortcut: string) => <code>/{shortcut}</code>,
            },
            { title: t('text'), dataIndex: 'text' },
            {
              title: '',
              width: 60,
              render: (_value, response) => (
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('delete')} /${response.shortcut}`}
                  onClick={() => save(responses.filter((entry) => entry.shortcut !== response.shortcut))}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card>
        <Space>
          <Switch
            checked={sound}
            aria-label={t('soundNotifications')}
            onChange={(enabled) => {
              setSoundEnabled(enabled);
              setSound(enabled);
            }}
          />
          {t('soundNotifications')}
        </Space>
      </Card>
    </div>
  );
}
