import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { SlaPolicy, SlaPolicyInput } from '@kefu/sdk';
import { App as AntApp, Button, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { channelLabelKeys, priorityColors, priorityLabelKeys } from '../../common/labels';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';
import { SlaPolicyDialog } from './SlaPolicyDialog';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useFailureText } from '../../common/failureText';

/** SLA policies in match order: who they apply to and their first response / next response / resolution targets. */
export function SlaPoliciesTab() {
  const st = useServiceText();
  const names = useDisplayNames();
  const { t } = useI18n();
  const { api } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<{ open: boolean; policy: SlaPolicy | null }>({
    open: false,
    policy: null,
  });

  const load = useCallback(() => {
    setLoading(true);
    api
      .listSlaPolicies()
      .then(setPolicies, (failure: unknown) => toast.error(String(failure)))
      .finally(() => setLoading(false));
  }, [api, toast]);
  useEffect(load, [load]);

  const save = async (input: SlaPolicyInput) => {
    try {
      if (dialog.policy) await api.updateSlaPolicy(dialog.policy.id, input);
      else await api.createSlaPolicy(input);
      toast.success(st('saved'));
      setDialog({ ...dialog, open: false });
      load();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };
  const remove = async (policy: SlaPolicy) => {
    try {
      await api.deleteSlaPolicy(policy.id);
      load();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };
  const minutes = (value: number | null) => (value === null ? '—' : st('minutesShort', { n: value }));

  return (
    <>
      <div className="tab-toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ open: true, policy: null })}
        >
          {st('newPolicy')}
        </Button>
      </div>
      <Table<SlaPolicy>
        rowKey="id"
        loading={loading}
        dataSource={policies}
        pagination={false}
        size="middle"
        scroll={{ x: 960 }}
        columns={[
          { title: st('matchOrder'), dataIndex: 'position', width: 80 },
          { title: st('policyName'), dataIndex: 'name', render: (name: string) => names.slaPolicy(name) },
          {
            title: st('matches'),
            key: 'matches',
            render: (_, policy) => (
              <Space size={4} wrap>
                {policy.matchPriority && (
                  <Tag color={priorityColors[policy.matchPriority]}>
                    {t(priorityLabelKeys[policy.matchPriority])}
                  </Tag>
                )}
                {policy.matchCategory && <Tag>{names.category(policy.matchCategory)}</Tag>}
                {policy.matchChannel && <Tag>{t(channelLabelKeys[policy.matchChannel])}</Tag>}
                {!policy.matchPriority && !policy.matchCategory && !policy.matchChannel && (
                  <Tag bordered={false}>{st('any')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: st('targetFirstResponse'),
            dataIndex: 'firstResponseMinutes',
            render: minutes,
            width: 100,
          },
          { title: st('targetNextResponse'), dataIndex: 'nextResponseMinutes', render: minutes, width: 100 },
          { title: st('targetResolution'), dataIndex: 'resolutionMinutes', render: minutes, width: 100 },
          {
            title: st('businessHoursOnly'),
            dataIndex: 'businessHoursOnly',
            width: 110,
            render: (value: boolean) => (value ? st('yes') : st('no')),
          },
          {
            title: st('enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (value: boolean, policy) => (
              <Switch
                size="small"
                checked={value}
                aria-label={`${st('enabled')} ${policy.name}`}
                onChange={(enabled) => void api.updateSlaPolicy(policy.id, { ...policy, enabled }).then(load)}
              />
            ),
          },
          {
            key: 'actions',
            width: 100,
            render: (_, policy) => (
              <Space size={4}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${st('edit')} ${policy.name}`}
                  onClick={() => setDialog({ open: true, policy })}
                />
                <Popconfirm title={`${st('delete')} ${policy.name}?`} onConfirm={() => void remove(policy)}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${st('delete')} ${policy.name}`}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <SlaPolicyDialog
        policy={dialog.policy}
        open={dialog.open}
        onCancel={() => setDialog({ ...dialog, open: false })}
        onSave={(input) => void save(input)}
      />
    </>
  );
}
