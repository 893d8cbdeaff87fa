import { EditOutlined } from '@ant-design/icons';
import type { AgentSkills, ChannelKind, RoutingProfile, Team } from '@kefu/sdk';
import { App as AntApp, Badge, Button, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ChannelName, useChannelOptions } from '../../common/ChannelName';
import { presenceColors, presenceLabelKeys } from '../../common/labels';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';
import { CategoryPicker } from '../../common/CategoryPicker';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useFailureText } from '../../common/failureText';

interface SkillsFields extends AgentSkills {
  capacity: number | null;
}

/** Each agent's capacity and skills (empty = any), loaded from their routing profile. */
export function AgentSkillsTable({ teams }: { teams: Team[] }) {
  const st = useServiceText();
  const { t } = useI18n();
  const names = useDisplayNames();
  const channelOptions = useChannelOptions();
  const { api, directory } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [profiles, setProfiles] = useState<ReadonlyMap<string, RoutingProfile>>(new Map());
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm<SkillsFields>();
  const agentIds = directory.agents.map((agent) => agent.id).join(',');

  useEffect(() => {
    const ids = agentIds.split(',').filter(Boolean);
    void Promise.all(ids.map((id) => api.getAgentRouting(id).catch(() => null))).then((loaded) =>
      setProfiles(
        new Map(loaded.flatMap((profile) => (profile ? [[profile.agentId, profile] as const] : []))),
      ),
    );
  }, [api, agentIds, teams]);

  const open = (agentId: string) => {
    const profile = profiles.get(agentId);
    form.setFieldsValue({
      capacity: profile?.capacity ?? null,
      categories: profile?.skills.categories ?? [],
      languages: profile?.skills.languages ?? [],
      channels: profile?.skills.channels ?? [],
      productLines: profile?.skills.productLines ?? [],
    });
    setEditing(agentId);
  };
  const save = async () => {
    if (!editing) return;
    const { capacity, ...skills } = await form.validateFields();
    try {
      const saved = await api.setAgentRouting(editing, { capacity: capacity ?? null, skills });
      setProfiles((previous) => new Map(previous).set(saved.agentId, saved));
      toast.success(st('saved'));
      setEditing(null);
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };
  const tags = <Value extends string>(
    values: readonly Value[] | undefined,
    show: (value: Value) => ReactNode = (value) => value,
  ) =>
    values && values.length > 0 ? (
      <Space size={[4, 4]} wrap>
        {values.map((value) => (
          <Tag key={value}>{show(value)}</Tag>
        ))}
      </Space>
    ) : (
      <Tag bordered={false}>{st('any')}</Tag>
    );

  return (
    <>
      <Table
        rowKey="id"
        dataSource={directory.agents}
        pagination={false}
        size="small"
        scroll={{ x: 900 }}
        columns={[
          {
            title: st('agentColumn'),
            key: 'name',
            render: (_, agent) => (
              <Badge
                color={presenceColors[agent.presence]}
                text={agent.displayName}
                title={t(presenceLabelKeys[agent.presence])}
              />
            ),
          },
          {
            title: st('capacity'),
            key: 'capacity',
            width: 90,
            render: (_, agent) => profiles.get(agent.id)?.capacity ?? st('defaultValue'),
          },
          {
            title: st('skillCategories'),
            key: 'categories',
            render: (_, agent) => tags(profiles.get(agent.id)?.skills.categories.map(names.category)),
          },
          {
            title: st('skillLanguages'),
            key: 'languages',
            render: (_, agent) => tags(profiles.get(agent.id)?.skills.languages.map(names.language)),
          },
          {
            title: st('skillChannels'),
            key: 'channels',
            render: (_, agent) =>
              tags(profiles.get(agent.id)?.skills.channels, (channel) => <ChannelName channel={channel} />),
          },
          {
            title: st('team'),
            key: 'teams',
            render: (_, agent) =>
              tags(teams.filter((team) => team.memberIds.includes(agent.id)).map((team) => team.name)),
          },
          {
            key: 'actions',
            width: 60,
            render: (_, agent) => (
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={`${st('editSkills')} ${agent.displayName}`}
                onClick={() => open(agent.id)}
              />
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={`${st('editSkills')} · ${directory.agents.find((agent) => agent.id === editing)?.displayName ?? ''}`}
        okText={st('save')}
        cancelText={st('cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form<SkillsFields> form={form} layout="vertical">
          <Form.Item name="capacity" label={st('capacity')}>
            <InputNumber min={1} max={100} placeholder={st('any')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="categories" label={st('skillCategories')}>
            <CategoryPicker multiple placeholder={st('any')} />
          </Form.Item>
          <Form.Item name="languages" label={st('skillLanguages')}>
            <Select
              mode="multiple"
              placeholder={st('any')}
              options={['zh', 'en'].map((code) => ({ value: code, label: names.language(code) }))}
            />
          </Form.Item>
          <Form.Item name="channels" label={st('skillChannels')}>
            <Select<ChannelKind[]>
              className="skills-channel-select"
              mode="multiple"
              options={channelOptions}
            />
          </Form.Item>
          <Form.Item name="productLines" label={st('skillProductLines')}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
