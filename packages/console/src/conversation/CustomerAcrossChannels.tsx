import type { CustomerMerge, CustomerTimelineItem } from '@kefu/sdk';
import { KefuCustomerApi } from '@kefu/sdk';
import { Button, Empty, Input, List, Popconfirm, Space, Tag, Typography, message as toast } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { ChannelIcon } from '../common/ChannelIcon';
import { channelLabelKeys } from '../common/labels';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';

const senderKeys: Record<CustomerTimelineItem['message']['sender'], MessageKey> = {
  customer: 'timelineSenderCustomer',
  bot: 'timelineSenderBot',
  agent: 'timelineSenderAgent',
  system: 'timelineSenderSystem',
};

/**
 * One shopper across channels, in the customer panel: every message of theirs on every channel in time order
 * with the channel's name and icon; for agents who may, merging another customer in and undoing a merge.
 */
export function CustomerAcrossChannels({ customerId, onChanged }: { customerId: string; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { client } = useSession();
  const agent = useSignedInAgent();
  const api = useMemo(() => new KefuCustomerApi(client), [client]);
  const mayMerge = agent.permissions.includes('customers:merge');
  const [items, setItems] = useState<CustomerTimelineItem[]>([]);
  const [merges, setMerges] = useState<CustomerMerge[]>([]);
  const [otherId, setOtherId] = useState('');

  const load = useCallback(() => {
    void api.timeline(customerId).then(setItems, () => undefined);
    if (mayMerge) void api.merges(customerId).then(setMerges, () => undefined);
  }, [api, customerId, mayMerge]);
  useEffect(load, [load]);

  const afterChange = (text: string) => {
    void toast.success(text);
    load();
    onChanged();
  };
  const failed = () => void toast.error(t('customerMergeFailed'));
  const merge = () =>
    void api.merge(customerId, otherId.trim()).then(() => {
      setOtherId('');
      afterChange(t('customerMerged'));
    }, failed);
  const undo = (mergeId: string) =>
    void api.undoMerge(mergeId).then(() => afterChange(t('customerUnmerged')), failed);

  return (
    <section className="customer-across-channels" aria-label={t('customerTimeline')}>
      <h4>{t('customerTimeline')}</h4>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
      ) : (
        <List
          size="small"
          className="customer-timeline"
          dataSource={items}
          renderItem={(item) => (
            <List.Item data-channel={item.channel}>
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <ChannelIcon channel={item.channel} />
                  <Typography.Text strong>{t(channelLabelKeys[item.channel])}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(senderKeys[item.message.sender])} · {formatClock(item.message.createdAt, locale)}
                  </Typography.Text>
                </Space>
                <Typography.Text className="timeline-text">{item.message.text}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {mayMerge && (
        <>
          <h4>{t('customerMerges')}</h4>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('customerMergeOtherId')}
              placeholder={t('customerMergeOtherId')}
              value={otherId}
              onChange={(event) => setOtherId(event.target.value)}
            />
            <Popconfirm title={t('customerMergeConfirm')} onConfirm={merge} okText={t('customerMergeAction')}>
              <Button disabled={otherId.trim().length === 0}>{t('customerMergeAction')}</Button>
            </Popconfirm>
          </Space.Compact>
          <List
            size="small"
            className="customer-merges"
            dataSource={merges}
            locale={{ emptyText: t('none') }}
            renderItem={(merge) => (
              <List.Item
                actions={
                  merge.undoneAt === null
                    ? [
                        <Popconfirm
                          key="undo"
                          title={t('customerUnmergeConfirm')}
                          onConfirm={() => undo(merge.id)}
                          okText={t('customerUnmergeAction')}
                        >
                          <Button size="small">{t('customerUnmergeAction')}</Button>
                        </Popconfirm>,
                      ]
                    : [<Tag key="undone">{t('customerMergeUndone')}</Tag>]
                }
              >
                <Typography.Text className="mono">{merge.mergedCustomerId}</Typography.Text>{' '}
                <Tag>{t(merge.reason === 'manual' ? 'customerMergeManual' : 'customerMergeVerifiedKey')}</Tag>
              </List.Item>
            )}
          />
        </>
      )}
    </section>
  );
}
