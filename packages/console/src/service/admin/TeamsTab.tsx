import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Team, TeamInput } from '@kefu/sdk';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';
import { AgentSkillsTable } from './AgentSkillsTable';
import { useFailureText } from '../../common/failureText';

/** Teams with their members, then every agent's skills, capacity and teams. */
export function TeamsTab() {
  const st = useServiceText();
  const { api, directory, reloadDirectory } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [teams, setTeams] = useState<Team[]>([]);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<{ open: boolean; team: Team | null }>({ open: false, team: null });
  const [form] = Form.useForm<TeamInput>();

  const load = useCallback(() => {
    setLoading(true);
    api
      .listTeams()
      .then(setTeams, (failure: unknown) => toast.error(String(failure)))
      .finally(() => setLoading(false));
  }, [api, toast]);
  useEffect(load, [load]);
  useEffect(() => {
    if (dialog.open) form.setFieldsValue(dialog.team ?? { name: '', memberIds: [] });
  }, [dialog, form]);

  const save = async () => {
    const input = await form.validateFields();
    try {
      if (dialog.team) await api.updateTeam(dialog.team.id, input);
      else await api.createTeam(input);
      toast.success(st('saved'));
      setDialog({ ...dialog, open: false });
      load();
      reloadDirectory();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };
  const agentName = (agentId: string) =>
    directory.agents.find((agent) => agent.id === agentId)?.displayName ?? agentId;

  return (
    <>
      <div className="tab-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ open: true, team: null })}>
          {st('newTeam')}
        </Button>
      </div>
      <Table<Team>
        rowKey="id"
        loading={loading}
        dataSource={teams}
        pagination={false}
        size="middle"
        columns={[
          { title: st('teamName'), dataIndex: 'name', width: 200 },
          {
            title: st('members'),
            dataIndex: 'memberIds',
            render: (memberIds: string[]) => (
              <Space size={[4, 4]} wrap>
                {memberIds.map((memberId) => (
                  <Tag key={memberId}>{agentName(memberId)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'actions',
            width: 60,
            render: (_, team) => (
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={`${st('edit')} ${team.name}`}
                onClick={() => setDialog({ open: true, team })}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5} className="section-title">
        {st('agentSkills')}
      </Typography.Title>
      <AgentSkillsTable teams={teams} />
      <Modal
        open={dialog.open}
        title={dialog.team ? st('editTeam') : st('newTeam')}
        okText={st('save')}
        cancelText={st('cancel')}
        onOk={() => void save()}
        onCancel={() => setDialog({ ...dialog, open: false })}
        forceRender
      >
        <Form<TeamInput> form={form} layout="vertical">
          <Form.Item name="name" label={st('teamName')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="memberIds" label={st('members')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={directory.agents.map((agent) => ({ value: agent.id, label: agent.displayName }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
