import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { ApiToken, KefuAccessApi } from '@kefu/sdk';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useSignedInAgent } from '../auth/SessionContext';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';
import { usePermissionLabel } from '../security/permissionLabels';
import { useAccessText } from './accessText';

interface TokenForm {
  name: string;
  scopes: string[];
  expiresAt: Dayjs | null;
}

/** Integrations' API tokens: create one with some of one's own permissions, see its secret once, revoke it. */
export function ApiTokensTab({ api }: { api: KefuAccessApi }) {
  const text = useAccessText();
  const { locale } = useI18n();
  const agent = useSignedInAgent();
  const permissionLabel = usePermissionLabel();
  const { message: toast } = AntApp.useApp();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<TokenForm>();
  const report = useCallback(() => toast.error(text('actionFailed')), [toast, text]);
  const reload = useCallback(() => void api.listApiTokens().then(setTokens, report), [api, report]);
  useEffect(reload, [reload]);

  const create = async () => {
    const fields = await form.validateFields();
    try {
      const created = await api.createApiToken({
        name: fields.name,
        scopes: fields.scopes ?? [],
        expiresAt: fields.expiresAt ? fields.expiresAt.toISOString() : null,
      });
      setCreating(false);
      setSecret(created.secret);
      reload();
    } catch {
      report();
    }
  };
  const stateOf = (token: ApiToken) => {
    if (token.revokedAt) return <Tag color="red">{text('apiTokenRevoked')}</Tag>;
    if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now())
      return <Tag>{text('apiTokenExpired')}</Tag>;
    return <Tag color="green">{text('apiTokenActive')}</Tag>;
  };

  return (
    <Space direction="vertical" size="large" className="security-tab">
      <Typography.Paragraph type="secondary">{text('apiTokensIntro')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          form.resetFields();
          setCreating(true);
        }}
      >
        {text('apiTokenNew')}
      </Button>
      <List
        size="small"
        bordered
        aria-label={text('tabApiTokens')}
        dataSource={tokens}
        locale={{ emptyText: text('apiTokenNone') }}
        renderItem={(token) => (
          <List.Item
            actions={
              token.revokedAt
                ? []
                : [
                    <Popconfirm
                      key="revoke"
                      title={text('apiTokenRevokeConfirm')}
                      okText={text('apiTokenRevoke', { name: '' }).trim()}
                      cancelText={text('cancel')}
                      onConfirm={() => api.revokeApiToken(token.id).then(reload, report)}
                    >
                      <Button danger type="text" icon={<StopOutlined />}>
                        {text('apiTokenRevoke', { name: token.name })}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {token.name}
                  {stateOf(token)}
                  <Typography.Text code>{token.prefix}…</Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={4}>
                  <span>
                    {token.scopes.map((scope) => (
                      <Tag key={scope}>{permissionLabel(scope)}</Tag>
                    ))}
                  </span>
                  <Typography.Text type="secondary">
                    {text('apiTokenLastUsed')}:{' '}
                    {token.lastUsedAt ? formatClock(token.lastUsedAt, locale) : text('apiTokenNeverUsed')} ·{' '}
                    {text('apiTokenExpires')}:{' '}
                    {token.expiresAt ? formatClock(token.expiresAt, locale) : text('apiTokenNoExpiry')}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={creating}
        title={text('apiTokenNew')}
        okText={text('apiTokenCreate')}
        cancelText={text('cancel')}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ scopes: [], expiresAt: null }}
        >
          <Form.Item
            name="name"
            label={text('apiTokenName')}
            rules={[{ required: true, whitespace: true, max: 80, message: text('required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="scopes" label={text('apiTokenScopes')}>
            <Checkbox.Group
              className="permission-checkboxes"
              options={agent.permissions.map((permission) => ({
                value: permission,
                label: permissionLabel(permission),
              }))}
            />
          </Form.Item>
          <Form.Item name="expiresAt" label={text('apiTokenExpiry')}>
            <DatePicker showTime disabledDate={(day) => day.isBefore(new Date(), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={text('apiTokenCreated')}
        closable={false}
        maskClosable={false}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {text('done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={text('apiTokenSecretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Text copyable code className="api-token-secret">
          {secret}
        </Typography.Text>
      </Modal>
    </Space>
  );
}
