import { PlusOutlined } from '@ant-design/icons';
import type { AgentProfile, CustomRole } from '@kefu/sdk';
import { KefuTrustApi } from '@kefu/sdk';
import { App as AntApp, Badge, Button, Card, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { presenceColors, presenceLabelKeys, roleLabelKeys } from '../common/labels';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';
import { fromRoleValue, roleOptions, toRoleValue } from './roleOptions';
import { useFailureText } from '../common/failureText';

interface NewAccountForm {
  displayName: string;
  email: string;
  password: string;
  role: string;
}

/** Admins list the shop's agents, create accounts with a role, change roles and deactivate accounts. */
export function AgentsPage() {
  const { t, locale } = useI18n();
  const { client } = useSession();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [agents, setAgents] = useState<AgentProfile[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [customRoles, setCustomRoles] = useState<CustomRole[]>([]);
  const [form] = Form.useForm<NewAccountForm>();
  const trust = useMemo(() => new KefuTrustApi(client), [client]);
  const options = roleOptions(customRoles, (role) => t(roleLabelKeys[role]));

  const load = useCallback(() => {
    setLoading(true);
    trust.listRoles().then(
      (listing) => setCustomRoles(listing.custom),
      () => undefined,
    );
    client
      .listAgents()
      .then(setAgents, (failure: unknown) => toast.error(String(failure)))
      .finally(() => setLoading(false));
  }, [client, trust, toast]);
  useEffect(load, [load]);

  const changeAccess = async (
    agent: AgentProfile,
    change: Parameters<KefuTrustApi['changeAgentAccess']>[1],
  ) => {
    try {
      const updated = await trust.changeAgentAccess(agent.id, change);
      setAgents((previous) => previous.map((entry) => (entry.id === updated.id ? updated : entry)));
      toast.success(t('saved'));
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  const create = async () => {
    const { role, ...input } = await form.validateFields();
    try {
      await client.createAgent({ ...input, ...fromRoleValue(role) });
      toast.success(t('saved'));
      setCreating(false);
      form.resetFields();
      load();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  return (
    <div className="admin-page">
      <Card
        title={t('agentsTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('createAgent')}
          </Button>
        }
      >
        <Table<AgentProfile>
          rowKey="id"
          loading={loading}
          dataSource={agents}
          pagination={false}
          scroll={{ x: 720 }}
          columns={[
            { title: t('displayName'), dataIndex: 'displayName' },
            { title: t('email'), dataIndex: 'email' },
            {
              title: t('role'),
              dataIndex: 'role',
              render: (_role, agent) => (
                <Select
                  size="small"
                  className="agent-role-select"
                  aria-label={`${t('role')} ${agent.displayName}`}
                  value={toRoleValue(agent)}
                  options={options}
                  onChange={(value: string) => void changeAccess(agent, fromRoleValue(value))}
                />
              ),
            },
            {
              title: t('presence'),
              dataIndex: 'presence',
              render: (_value, agent) => (
                <Badge color={presenceColors[agent.presence]} text={t(presenceLabelKeys[agent.presence])} />
              ),
            },
            {
              title: t('active'),
              dataIndex: 'isActive',
              render: (isActive: boolean, agent) => (
                <Switch
                  size="small"
                  checked={isActive}
                  aria-label={`${t('active')} ${agent.displayName}`}
                  onChange={(checked) => void changeAccess(agent, { isActive: checked })}
                />
              ),
            },
            {
              title: t('createdAt'),
              dataIndex: 'createdAt',
              render: (createdAt: string) => formatClock(createdAt, locale),
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('createAgent')}
        okText={t('create')}
        cancelText={t('cancel')}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'agent' }} requiredMark={false}>
          <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('email')} rules={[{ required: true, type: 'email' }]}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('role')} rules={[{ required: true }]}>
            <Select options={options} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
