import { PlusOutlined } from '@ant-design/icons';
import type { AgentProfile, AgentRole, NewAgentInput } from '@kefu/sdk';
import { App as AntApp, Badge, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { presenceColors, presenceLabelKeys, roleLabelKeys } from '../common/labels';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';

const roles: AgentRole[] = ['agent', 'supervisor', 'admin'];

/** Admins list the shop's agents and create accounts with a role. */
export function AgentsPage() {
  const { t, locale } = useI18n();
  const { client } = useSession();
  const { message: toast } = AntApp.useApp();
  const [agents, setAgents] = useState<AgentProfile[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewAgentInput>();

  const load = useCallback(() => {
    setLoading(true);
    client
      .listAgents()
      .then(setAgents, (failure: unknown) => toast.error(String(failure)))
      .finally(() => setLoading(false));
  }, [client, toast]);
  useEffect(load, [load]);

  const create = async () => {
    const input = await form.validateFields();
    try {
      await client.createAgent(input);
      toast.success(t('saved'));
      setCreating(false);
      form.resetFields();
      load();
    } catch (failure) {
      toast.error(failure instanceof Error ? failure.message : String(failure));
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
              render: (role: AgentRole) => <Tag>{t(roleLabelKeys[role])}</Tag>,
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
              render: (isActive: boolean) => (isActive ? '✓' : '—'),
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
            <Select options={roles.map((role) => ({ value: role, label: t(roleLabelKeys[role]) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
