import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { KefuTrustApi, WidgetOriginListing } from '@kefu/sdk';
import { App as AntApp, Button, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSecurityText } from './securityText';
import { useFailureText } from '../common/failureText';

const originPattern = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/** The sites allowed to embed the widget: the configured ones (read-only) and those an admin adds here. */
export function WidgetOriginsTab({ api }: { api: KefuTrustApi }) {
  const text = useSecurityText();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [listing, setListing] = useState<WidgetOriginListing | null>(null);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api.getWidgetOrigins().then(setListing, (failure: unknown) => toast.error(String(failure)));
  }, [api, toast]);
  if (!listing) return <Spin />;

  const save = async (added: string[]) => {
    setSaving(true);
    try {
      setListing(await api.setWidgetOrigins(added));
      setDraft('');
      toast.success(text('saved'));
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setSaving(false);
    }
  };
  const add = () => {
    const origin = draft.trim().replace(/\/$/, '').toLowerCase();
    if (originPattern.test(origin)) void save([...listing.added, origin]);
    else void toast.warning(text('widgetOriginInvalid'));
  };

  return (
    <Space direction="vertical" size="large" className="security-tab">
      <Typography.Paragraph>{text('widgetOriginsIntro')}</Typography.Paragraph>
      <div>
        <Typography.Title level={5}>{text('widgetOriginsConfigured')}</Typography.Title>
        {listing.configured === '*' ? (
          <Tag color="orange">{text('widgetOriginsEveryone')}</Tag>
        ) : listing.configured.length === 0 ? (
          <Typography.Text type="secondary">{text('widgetOriginsNone')}</Typography.Text>
        ) : (
          listing.configured.map((origin) => <Tag key={origin}>{origin}</Tag>)
        )}
      </div>
      <div>
        <Typography.Title level={5}>{text('widgetOriginsAdded')}</Typography.Title>
        <List
          size="small"
          bordered
          dataSource={listing.added}
          locale={{ emptyText: text('widgetOriginsNone') }}
          renderItem={(origin) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={text('widgetOriginRemove', { origin })}
                  disabled={saving}
                  onClick={() => void save(listing.added.filter((other) => other !== origin))}
                />,
              ]}
            >
              {origin}
            </List.Item>
          )}
        />
        <Space.Compact className="security-origin-input">
          <Input
            value={draft}
            placeholder={text('widgetOriginPlaceholder')}
            aria-label={text('widgetOriginsAdded')}
            onChange={(event) => setDraft(event.target.value)}
            onPressEnter={add}
          />
          <Button type="primary" icon={<PlusOutlined />} loading={saving} onClick={add}>
            {text('widgetOriginAdd')}
          </Button>
        </Space.Compact>
      </div>
    </Space>
  );
}
