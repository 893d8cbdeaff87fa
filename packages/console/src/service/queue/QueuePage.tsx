import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { QueueEntry } from '@kefu/sdk';
import { KefuApiError } from '@kefu/sdk';
import { App as AntApp, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ChannelIcon } from '../../common/ChannelIcon';
import { allChannels, priorityColors, priorityLabelKeys } from '../../common/labels';
import { navigate } from '../../common/router';
import { formatDuration, useNow } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useInbox } from '../../inbox/InboxContext';
import { customerDisplayName } from '../../inbox/customerName';
import { useService } from '../ServiceContext';
import { describeReason } from '../serviceLabels';
import { useServiceText } from '../serviceText';
import { QueueSlaTag } from './QueueSlaTag';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useFailureText } from '../../common/failureText';

/** The live queue in the server's order (priority, then waiting time), with manual pull. */
export function QueuePage() {
  const st = useServiceText();
  const names = useDisplayNames();
  const { t } = useI18n();
  const { queue, reloadQueue, api, directory } = useService();
  const { customers, upsertConversation } = useInbox();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const now = useNow(15_000);
  const [pulling, setPulling] = useState(false);
  const teamName = (teamId: string | null) =>
    teamId ? (directory.teams.find((team) => team.id === teamId)?.name ?? teamId) : '—';

  const pull = async () => {
    setPulling(true);
    try {
      const conversation = await api.pullNext();
      upsertConversation(conversation);
      reloadQueue();
      toast.success(st('pulled'));
      navigate({ screen: 'inbox', conversationId: conversation.id });
    } catch (failure) {
      if (failure instanceof KefuApiError && failure.status === 404) toast.info(st('nothingToPull'));
      else toast.error(describeFailure(failure));
    } finally {
      setPulling(false);
    }
  };

  return (
    <div className="admin-page service-page">
      <Card
        title={
          <Space direction="vertical" size={0}>
            <span>
              {st('queueTitle')} <Tag bordered={false}>{queue.total}</Tag>
            </span>
            <Typography.Text type="secondary" className="service-subtitle">
              {st('queueSubtitle')}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reloadQueue} aria-label={st('refresh')} />
            <Button type="primary" icon={<DownloadOutlined />} loading={pulling} onClick={() => void pull()}>
              {st('pullNext')}
            </Button>
          </Space>
        }
      >
        <Table<QueueEntry>
          rowKey="conversationId"
          dataSource={queue.entries}
          pagination={false}
          size="middle"
          scroll={{ x: 900 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('queueEmpty')} />,
          }}
          onRow={(entry) => ({
            onClick: () => navigate({ screen: 'inbox', conversationId: entry.conversationId }),
            className: `queue-row queue-row--${entry.priority}`,
          })}
          columns={[
            {
              title: st('position'),
              dataIndex: 'position',
              width: 64,
              render: (position: number) => `#${position}`,
            },
            {
              title: st('priority'),
              dataIndex: 'priority',
              width: 90,
              render: (_, entry) => (
                <Tag color={priorityColors[entry.priority]}>{t(priorityLabelKeys[entry.priority])}</Tag>
              ),
            },
            {
              title: st('customer'),
              key: 'customer',
              render: (_, entry) => {
                const channel = allChannels.find((candidate) => candidate === entry.channel);
                return (
                  <Space size={6}>
                    {channel && <ChannelIcon channel={channel} />}
                    <span>{customerDisplayName(customers.get(entry.customerId), entry.customerId, t)}</span>
                  </Space>
                );
              },
            },
            {
              title: st('category'),
              dataIndex: 'category',
              render: (category: string) => <Tag>{names.category(category)}</Tag>,
            },
            {
              title: st('reason'),
              dataIndex: 'reason',
              render: (reason: string) => describeReason(reason, st),
            },
            { title: st('team'), dataIndex: 'teamId', render: (teamId: string | null) => teamName(teamId) },
            {
              title: st('waited'),
              key: 'waited',
              width: 110,
              render: (_, entry) => formatDuration(now - Date.parse(entry.enqueuedAt), t),
            },
            {
              title: st('target'),
              key: 'target',
              width: 170,
              render: (_, entry) => <QueueSlaTag conversationId={entry.conversationId} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
